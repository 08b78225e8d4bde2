package fr.secondevie.platform.control;

import java.sql.SQLException;

/**
 * What the database refused, read from the SQLState of the standard in the chain of causes (the
 * same on H2 and PostgreSQL), never from a message: a use case that expects a unique key to refuse
 * a second request turns that into its own refusal with its own code.
 */
public final class SqlStates {

  private static final String UNIQUE_VIOLATION = "23505";

  /**
   * Serialization failure, deadlock, lock not available (PostgreSQL); lock timeout and concurrent
   * update (H2).
   */
  private static final java.util.Set<String> CONCURRENT =
      java.util.Set.of("40001", "40P01", "55P03", "HYT00", "90131");

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

  /** Another transaction changed or locked the same row at the same time. */
  public static boolean isConcurrentUpdate(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof jakarta.persistence.OptimisticLockException
          || t instanceof jakarta.persistence.PessimisticLockException
          || t instanceof jakarta.persistence.LockTimeoutException
          || t instanceof SQLException sql && CONCURRENT.contains(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }
}
