package fr.secondevie.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

  @Test
  void fourAttemptsAreForgiven() {
    for (int attempts = 0; attempts < 5; attempts++) {
      assertThat(LoginThrottle.lockDuration(attempts, LoginThrottle.FREE_FAILURES)).isEmpty();
    }
  }

  @Test
  void theLockDoublesFromThirtySecondsUpToFifteenMinutes() {
    int free = LoginThrottle.FREE_FAILURES;
    assertThat(LoginThrottle.lockDuration(5, free)).hasValue(Duration.ofSeconds(30));
    assertThat(LoginThrottle.lockDuration(6, free)).hasValue(Duration.ofMinutes(1));
    assertThat(LoginThrottle.lockDuration(7, free)).hasValue(Duration.ofMinutes(2));
    assertThat(LoginThrottle.lockDuration(10, free)).hasValue(Duration.ofMinutes(15));
    assertThat(LoginThrottle.lockDuration(1000, free)).hasValue(Duration.ofMinutes(15));
  }

  @Test
  void anAddressIsLockedAcrossNamesOnlyAfterManyMoreFailures() {
    int free = LoginThrottle.FREE_FAILURES_PER_ADDRESS;
    assertThat(free).isGreaterThan(LoginThrottle.FREE_FAILURES);
    assertThat(LoginThrottle.lockDuration(free - 1, free)).isEmpty();
    assertThat(LoginThrottle.lockDuration(free, free)).hasValue(Duration.ofSeconds(30));
  }

  @Test
  void aLockTimeoutIsABusyCounterAndOtherFailuresAreNot() {
    var timeout = new java.sql.SQLException("Timeout trying to lock table", "HYT00");
    assertThat(LoginThrottle.busy(new RuntimeException(new IllegalStateException(timeout))))
        .isTrue();
    assertThat(LoginThrottle.busy(new java.sql.SQLException("deadlock", "40P01"))).isTrue();
    assertThat(LoginThrottle.busy(new RuntimeException(new java.sql.SQLException("down", "08001"))))
        .isFalse();
    assertThat(LoginThrottle.busy(new IllegalStateException("no database"))).isFalse();
  }

  @Test
  void aCounterIsForgottenLongAfterItsLongestLock() {
    assertThat(LoginThrottle.FORGET_AFTER).isGreaterThan(LoginThrottle.LONGEST_LOCK);
  }
}
