package fr.secondevie.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Slows down password guessing. Every login attempt that reaches the password check is counted
 * first, by one conditional UPDATE that also checks the lock, so guesses sent in parallel (or to
 * several instances behind a load balancer) are counted one by one and the limit holds: after
 * {@value #FREE_FAILURES} attempts for a user name from one client address, further attempts from
 * that address are refused without looking at the password, for a lock period that doubles with
 * each attempt after it (30 s, 1 min, 2 min... up to 15 min). A success forgets the user's counter.
 *
 * <p>The counter is per user name <em>and</em> client address: a stranger guessing a counter
 * agent's password from elsewhere locks only their own address out, and the agent at the relay
 * still logs in. An address also has a counter across user names ({@value
 * #FREE_FAILURES_PER_ADDRESS} failures), against one machine trying many names; a success gives its
 * attempt back there. A trusted proxy's own address is not counted across names: it stands for
 * every client behind it. Counters are forgotten {@link #FORGET_AFTER} after their last attempt.
 */
@ApplicationScoped
public class LoginThrottle {

  static final int FREE_FAILURES = 5;
  static final int FREE_FAILURES_PER_ADDRESS = 30;
  static final Duration FIRST_LOCK = Duration.ofSeconds(30);
  static final Duration LONGEST_LOCK = Duration.ofMinutes(15);
  static final Duration FORGET_AFTER = Duration.ofHours(1);

  /** Lock timeouts (H2, PostgreSQL), deadlocks and serialization failures: a counter too busy. */
  private static final Set<String> BUSY = Set.of("HYT00", "55P03", "40P01", "40001");

  /** The user name of an address's counter across names (a user name is never blank). */
  static final String ANY_USER = "";

  /** The longest user name the counters (and the users table) hold. */
  public static final int USERNAME_LENGTH = 100;

  /** A lock as the coordination sees it: {@code username} is null for an address's lock. */
  public record Lock(
      String username, String clientAddress, int attempts, LocalDateTime lockedUntil) {}

  /** One counter: a user name from an address, or an address across names. */
  public record Counter(String username, String address, int freeFailures) {

    static Counter of(String username, String address) {
      return new Counter(username, address, FREE_FAILURES);
    }

    static Counter ofAddress(String address) {
      return new Counter(ANY_USER, address, FREE_FAILURES_PER_ADDRESS);
    }
  }

  @Inject Counters counters;
  @Inject Clock clock;

  /**
   * Counts a login attempt before its password is checked.
   *
   * @param acrossNames whether the address's counter across user names applies too
   * @return empty when the attempt may go on to the password check, else until when it is locked
   */
  public Optional<LocalDateTime> admit(String username, String address, boolean acrossNames) {
    Counter user = Counter.of(username, address);
    Optional<LocalDateTime> locked = take(user);
    if (locked.isPresent() || !acrossNames) {
      return locked;
    }
    locked = take(Counter.ofAddress(address));
    if (locked.isPresent()) {
      counters.giveBack(user);
    }
    return locked;
  }

  /** The password was right: the user's counter from that address starts again. */
  public void succeeded(String username, String address, boolean acrossNames) {
    counters.forget(Counter.of(username, address));
    if (acrossNames) {
      counters.giveBack(Counter.ofAddress(address));
    }
  }

  /** The locks in force now, latest first. */
  public List<Lock> currentLocks() {
    return counters.locks(LocalDateTime.now(clock));
  }

  /**
   * Takes an attempt on a counter: the conditional update, or, when no row is there yet, the row
   * created with this first attempt. Two requests creating it at once: one insert fails on the
   * primary key and its request takes its attempt on the row the other created.
   */
  private Optional<LocalDateTime> take(Counter counter) {
    LocalDateTime now = LocalDateTime.now(clock);
    try {
      for (int round = 0; round < 3; round++) {
        if (counters.take(counter, now)) {
          return Optional.empty();
        }
        Optional<LocalDateTime> until = counters.lockedUntil(counter, now);
        if (until.isPresent()) {
          return until;
        }
        try {
          if (counters.open(counter, now)) {
            return Optional.empty();
          }
        } catch (RuntimeException openedConcurrently) {
          // Another request created this counter at the same moment: it exists now.
        }
      }
    } catch (RuntimeException e) {
      if (!busy(e)) {
        throw e;
      }
      // So many attempts at once on this counter that the database gave up waiting (H2 waits 2 s
      // for a row): refused for a second, unchecked, as a lock would.
    }
    return Optional.of(now.plusSeconds(1));
  }

  /** Whether the failure is the database giving up on a busy row rather than an error. */
  static boolean busy(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException sql && BUSY.contains(String.valueOf(sql.getSQLState()))) {
        return true;
      }
    }
    return false;
  }

  /** The lock that follows the given number of attempts, if any. */
  static Optional<Duration> lockDuration(int attempts, int freeFailures) {
    if (attempts < freeFailures) {
      return Optional.empty();
    }
    int doublings = Math.min(attempts - freeFailures, 10);
    Duration lock = FIRST_LOCK.multipliedBy(1L << doublings);
    return Optional.of(lock.compareTo(LONGEST_LOCK) > 0 ? LONGEST_LOCK : lock);
  }

  /** The counters' statements, each in a short transaction of its own. */
  @ApplicationScoped
  public static class Counters {

    @PersistenceContext EntityManager em;

    /**
     * One attempt taken on an existing counter that is not locked: the update both checks the lock
     * and counts, and holds the row until the lock it may set is written, so a parallel attempt
     * waits and then sees the lock.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean take(Counter counter, LocalDateTime now) {
      int taken =
          em.createNativeQuery(
                  "update login_throttle set attempts = case when last_attempt_at < ? then 1"
                      + " else attempts + 1 end, last_attempt_at = ?, locked_until = null"
                      + " where username = ? and client_address = ?"
                      + " and (locked_until is null or locked_until <= ?)")
              .setParameter(1, now.minus(FORGET_AFTER))
              .setParameter(2, now)
              .setParameter(3, counter.username())
              .setParameter(4, counter.address())
              .setParameter(5, now)
              .executeUpdate();
      if (taken == 0) {
        return false;
      }
      int attempts =
          ((Number)
                  em.createNativeQuery(
                          "select attempts from login_throttle"
                              + " where username = ? and client_address = ?")
                      .setParameter(1, counter.username())
                      .setParameter(2, counter.address())
                      .getSingleResult())
              .intValue();
      lockDuration(attempts, counter.freeFailures())
          .ifPresent(
              lock ->
                  em.createNativeQuery(
                          "update login_throttle set locked_until = ?"
                              + " where username = ? and client_address = ?")
                      .setParameter(1, now.plus(lock))
                      .setParameter(2, counter.username())
                      .setParameter(3, counter.address())
                      .executeUpdate());
      return true;
    }

    /** The counter created with its first attempt; false when it exists already. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean open(Counter counter, LocalDateTime now) {
      return em.createNativeQuery(
                  "insert into login_throttle"
                      + " (username, client_address, attempts, last_attempt_at)"
                      + " select cast(? as varchar(100)), cast(? as varchar(45)), 1,"
                      + " cast(? as timestamp) where not exists (select 1 from login_throttle"
                      + " where username = ? and client_address = ?)")
              .setParameter(1, counter.username())
              .setParameter(2, counter.address())
              .setParameter(3, now)
              .setParameter(4, counter.username())
              .setParameter(5, counter.address())
              .executeUpdate()
          == 1;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<LocalDateTime> lockedUntil(Counter counter, LocalDateTime now) {
      List<?> rows =
          em.createNativeQuery(
                  "select locked_until from login_throttle"
                      + " where username = ? and client_address = ? and locked_until > ?")
              .setParameter(1, counter.username())
              .setParameter(2, counter.address())
              .setParameter(3, now)
              .getResultList();
      return rows.stream().map(Counters::toLocalDateTime).findFirst();
    }

    /**
     * An attempt given back: the password was right, or another counter refused the attempt before
     * any check. The lock it may have set goes with it.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void giveBack(Counter counter) {
      em.createNativeQuery(
              "update login_throttle set attempts = attempts - 1,"
                  + " locked_until = case when attempts - 1 >= ? then locked_until end"
                  + " where username = ? and client_address = ? and attempts > 0")
          .setParameter(1, counter.freeFailures())
          .setParameter(2, counter.username())
          .setParameter(3, counter.address())
          .executeUpdate();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void forget(Counter counter) {
      em.createNativeQuery("delete from login_throttle where username = ? and client_address = ?")
          .setParameter(1, counter.username())
          .setParameter(2, counter.address())
          .executeUpdate();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Lock> locks(LocalDateTime now) {
      List<?> rows =
          em.createNativeQuery(
                  "select username, client_address, attempts, locked_until from login_throttle"
                      + " where locked_until > ? order by locked_until desc, username")
              .setParameter(1, now)
              .setMaxResults(1000)
              .getResultList();
      return rows.stream()
          .map(Object[].class::cast)
          .map(
              row ->
                  new Lock(
                      ANY_USER.equals(row[0]) ? null : (String) row[0],
                      (String) row[1],
                      ((Number) row[2]).intValue(),
                      toLocalDateTime(row[3])))
          .toList();
    }

    /** Forgets the counters nobody tried for {@link #FORGET_AFTER} and that lock nothing. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int sweep(LocalDateTime now) {
      return em.createNativeQuery(
              "delete from login_throttle where last_attempt_at < ?"
                  + " and (locked_until is null or locked_until <= ?)")
          .setParameter(1, now.minus(FORGET_AFTER))
          .setParameter(2, now)
          .executeUpdate();
    }

    private static LocalDateTime toLocalDateTime(Object value) {
      return value instanceof Timestamp ts ? ts.toLocalDateTime() : (LocalDateTime) value;
    }
  }
}
