package fr.secondevie.platform.security;

import fr.secondevie.platform.control.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The application's one authentication mechanism (Jakarta Security allows one): HTTP Basic for the
 * API under {@code /api/}, a form login kept in the web session for the pages. Both go through the
 * same identity store and the same {@link LoginThrottle}. What a request may do is decided
 * afterwards: by {@code web.xml} constraints for pages, by {@link AccessControl} for the API.
 */
@ApplicationScoped
public class SecondeVieAuthentication implements HttpAuthenticationMechanism {

  public static final String SESSION_ATTRIBUTE = "fr.secondevie.caller";
  public static final String LOCKED_UNTIL_ATTRIBUTE = "fr.secondevie.login.lockedUntil";
  public static final String LOGIN_PAGE = "/login.xhtml";

  @Inject IdentityStoreHandler identityStore;
  @Inject LoginThrottle throttle;
  @Inject TrustedProxies proxies;
  @Inject Clock clock;
  @Inject AccountStanding standing;

  private final CredentialCache cache = new CredentialCache();

  private sealed interface Outcome {}

  private record Accepted(AuthenticatedCaller caller) implements Outcome {}

  private record Rejected() implements Outcome {}

  private record Locked(LocalDateTime until) implements Outcome {}

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    if (context.isAuthenticationRequest()
        && context.getAuthParameters().getCredential()
            instanceof UsernamePasswordCredential credential) {
      return formLogin(request, context, credential);
    }
    if (isApi(request)) {
      if (request.getHeader("Authorization") == null && "GET".equals(request.getMethod())) {
        return fromSession(request, context, false);
      }
      return basic(request, response, context);
    }
    return fromSession(request, context, true);
  }

  @Override
  public void cleanSubject(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.removeAttribute(SESSION_ATTRIBUTE);
    }
    HttpAuthenticationMechanism.super.cleanSubject(request, response, context);
  }

  private AuthenticationStatus formLogin(
      HttpServletRequest request,
      HttpMessageContext context,
      UsernamePasswordCredential credential) {
    Outcome outcome = check(request, credential.getCaller(), credential.getPasswordAsString());
    if (outcome instanceof Accepted accepted) {
      request.getSession(true);
      request.changeSessionId();
      request.getSession().setAttribute(SESSION_ATTRIBUTE, accepted.caller());
      if (proxies.cameThroughHttps(request)) {
        SessionCookies.markSecure(context.getResponse(), SessionCookies.cookieName(request));
      }
      return login(request, context, accepted.caller());
    }
    if (outcome instanceof Locked locked) {
      request.setAttribute(LOCKED_UNTIL_ATTRIBUTE, locked.until());
    }
    return AuthenticationStatus.SEND_FAILURE;
  }

  private AuthenticationStatus basic(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return context.doNothing();
    }
    Optional<String[]> credentials = decode(header.substring(6).trim());
    if (credentials.isEmpty()) {
      return refuse(response, 401, "BAD_CREDENTIALS", "Malformed Basic credentials", null);
    }
    Outcome outcome = check(request, credentials.get()[0], credentials.get()[1]);
    if (outcome instanceof Accepted accepted) {
      return login(request, context, accepted.caller());
    }
    if (outcome instanceof Locked locked) {
      long seconds = Duration.between(LocalDateTime.now(clock), locked.until()).toSeconds() + 1;
      return refuse(
          response,
          429,
          "TOO_MANY_ATTEMPTS",
          "Too many failed logins: try again in " + seconds + " s",
          seconds);
    }
    return refuse(response, 401, "BAD_CREDENTIALS", "Unknown user or wrong password", null);
  }

  /**
   * The caller kept in the web session, if any. Pages that need a login send the person to the
   * login page; the API never redirects (AccessControl answers 401 where it must).
   */
  private AuthenticationStatus fromSession(
      HttpServletRequest request, HttpMessageContext context, boolean redirectToLogin) {
    HttpSession session = request.getSession(false);
    Object caller = session == null ? null : session.getAttribute(SESSION_ATTRIBUTE);
    if (caller instanceof AuthenticatedCaller authenticated) {
      if (inGoodStanding(authenticated)) {
        return login(request, context, authenticated);
      }
      // Deactivated, or its password changed elsewhere: the session ends here.
      session.invalidate();
    }
    if (redirectToLogin && context.isProtected()) {
      String target = request.getRequestURI().substring(request.getContextPath().length());
      if (request.getQueryString() != null) {
        target += "?" + request.getQueryString();
      }
      return context.redirect(
          request.getContextPath()
              + LOGIN_PAGE
              + "?next="
              + URLEncoder.encode(target, StandardCharsets.UTF_8));
    }
    return context.doNothing();
  }

  /**
   * Checks credentials: the cache of those just accepted, then the throttle's count of the attempt,
   * and only then the password hash. User names too long to be one and passwords with control
   * characters are refused at once, as any wrong password is.
   */
  /**
   * How long at most a locked attempt waits, while this instance is checking a password of the same
   * user, for that check to pass with the same credentials.
   */
  static final Duration VERIFIED_MEANWHILE = Duration.ofSeconds(10);

  /** The passwords being checked now on this instance, by user name. */
  private final java.util.concurrent.ConcurrentHashMap<String, Integer> checking =
      new java.util.concurrent.ConcurrentHashMap<>();

  private Outcome check(HttpServletRequest request, String username, String password) {
    if (!plausible(username, password)) {
      return new Rejected();
    }
    Optional<AuthenticatedCaller> cached = cache.find(username, password);
    if (cached.isPresent()) {
      if (inGoodStanding(cached.get())) {
        return new Accepted(cached.get());
      }
      cache.forget(username);
    }
    String address = proxies.clientAddress(request);
    boolean acrossNames = !proxies.isProxy(address);
    // counted as a check from before its attempt is taken, so that a parallel attempt locked by
    // this one's count sees it going on
    checking.merge(username, 1, Integer::sum);
    Optional<LocalDateTime> lockedUntil;
    try {
      lockedUntil = throttle.admit(username, address, acrossNames);
      if (lockedUntil.isEmpty()) {
        return checked(username, password, address, acrossNames);
      }
    } finally {
      checking.computeIfPresent(username, (name, n) -> n == 1 ? null : n - 1);
    }
    // Parallel requests of one user whose credentials are not cached yet (a counter's first
    // calls, eight at once) each take an attempt before any is checked, so the sixth finds a
    // lock its own right password did not cause. While this instance is checking a password of
    // that user, it waits for the check: found valid, the same credentials are cached and it
    // passes; a wrong guess never is, and with no check going on the refusal is at once.
    Optional<AuthenticatedCaller> verifiedMeanwhile = awaitVerified(username, password);
    return verifiedMeanwhile.isPresent()
        ? new Accepted(verifiedMeanwhile.get())
        : new Locked(lockedUntil.get());
  }

  /** The password checked, the attempt taken. */
  private Outcome checked(String username, String password, String address, boolean acrossNames) {
    CredentialValidationResult result =
        identityStore.validate(new UsernamePasswordCredential(username, password));
    if (result.getStatus() == CredentialValidationResult.Status.VALID
        && result.getCallerPrincipal() instanceof AppPrincipal principal) {
      AuthenticatedCaller caller =
          new AuthenticatedCaller(
              principal.getName(),
              principal.organisationId(),
              principal.territoryId(),
              result.getCallerGroups(),
              principal.credentialVersion());
      throttle.succeeded(username, address, acrossNames);
      cache.remember(username, password, caller);
      return new Accepted(caller);
    }
    return new Rejected();
  }

  private Optional<AuthenticatedCaller> awaitVerified(String username, String password) {
    long deadline = System.nanoTime() + VERIFIED_MEANWHILE.toNanos();
    do {
      Optional<AuthenticatedCaller> cached = cache.find(username, password);
      if (cached.isPresent() && inGoodStanding(cached.get())) {
        return cached;
      }
      if (!checking.containsKey(username)) {
        return Optional.empty(); // no check of this user's password going on here
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      }
    } while (System.nanoTime() < deadline);
    return Optional.empty();
  }

  /**
   * Whether the account a cached credential or a web session stands for is still active with the
   * same credentials, as the database says now (one indexed read): the cache and the session are
   * each instance's own, the database is every instance's.
   */
  private boolean inGoodStanding(AuthenticatedCaller caller) {
    OptionalInt version = standing.activeVersion(caller.username());
    return version.isPresent() && version.getAsInt() == caller.credentialVersion();
  }

  /**
   * Whether the credentials could be a user's at all: a user name that is not blank, fits the users
   * table and holds no control character, and a password without control characters (a trailing NUL
   * must not pass for the password without it).
   */
  static boolean plausible(String username, String password) {
    return username != null
        && !username.isBlank()
        && username.length() <= LoginThrottle.USERNAME_LENGTH
        && password != null
        && username.chars().noneMatch(Character::isISOControl)
        && password.chars().noneMatch(Character::isISOControl);
  }

  private static AuthenticationStatus login(
      HttpServletRequest request, HttpMessageContext context, AuthenticatedCaller caller) {
    request.setAttribute(Caller.REQUEST_ATTRIBUTE, caller);
    return context.notifyContainerAboutLogin(
        new AppPrincipal(caller.username(), caller.organisationId(), caller.territoryId()),
        caller.roles());
  }

  private static AuthenticationStatus refuse(
      HttpServletResponse response, int status, String code, String detail, Long retryAfter) {
    response.setStatus(status);
    if (status == 401) {
      response.setHeader("WWW-Authenticate", "Basic realm=\"Seconde Vie\", charset=\"UTF-8\"");
    }
    if (retryAfter != null) {
      response.setHeader("Retry-After", Long.toString(retryAfter));
    }
    response.setContentType(Problems.MEDIA_TYPE);
    response.setCharacterEncoding("UTF-8");
    try {
      response.getWriter().write(Problems.json(status, code, detail));
      response.flushBuffer();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return AuthenticationStatus.SEND_FAILURE;
  }

  private static Optional<String[]> decode(String encoded) {
    try {
      String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0
          ? Optional.empty()
          : Optional.of(new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)});
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  static boolean isApi(HttpServletRequest request) {
    return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
  }
}
