package fr.secondevie.devices.boundary;

import fr.secondevie.devices.control.CatalogueItem;
import fr.secondevie.devices.control.CataloguePage;
import fr.secondevie.platform.boundary.I18n;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The changing part of the public catalogue page — the filters' options, the count, the device
 * cards and the pager — written as HTML in one pass, every value escaped. The page is what most
 * visitors load and its filters seldom repeat: built from components, each card cost a dozen
 * expressions, and calling a record's accessors from EL looks each method up by reflection every
 * time (a tenth of the page's CPU). A card depends only on its device and the language, so it is
 * written once and kept while the device is on sale unchanged.
 */
final class CatalogueHtml {

  /** The cards kept, by device as it is on sale and language; cleared past this many. */
  static final int MAX_CARDS = 50_000;

  private static final Map<CardKey, String> CARDS = new ConcurrentHashMap<>();

  private record CardKey(CatalogueItem item, String language) {}

  /** An option of a select: its value, its label (already in words), selected or not. */
  record Option(String value, String label, boolean selected) {}

  private final ResourceBundle words;
  private final Locale locale;

  CatalogueHtml(Locale locale) {
    this.locale = locale;
    this.words = ResourceBundle.getBundle("fr.secondevie.i18n.messages", locale);
  }

  /** The options of a select after its "any" option. */
  String options(List<Option> options) {
    StringBuilder html = new StringBuilder(64 * options.size());
    for (Option o : options) {
      html.append("<option value=\"").append(escape(o.value())).append('"');
      if (o.selected()) {
        html.append(" selected=\"selected\"");
      }
      html.append('>').append(escape(o.label())).append("</option>");
    }
    return html.toString();
  }

  /** "3 appareils trouvés", "1 appareil trouvé" (as text: the page escapes it). */
  String count(long total) {
    return I18n.plural(locale, "catalogue.results", total);
  }

  /** The list of cards, each linking to its device's page with the current filters. */
  String cards(CataloguePage page, Function<Long, String> deviceUrl) {
    StringBuilder html = new StringBuilder(900 * page.items().size() + 64);
    html.append("<ul class=\"device-cards\" id=\"devices\">");
    for (CatalogueItem item : page.items()) {
      String card =
          CARDS.computeIfAbsent(new CardKey(item, locale.getLanguage()), k -> card(k.item()));
      if (CARDS.size() > MAX_CARDS) {
        CARDS.clear();
      }
      int link = card.indexOf(LINK);
      html.append(card, 0, link)
          .append(escape(deviceUrl.apply(item.id())))
          .append(card, link + LINK.length(), card.length());
    }
    return html.append("</ul>").toString();
  }

  /**
   * Where the device's link goes in a kept card (the filters differ from one visitor to another).
   */
  private static final String LINK = "\u0000link\u0000";

  private String card(CatalogueItem d) {
    StringBuilder html = new StringBuilder(900);
    html.append("<li class=\"device-card\"><h2><a href=\"")
        .append(LINK)
        .append("\">")
        .append(escape(d.title()))
        .append("</a></h2><p class=\"kind\">")
        .append(escape(words.getString("category." + d.category().name())))
        .append("</p><p class=\"grade\">")
        .append(escape(words.getString("grade." + d.grade().name())))
        .append("</p>");
    if (d.batteryHealthPercent() != null) {
      html.append("<p>")
          .append(
              escape(
                  MessageFormat.format(
                      words.getString("catalogue.battery"), d.batteryHealthPercent())))
          .append("</p>");
    }
    StringBuilder specs = new StringBuilder();
    if (d.cpu() != null) {
      specs.append(d.cpu());
    }
    if (d.ramGb() != null) {
      specs.append(" · ").append(d.ramGb()).append(" Go RAM");
    }
    if (d.storageGb() != null) {
      specs.append(" · ").append(d.storageGb()).append(" Go");
    }
    if (d.os() != null) {
      specs.append(" · ").append(d.os());
    }
    html.append("<p class=\"specs\">")
        .append(escape(specs.toString()))
        .append("</p><p class=\"relay\">")
        .append(escape(words.getString("catalogue.soldAt")))
        .append(' ')
        .append(escape(d.relayName()))
        .append(" (")
        .append(escape(d.relayCity()))
        .append(")</p><p class=\"price\"><span class=\"label\">")
        .append(escape(words.getString("catalogue.price")))
        .append("</span> ")
        .append(escape(d.listPrice().format(locale)))
        .append("</p></li>");
    return html.toString();
  }

  /** The pager: previous, "page n of m", next (nothing when one page holds them all). */
  String pager(CataloguePage page, int pageNumber, int pageCount, Function<Integer, String> url) {
    if (pageCount <= 1) {
      return "";
    }
    StringBuilder html = new StringBuilder(400);
    html.append("<nav class=\"pager\" aria-label=\"")
        .append(escape(words.getString("catalogue.pages")))
        .append("\">");
    if (page.hasPrevious()) {
      html.append("<a rel=\"prev\" href=\"")
          .append(escape(url.apply(pageNumber - 1)))
          .append("\">")
          .append(escape(words.getString("catalogue.previous")))
          .append("</a>");
    }
    html.append("<span>")
        .append(
            escape(
                MessageFormat.format(
                    words.getString("catalogue.page"),
                    java.text.NumberFormat.getIntegerInstance(locale).format(pageNumber),
                    java.text.NumberFormat.getIntegerInstance(locale).format(pageCount))))
        .append("</span>");
    if (page.hasNext()) {
      html.append("<a rel=\"next\" href=\"")
          .append(escape(url.apply(pageNumber + 1)))
          .append("\">")
          .append(escape(words.getString("catalogue.next")))
          .append("</a>");
    }
    return html.append("</nav>").toString();
  }

  /** Text or an attribute's value as HTML: {@code & < > " '} escaped, nothing else changed. */
  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String replacement =
          switch (c) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '"' -> "&quot;";
            case '\'' -> "&#39;";
            default -> null;
          };
      if (replacement != null) {
        if (out == null) {
          out = new StringBuilder(text.length() + 16).append(text, 0, i);
        }
        out.append(replacement);
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? text : out.toString();
  }
}
