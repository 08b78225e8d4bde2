package fr.secondevie.platform.boundary;

import fr.secondevie.platform.control.Problems;
import fr.secondevie.platform.control.Problems.FieldError;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * What the servlet container would answer for the API before JAX-RS sees the request, answered as
 * problems instead: {@code TRACE} (405 on every path, pages included), a path under {@code /api/}
 * that hides a slash, a backslash, a dot or a percent sign in an escape ({@code ..%2F..%2Fetc},
 * refused as 400 rather than resolved to another path), a query parameter that is not well escaped
 * or holds a control character ({@code ?q=%00}, which PostgreSQL cannot even compare), and a body
 * announced larger than {@link RequiredBody#MAX_BYTES} (413, before it is read; a body sent in
 * chunks is bounded while it is read). The other errors the container raises itself (no such path
 * under {@code /api}, an exception outside JAX-RS) come back as problems through {@link
 * ErrorPages}. (What Grizzly refuses before any application code runs, a path it cannot decode and
 * oversized headers, is answered by {@link fr.secondevie.platform.boundary.edge.RequestRefusal} in
 * the server.)
 */
@WebFilter(filterName = "apiEdge", urlPatterns = "/*", asyncSupported = true)
public class ApiEdge extends HttpFilter {

  /** How much of a refused body is read and dropped before the refusal: 16 MiB. */
  static final long DRAIN_BYTES = 16L << 20;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    boolean api = isApi(request);
    if ("TRACE".equalsIgnoreCase(request.getMethod())) {
      response.setHeader("Allow", "GET, HEAD, POST, PUT, DELETE, OPTIONS");
      if (api) {
        write(response, 405, "METHOD_NOT_ALLOWED", "TRACE is not allowed", List.of());
      } else {
        response.sendError(405);
      }
      return;
    }
    if (!api) {
      chain.doFilter(request, response);
      return;
    }
    String raw = request.getRequestURI().toLowerCase(Locale.ROOT);
    if (raw.contains("%2f")
        || raw.contains("%5c")
        || raw.contains("%2e")
        || raw.contains("%25")
        || raw.contains("/../")
        || raw.contains("/./")
        || raw.endsWith("/..")) {
      write(
          response,
          400,
          "INVALID_INPUT",
          "The path is not valid",
          List.of(
              new FieldError(
                  "path", "must not contain an escaped slash, backslash, dot or percent sign")));
      return;
    }
    FieldError parameter = invalidQueryParameter(request.getQueryString());
    if (parameter != null) {
      write(
          response, 400, "INVALID_INPUT", "The request has invalid parameters", List.of(parameter));
      return;
    }
    if (request.getContentLengthLong() > RequiredBody.MAX_BYTES) {
      drain(request.getInputStream());
      write(response, 413, "PAYLOAD_TOO_LARGE", RequiredBody.tooLarge().getMessage(), List.of());
      return;
    }
    chain.doFilter(request, response);
  }

  /**
   * The first query parameter that is not a well-formed escape or that holds a control character
   * ({@code ?q=%00}), which no parameter of the API takes; null when all are fine.
   */
  static FieldError invalidQueryParameter(String query) {
    if (query == null || query.isEmpty()) {
      return null;
    }
    for (String pair : query.split("&")) {
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      try {
        String decodedName = URLDecoder.decode(name, StandardCharsets.UTF_8);
        if (JsonShape.hasControlCharacter(decodedName)
            || JsonShape.hasControlCharacter(URLDecoder.decode(value, StandardCharsets.UTF_8))) {
          return new FieldError(printable(decodedName), "must not contain control characters");
        }
      } catch (IllegalArgumentException malformed) {
        return new FieldError("query", "must be percent-encoded correctly");
      }
    }
    return null;
  }

  private static String printable(String name) {
    return JsonShape.hasControlCharacter(name) || name.length() > 100 ? "query" : name;
  }

  /**
   * Reads and drops what is left of a refused body, up to {@link #DRAIN_BYTES}: a client that is
   * still sending (an HTTP/2 stream above all) then reads the 413 instead of a connection reset.
   */
  static void drain(InputStream in) {
    try {
      byte[] buffer = new byte[64 * 1024];
      long left = DRAIN_BYTES;
      int read;
      while (left > 0 && (read = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
        left -= read;
      }
    } catch (IOException closed) {
      // the client gave up sending: nothing left to drop
    }
  }

  static boolean isApi(HttpServletRequest request) {
    return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
  }

  static void write(
      HttpServletResponse response, int status, String code, String detail, List<FieldError> errors)
      throws IOException {
    byte[] body = Problems.json(status, code, detail, errors).getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    response.setContentType(Problems.MEDIA_TYPE);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
