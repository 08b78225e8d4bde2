package fr.secondevie.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SessionCookiesTest {

  @Test
  void theSessionCookieIsMarkedSecureOnce() {
    assertThat(
            SessionCookies.secured("JSESSIONID=abc; Path=/; HttpOnly; SameSite=lax", "JSESSIONID"))
        .isEqualTo("JSESSIONID=abc; Path=/; HttpOnly; SameSite=lax; Secure");
    assertThat(SessionCookies.secured("JSESSIONID=abc; Path=/; Secure; HttpOnly", "JSESSIONID"))
        .isEqualTo("JSESSIONID=abc; Path=/; Secure; HttpOnly");
  }

  @Test
  void otherCookiesAreLeftAlone() {
    assertThat(SessionCookies.secured("theme=dark; Path=/", "JSESSIONID"))
        .isEqualTo("theme=dark; Path=/");
    assertThat(SessionCookies.secured("JSESSIONIDX=1; Path=/", "JSESSIONID"))
        .isEqualTo("JSESSIONIDX=1; Path=/");
  }
}
