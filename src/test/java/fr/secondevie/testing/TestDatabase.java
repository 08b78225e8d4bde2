package fr.secondevie.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

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

  /** The rows a query answers, each its columns' text joined by spaces: what a test compares. */
  public static List<String> rows(Statement sql, String query) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (ResultSet result = sql.executeQuery(query)) {
      int columns = result.getMetaData().getColumnCount();
      while (result.next()) {
        StringBuilder row = new StringBuilder();
        for (int c = 1; c <= columns; c++) {
          row.append(c > 1 ? " " : "").append(result.getString(c));
        }
        rows.add(row.toString());
      }
    }
    return rows;
  }
}
