package fr.secondevie.platform.security;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * The session cookie is {@code Secure} when the request came through HTTPS, here or at a trusted
 * proxy in front ({@link TrustedProxies}); {@code HttpOnly} and {@code SameSite=Lax} come from
 * {@code web.xml} and {@code payara-web.xml}. Payara marks the cookie {@code Secure} only for a
 * connection it took in HTTPS itself, so behind a load balancer that ends TLS the mark is added
 * here: the container writes the cookie when a session is created or its id changed, and this
 * filter adds {@code Secure} to it at once (and again before the answer leaves), before anything is
 * sent.
 */
@WebFilter(filterName = "sessionCookies", urlPatterns = "/*", asyncSupported = true)
public class SessionCookies extends HttpFilter {

  static final String DEFAULT_NAME = "JSESSIONID";

  @Inject TrustedProxies proxies;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!proxies.cameThroughHttps(request) || request.isSecure()) {
      chain.doFilter(request, response);
      return;
    }
    String name = cookieName(request);
    chain.doFilter(
        new HttpServletRequestWrapper(request) {
          @Override
          public HttpSession getSession(boolean create) {
            HttpSession session = super.getSession(create);
            markSecure(response, name);
            return session;
          }

          @Override
          public HttpSession getSession() {
            return getSession(true);
          }

          @Override
          public String changeSessionId() {
            String id = super.changeSessionId();
            markSecure(response, name);
            return id;
          }
        },
        response);
    markSecure(response, name);
  }

  static String cookieName(HttpServletRequest request) {
    String name = request.getServletContext().getSessionCookieConfig().getName();
    return name == null || name.isBlank() ? DEFAULT_NAME : name;
  }

  /** Adds {@code Secure} to the session cookie the response is about to set, if it lacks it. */
  static void markSecure(HttpServletResponse response, String name) {
    if (response.isCommitted()) {
      return;
    }
    List<String> cookies = List.copyOf(response.getHeaders("Set-Cookie"));
    List<String> marked = cookies.stream().map(cookie -> secured(cookie, name)).toList();
    if (marked.equals(cookies)) {
      return;
    }
    response.setHeader("Set-Cookie", marked.get(0));
    marked.stream().skip(1).forEach(cookie -> response.addHeader("Set-Cookie", cookie));
  }

  /** The {@code Set-Cookie} value with {@code Secure} added when it sets the named cookie. */
  static String secured(String setCookie, String name) {
    if (!setCookie.startsWith(name + "=")) {
      return setCookie;
    }
    for (String attribute : setCookie.split(";")) {
      if (attribute.trim().toLowerCase(Locale.ROOT).equals("secure")) {
        return setCookie;
      }
    }
    return setCookie + "; Secure";
  }
}
