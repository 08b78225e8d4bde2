package fr.secondevie.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Slows down password guessing: after {@value #FREE_FAILURES} consecutive failures for a user name,
 * further attempts are refused without looking at the password for a lock period that doubles with
 * each failure (30 s, 1 min, 2 min... up to 15 min). The counters live in the database so that
 * every instance behind a load balancer applies the same lock.
 */
@ApplicationScoped
public class LoginThrottle {

  static final int FREE_FAILURES = 5;
  static final Duration FIRST_LOCK = Duration.ofSeconds(30);
  static final Duration LONGEST_LOCK = Duration.ofMinutes(15);

  @PersistenceContext EntityManager em;
  @Inject Clock clock;

  /** When the user name is locked, until when. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Optional<LocalDateTime> lockedUntil(String username) {
    List<?> rows =
        em.createNativeQuery("select locked_until from login_throttle where username = ?")
            .setParameter(1, username)
            .getResultList();
    LocalDateTime now = LocalDateTime.now(clock);
    return rows.stream()
        .filter(java.util.Objects::nonNull)
        .map(LoginThrottle::toLocalDateTime)
        .filter(until -> until.isAfter(now))
        .findFirst();
  }

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void recordFailure(String username) {
    LocalDateTime now = LocalDateTime.now(clock);
    int updated =
        em.createNativeQuery(
                "update login_throttle set failures = failures + 1, last_failure_at = ?"
                    + " where username = ?")
            .setParameter(1, now)
            .setParameter(2, username)
            .executeUpdate();
    if (updated == 0) {
      em.createNativeQuery(
              "insert into login_throttle (username, failures, last_failure_at) values (?, 1, ?)")
          .setParameter(1, username)
          .setParameter(2, now)
          .executeUpdate();
      return;
    }
    Number failures =
        (Number)
            em.createNativeQuery("select failures from login_throttle where username = ?")
                .setParameter(1, username)
                .getSingleResult();
    lockDuration(failures.intValue())
        .ifPresent(
            lock ->
                em.createNativeQuery(
                        "update login_throttle set locked_until = ? where username = ?")
                    .setParameter(1, now.plus(lock))
                    .setParameter(2, username)
                    .executeUpdate());
  }

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void recordSuccess(String username) {
    em.createNativeQuery("delete from login_throttle where username = ?")
        .setParameter(1, username)
        .executeUpdate();
  }

  /** The lock that follows the given number of consecutive failures, if any. */
  static Optional<Duration> lockDuration(int failures) {
    if (failures < FREE_FAILURES) {
      return Optional.empty();
    }
    int doublings = Math.min(failures - FREE_FAILURES, 10);
    Duration lock = FIRST_LOCK.multipliedBy(1L << doublings);
    return Optional.of(lock.compareTo(LONGEST_LOCK) > 0 ? LONGEST_LOCK : lock);
  }

  private static LocalDateTime toLocalDateTime(Object value) {
    return value instanceof Timestamp ts ? ts.toLocalDateTime() : (LocalDateTime) value;
  }
}
