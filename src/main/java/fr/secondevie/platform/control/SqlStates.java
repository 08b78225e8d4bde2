package fr.secondevie.platform.control;

import java.sql.SQLException;

/**
 * What the database refused, read from the SQLState of the standard in the chain of causes (the
 * same on H2 and PostgreSQL), never from a message: a use case that expects a unique key to refuse
 * a second request turns that into its own refusal with its own code.
 */
public final class SqlStates {

  private static final String UNIQUE_VIOLATION = "23505";

  private SqlStates() {}

  /** A unique key or primary key already holds the value written. */
  public static boolean isUniqueViolation(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }
}
