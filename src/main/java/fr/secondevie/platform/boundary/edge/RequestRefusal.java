package fr.secondevie.platform.boundary.edge;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.HttpResponsePacket;
import org.glassfish.grizzly.http.Protocol;
import org.glassfish.grizzly.http.util.MimeHeaders;
import org.glassfish.grizzly.memory.Buffers;

/**
 * Answers the requests Grizzly would refuse with an empty body, before any code of the application
 * runs, with a readable refusal: a path it cannot decode (400 {@code INVALID_INPUT}, naming the
 * path) and header fields over {@link #MAX_HEADER_BYTES} (431 {@code HEADERS_TOO_LARGE}); a problem
 * under {@code /api/}, a short page in French and English elsewhere. The path is decoded by
 * Grizzly's rules on a copy, so the request itself is left untouched. The answer never repeats the
 * path; the rest of a refused request's body is read and dropped.
 */
class RequestRefusal extends BaseFilter {

  /**
   * The largest header fields accepted, 16 KiB (twice Grizzly's own default, since it is now raised
   * to 256 KiB so that this filter, not Grizzly's empty answer, refuses them).
   */
  static final int MAX_HEADER_BYTES = 16 * 1024;

  static final String UNREADABLE_PROBLEM =
      "{\"type\":\"https://secondevie.fr/problems/invalid-input\",\"title\":\"Bad request\","
          + "\"status\":400,\"code\":\"INVALID_INPUT\","
          + "\"detail\":\"The request's path cannot be read: it holds a NUL, a backslash or an"
          + " escape that is not valid, or it climbs above the root.\","
          + "\"errors\":[{\"field\":\"path\",\"message\":\"cannot be decoded\"}]}";

  static final String HEADERS_PROBLEM =
      "{\"type\":\"https://secondevie.fr/problems/headers-too-large\","
          + "\"title\":\"Request refused\",\"status\":431,\"code\":\"HEADERS_TOO_LARGE\","
          + "\"detail\":\"The request's header fields are over 16 KiB.\","
          + "\"errors\":[{\"field\":\"headers\",\"message\":\"over 16 KiB\"}]}";

  static final String HEADERS_PAGE =
      page(
          "Demande trop longue",
          "Votre navigateur a envoyé trop d'informations (des cookies trop nombreux, sans doute)."
              + " Effacez les cookies de ce site puis réessayez.",
          "Your browser sent too much information (too many cookies, probably).");

  static final String UNREADABLE_PAGE =
      page(
          "Cette adresse est illisible",
          "Elle contient des caractères qui ne peuvent pas être lus.",
          "This address cannot be read.");

  private static String page(String title, String french, String english) {
    return "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<title>"
        + title
        + " – Seconde Vie</title></head><body><main><h1>"
        + title
        + "</h1><p>"
        + french
        + " <a href=\"/\">Revenir à l'accueil</a></p><p lang=\"en\">"
        + english
        + " <a href=\"/\">Home page</a></p></main></body></html>";
  }

  /** The attribute that marks a request already refused, so its body's chunks are dropped. */
  private static final String REFUSED = RequestRefusal.class.getName() + ".refused";

  @Override
  public NextAction handleRead(FilterChainContext ctx) throws IOException {
    if (!(ctx.getMessage() instanceof HttpContent content)
        || !(content.getHttpHeader() instanceof HttpRequestPacket request)) {
      return ctx.getInvokeAction();
    }
    if (request.getAttribute(REFUSED) != null) {
      content.recycle();
      return ctx.getStopAction();
    }
    String raw = request.getRequestURI();
    boolean api = raw != null && (raw.startsWith("/api/") || raw.equals("/api"));
    if (!readable(raw)) {
      return refuse(ctx, content, request, 400, api ? UNREADABLE_PROBLEM : UNREADABLE_PAGE, api);
    }
    if (headerBytes(request) > MAX_HEADER_BYTES) {
      return refuse(ctx, content, request, 431, api ? HEADERS_PROBLEM : HEADERS_PAGE, api);
    }
    return ctx.getInvokeAction();
  }

  private static NextAction refuse(
      FilterChainContext ctx,
      HttpContent content,
      HttpRequestPacket request,
      int status,
      String answer,
      boolean api) {
    request.setAttribute(REFUSED, Boolean.TRUE);
    byte[] body = answer.getBytes(StandardCharsets.UTF_8);
    HttpResponsePacket response = request.getResponse();
    response.setStatus(status);
    response.setReasonPhrase(status == 431 ? "Request Header Fields Too Large" : "Bad Request");
    response.setContentType(api ? "application/problem+json" : "text/html;charset=UTF-8");
    response.setContentLength(body.length);
    response.addHeader("Cache-Control", "no-store");
    response.addHeader("X-Content-Type-Options", "nosniff");
    if (request.isExpectContent()
        && !content.isLast()
        && request.getProtocol() != Protocol.HTTP_2_0) {
      response.getProcessingState().setKeepAlive(false);
      response.addHeader("Connection", "close");
    }
    ctx.write(
        HttpContent.builder(response)
            .content(Buffers.wrap(ctx.getMemoryManager(), body))
            .last(true)
            .build());
    content.recycle();
    return ctx.getStopAction();
  }

  /** The size of the request's header fields, as sent: names, values and separators. */
  static long headerBytes(HttpRequestPacket request) {
    MimeHeaders headers = request.getHeaders();
    long bytes = 0;
    for (int i = 0; i < headers.size(); i++) {
      bytes += headers.getName(i).getLength() + headers.getValue(i).getLength() + 4;
    }
    return bytes;
  }

  /**
   * Whether Grizzly can decode the path: every escape two hexadecimal digits, UTF-8 once decoded,
   * no NUL and no backslash, and no {@code ..} that climbs above the root.
   */
  static boolean readable(String raw) {
    if (raw == null) {
      return true;
    }
    byte[] bytes = new byte[raw.length()];
    int length = 0;
    for (int i = 0; i < raw.length(); i++) {
      int c = raw.charAt(i);
      if (c == '%') {
        int high = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
        int low = high >= 0 ? Character.digit(raw.charAt(i + 2), 16) : -1;
        if (low < 0) {
          return false;
        }
        c = high * 16 + low;
        i += 2;
      }
      if (c == 0 || c == '\\' || c > 0xFF) {
        return false;
      }
      bytes[length++] = (byte) c;
    }
    String decoded;
    try {
      decoded =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes, 0, length))
              .toString();
    } catch (CharacterCodingException notUtf8) {
      return false;
    }
    int depth = 0;
    for (String segment : decoded.split("/", -1)) {
      if (segment.equals("..")) {
        if (--depth < 0) {
          return false;
        }
      } else if (!segment.isEmpty() && !segment.equals(".")) {
        depth++;
      }
    }
    return true;
  }
}
