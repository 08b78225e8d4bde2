package fr.secondevie.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * A direct connection to the database the deployed application uses, for tests that check what was
 * stored (the audit trail) or that the database itself refuses something.
 */
public final class TestDatabase {

  private TestDatabase() {}

  public static String url() {
    return System.getProperty("it.db.url");
  }

  public static boolean isPostgres() {
    return url() != null && url().startsWith("jdbc:postgresql:");
  }

  public static Connection connect() throws SQLException {
    String user = System.getProperty("it.db.user", "");
    String password = System.getProperty("it.db.password", "");
    return DriverManager.getConnection(
        url(), user.isEmpty() && !isPostgres() ? "sa" : user, password);
  }
}
