package fr.secondevie.devices.boundary;

import fr.secondevie.platform.entity.DeviceCategory;
import fr.secondevie.platform.entity.Grade;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The public catalogue's filters as the query parameters of its pages ({@code category}, {@code
 * grade}, {@code relay}, {@code territory} (its code), {@code q}, {@code page} from 1), read from a
 * request and written back into links: the catalogue's own pages and a device's "back to the list"
 * share them.
 */
record CatalogueParams(
    DeviceCategory category, Grade grade, Long relay, String q, Long page, String territory) {

  static CatalogueParams of(HttpServletRequest request) {
    String text = request.getParameter("q");
    String q = text == null || text.isBlank() ? null : text.strip();
    if (q != null && q.length() > 100) {
      q = q.substring(0, 100);
    }
    return new CatalogueParams(
        DeviceCategory.named(request.getParameter("category")).orElse(null),
        Grade.named(request.getParameter("grade")).orElse(null),
        number(request.getParameter("relay")),
        q,
        number(request.getParameter("page")),
        code(request.getParameter("territory")));
  }

  /** The filters as a query string, each followed by {@code &}: "category=LAPTOP&q=dell&". */
  StringBuilder filters(StringBuilder url) {
    if (category != null) {
      url.append("category=").append(category).append('&');
    }
    if (grade != null) {
      url.append("grade=").append(grade).append('&');
    }
    if (relay != null) {
      url.append("relay=").append(relay).append('&');
    }
    if (territory != null) {
      url.append("territory=").append(territory).append('&');
    }
    if (q != null) {
      url.append("q=").append(URLEncoder.encode(q, StandardCharsets.UTF_8)).append('&');
    }
    return url;
  }

  /** A territory's code as typed in a link ("HDF"), or null. */
  private static String code(String value) {
    return value == null || !value.matches("[A-Za-z0-9]{2,10}")
        ? null
        : value.toUpperCase(java.util.Locale.ROOT);
  }

  private static Long number(String value) {
    if (value == null || !value.matches("\\d{1,9}")) {
      return null;
    }
    long n = Long.parseLong(value);
    return n > 0 ? n : null;
  }
}
