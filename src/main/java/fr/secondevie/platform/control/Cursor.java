package fr.secondevie.platform.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/**
 * Reads a large result row by row, for the files that stream a programme's million redemptions or a
 * batch's codes: on a connection of its own, outside any transaction, with auto-commit off and a
 * fetch size, which is what makes PostgreSQL's driver keep a server-side cursor instead of loading
 * the whole result (H2 reads lazily anyway); the connection is rolled back and given back as it
 * was.
 */
public final class Cursor {

  /** What is done with the row the result stands on. */
  @FunctionalInterface
  public interface Row {
    void read(ResultSet row) throws SQLException;
  }

  static final int FETCH_SIZE = 2_000;

  private Cursor() {}

  /**
   * Runs {@code sql} with its {@code parameters} and hands each row to {@code row}, in order; a
   * failure of the database is an {@link IllegalStateException} saying that {@code what} could not
   * be read.
   */
  public static void each(
      DataSource dataSource, String what, String sql, List<?> parameters, Row row) {
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try (PreparedStatement query = connection.prepareStatement(sql)) {
        query.setFetchSize(FETCH_SIZE);
        for (int i = 0; i < parameters.size(); i++) {
          query.setObject(i + 1, parameters.get(i));
        }
        try (ResultSet rows = query.executeQuery()) {
          while (rows.next()) {
            row.read(rows);
          }
        }
      } finally {
        connection.rollback();
        connection.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(what + " could not be read", e);
    }
  }
}
