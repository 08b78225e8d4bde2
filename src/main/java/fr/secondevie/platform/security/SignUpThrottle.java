package fr.secondevie.platform.security;

import fr.secondevie.platform.entity.BusinessException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;

/**
 * Public sign-ups are counted as login attempts are ({@link LoginThrottle}: one conditional update
 * in the database, so the limit holds across threads and instances), per client address under a
 * name no user can have: five requests from an address, then locks of 30 s doubling up to 15 min.
 * Refused with 429 TOO_MANY_ATTEMPTS before anything is stored.
 */
@ApplicationScoped
public class SignUpThrottle {

  /** The counter's user name: '#' is in no user name. */
  static final String SIGN_UP = "#sign-up";

  @Inject LoginThrottle throttle;
  @Inject TrustedProxies proxies;
  @Inject Clock clock;

  public void admit(HttpServletRequest request) {
    throttle
        .admit(SIGN_UP, proxies.clientAddress(request), false)
        .ifPresent(
            until -> {
              long seconds = Duration.between(LocalDateTime.now(clock), until).toSeconds() + 1;
              throw new BusinessException(
                  429,
                  "TOO_MANY_ATTEMPTS",
                  "Too many requests from this address: try again in " + seconds + " s");
            });
  }
}
