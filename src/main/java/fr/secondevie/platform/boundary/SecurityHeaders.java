package fr.secondevie.platform.boundary;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Security headers on every response. Pages may only load the application's own scripts, styles and
 * images and may not be framed; API answers load nothing at all. PrimeFaces needs inline scripts
 * and styles, hence {@code 'unsafe-inline'} for pages only.
 */
@WebFilter(filterName = "securityHeaders", urlPatterns = "/*", asyncSupported = true)
public class SecurityHeaders extends HttpFilter {

  static final String PAGE_POLICY =
      "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval';"
          + " style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:;"
          + " connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self';"
          + " frame-ancestors 'none'";
  static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    boolean api = request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    response.setHeader("Content-Security-Policy", api ? API_POLICY : PAGE_POLICY);
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Referrer-Policy", "same-origin");
    response.setHeader("Permissions-Policy", "camera=(self), geolocation=(), microphone=()");
    if (!api && request.getRequestURI().contains("/app/")) {
      response.setHeader("Cache-Control", "no-store");
    }
    chain.doFilter(request, response);
  }
}
