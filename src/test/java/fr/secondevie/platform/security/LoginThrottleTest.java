package fr.secondevie.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

  @Test
  void fourFailuresAreForgiven() {
    for (int failures = 0; failures < 5; failures++) {
      assertThat(LoginThrottle.lockDuration(failures)).isEmpty();
    }
  }

  @Test
  void theLockDoublesFromThirtySecondsUpToFifteenMinutes() {
    assertThat(LoginThrottle.lockDuration(5)).hasValue(Duration.ofSeconds(30));
    assertThat(LoginThrottle.lockDuration(6)).hasValue(Duration.ofMinutes(1));
    assertThat(LoginThrottle.lockDuration(7)).hasValue(Duration.ofMinutes(2));
    assertThat(LoginThrottle.lockDuration(10)).hasValue(Duration.ofMinutes(15));
    assertThat(LoginThrottle.lockDuration(1000)).hasValue(Duration.ofMinutes(15));
  }
}
