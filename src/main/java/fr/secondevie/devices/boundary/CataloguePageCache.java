package fr.secondevie.devices.boundary;

import fr.secondevie.devices.boundary.CatalogueFragments.Part;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A short-lived cache of the public catalogue pages as anonymous visitors get them: the same URL in
 * the same language is rendered at most once every {@value #TTL_MILLIS} ms, so a crowd of visitors
 * costs little. Only anonymous GETs answered 200 with HTML and no cookie are kept; a logged-in
 * person, a language switch or anything else goes straight through. A device sold a few seconds ago
 * may still show for those seconds: the sale itself is checked at the counter.
 *
 * <p>The catalogue's list ({@code /catalogue/index.xhtml}) is asked with filters that seldom
 * repeat, so its pages seldom come from that cache. Its frame — everything but what {@link
 * CatalogueFragments} writes — is the same for every anonymous visitor of a language: JSF renders
 * it at most once every {@value #FRAME_MILLIS} ms with each fragment's place marked, and each visit
 * fills the places. A static JSF page costs about a third more CPU than the trivial API read;
 * filling the frame costs the filter and the fragments only (README, "Performance").
 */
@WebFilter(filterName = "cataloguePageCache", urlPatterns = "/catalogue/*")
public class CataloguePageCache extends HttpFilter {

  static final long TTL_MILLIS = 5_000;

  /** How long a language's frame of the catalogue's list is kept (the relays' list is as old). */
  static final long FRAME_MILLIS = 10_000;

  /** The request attribute that asks the catalogue page for its frame. */
  static final String FRAME = "fr.secondevie.catalogue.frame";

  static final int MAX_ENTRIES = 2_000;

  private record Header(String name, String value) {}

  private record Page(long expires, String contentType, List<Header> headers, byte[] body) {}

  private final Map<String, Page> pages = new ConcurrentHashMap<>();

  /**
   * A language's frame of the catalogue's list, cut at the fragments' places: {@code pieces[i]},
   * then fragment {@code parts[i]}, ..., then the last piece.
   */
  private record Frame(
      long expires, String contentType, List<Header> headers, String[] pieces, Part[] parts) {}

  private final Map<String, Frame> frames = new ConcurrentHashMap<>();

  @Inject CatalogueFragments fragments;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!"GET".equals(request.getMethod())
        || request.getUserPrincipal() != null
        || request.getParameter("lang") != null) {
      chain.doFilter(request, response);
      return;
    }
    String key = key(request);
    long now = System.currentTimeMillis();
    Page page = pages.get(key);
    if (page != null && page.expires() > now) {
      page.headers().forEach(h -> response.setHeader(h.name(), h.value()));
      response.setContentType(page.contentType());
      response.setContentLength(page.body().length);
      response.getOutputStream().write(page.body());
      return;
    }
    if (request.getRequestURI().equals(request.getContextPath() + "/catalogue/index.xhtml")) {
      fromFrame(request, response, chain, key, now);
      return;
    }
    Recorder recorder = new Recorder(response);
    chain.doFilter(request, recorder);
    if (recorder.passedThrough) {
      return;
    }
    byte[] body = recorder.body();
    if (recorder.cacheable()) {
      keep(key, new Page(now + TTL_MILLIS, recorder.getContentType(), recorder.headers, body), now);
    }
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  /**
   * The catalogue's list from its language's frame: rendered by JSF when missing or old (the only
   * pass down the chain this request makes), then filled with this visit's fragments.
   */
  private void fromFrame(
      HttpServletRequest request,
      HttpServletResponse response,
      FilterChain chain,
      String key,
      long now)
      throws IOException, ServletException {
    String language = language(request);
    Frame frame = frames.get(language);
    if (frame == null || frame.expires() <= now) {
      HttpServletRequestWrapper asking = new HttpServletRequestWrapper(request);
      asking.setAttribute(FRAME, Boolean.TRUE);
      Recorder recorder = new Recorder(response);
      try {
        chain.doFilter(asking, recorder);
      } finally {
        request.removeAttribute(FRAME);
      }
      if (recorder.passedThrough) {
        return;
      }
      byte[] body = recorder.body();
      if (recorder.status != 200
          || recorder.getContentType() == null
          || !recorder.getContentType().startsWith("text/html")) {
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        return;
      }
      frame = cut(new String(body, StandardCharsets.UTF_8), recorder, now);
      if (!recorder.cookie) {
        frames.put(language, frame);
      }
    } else {
      frame.headers().forEach(h -> response.setHeader(h.name(), h.value()));
      response.setContentType(frame.contentType());
    }
    Map<Part, String> parts =
        fragments.of(
            CatalogueParams.of(request),
            java.util.Locale.forLanguageTag(language),
            request.getContextPath());
    StringBuilder page = new StringBuilder(frame.pieces()[0].length() * 2 + 12_000);
    for (int i = 0; i < frame.parts().length; i++) {
      page.append(frame.pieces()[i]).append(parts.get(frame.parts()[i]));
    }
    page.append(frame.pieces()[frame.parts().length]);
    byte[] body = page.toString().getBytes(StandardCharsets.UTF_8);
    keep(key, new Page(now + TTL_MILLIS, frame.contentType(), frame.headers(), body), now);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  private void keep(String key, Page page, long now) {
    if (pages.size() >= MAX_ENTRIES) {
      pages.entrySet().removeIf(e -> e.getValue().expires() <= now);
      if (pages.size() >= MAX_ENTRIES) {
        pages.clear();
      }
    }
    pages.put(key, page);
  }

  /** The frame cut at each fragment's mark. */
  private static Frame cut(String html, Recorder recorder, long now) {
    List<String> pieces = new ArrayList<>();
    List<Part> parts = new ArrayList<>();
    int from = 0;
    while (true) {
      int at = html.indexOf("@@sv-", from);
      int end = at < 0 ? -1 : html.indexOf("@@", at + 5);
      if (end < 0) {
        break;
      }
      Part part = Part.valueOf(html.substring(at + 5, end));
      pieces.add(html.substring(from, at));
      parts.add(part);
      from = end + 2;
    }
    pieces.add(html.substring(from));
    return new Frame(
        now + FRAME_MILLIS,
        recorder.getContentType(),
        List.copyOf(recorder.headers),
        pieces.toArray(String[]::new),
        parts.toArray(Part[]::new));
  }

  private static String language(HttpServletRequest request) {
    return request.getCookies() == null
        ? "fr"
        : Arrays.stream(request.getCookies())
            .filter(c -> "lang".equals(c.getName()) && ("en".equals(c.getValue())))
            .map(Cookie::getValue)
            .findFirst()
            .orElse("fr");
  }

  private static String key(HttpServletRequest request) {
    return language(request)
        + ' '
        + request.getRequestURI()
        + '?'
        + (request.getQueryString() == null ? "" : request.getQueryString());
  }

  /** Passes headers through, keeps the body to store it. */
  private static final class Recorder extends HttpServletResponseWrapper {

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(16_384);
    private final List<Header> headers = new ArrayList<>();
    private int status = 200;
    private boolean cookie;
    private boolean passedThrough;
    private PrintWriter writer;
    private ServletOutputStream stream;

    Recorder(HttpServletResponse response) {
      super(response);
    }

    boolean cacheable() {
      String type = getContentType();
      return status == 200 && !cookie && type != null && type.startsWith("text/html");
    }

    byte[] body() {
      if (writer != null) {
        writer.flush();
      }
      return buffer.toByteArray();
    }

    @Override
    public void setStatus(int sc) {
      status = sc;
      super.setStatus(sc);
    }

    @Override
    public void sendError(int sc) throws IOException {
      status = sc;
      passedThrough = true;
      super.sendError(sc);
    }

    @Override
    public void sendError(int sc, String msg) throws IOException {
      status = sc;
      passedThrough = true;
      super.sendError(sc, msg);
    }

    @Override
    public void sendRedirect(String location) throws IOException {
      status = 302;
      passedThrough = true;
      super.sendRedirect(location);
    }

    @Override
    public void addCookie(Cookie c) {
      cookie = true;
      super.addCookie(c);
    }

    @Override
    public void setHeader(String name, String value) {
      record(name, value);
      super.setHeader(name, value);
    }

    @Override
    public void addHeader(String name, String value) {
      record(name, value);
      super.addHeader(name, value);
    }

    private void record(String name, String value) {
      if ("Set-Cookie".equalsIgnoreCase(name)) {
        cookie = true;
      }
      if (!"Content-Length".equalsIgnoreCase(name) && !"Content-Type".equalsIgnoreCase(name)) {
        headers.removeIf(h -> h.name().equalsIgnoreCase(name));
        headers.add(new Header(name, value));
      }
    }

    @Override
    public void setContentLength(int len) {}

    @Override
    public void setContentLengthLong(long len) {}

    @Override
    public void flushBuffer() {}

    @Override
    public ServletOutputStream getOutputStream() {
      if (stream == null) {
        stream =
            new ServletOutputStream() {
              @Override
              public void write(int b) {
                buffer.write(b);
              }

              @Override
              public void write(byte[] b, int off, int len) {
                buffer.write(b, off, len);
              }

              @Override
              public boolean isReady() {
                return true;
              }

              @Override
              public void setWriteListener(WriteListener listener) {}
            };
      }
      return stream;
    }

    @Override
    public PrintWriter getWriter() {
      if (writer == null) {
        String encoding = getCharacterEncoding();
        writer =
            new PrintWriter(
                new OutputStreamWriter(
                    getOutputStream(),
                    encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding)));
      }
      return writer;
    }
  }
}
