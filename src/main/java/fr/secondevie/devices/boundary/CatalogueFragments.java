package fr.secondevie.devices.boundary;

import fr.secondevie.devices.control.CatalogueFilter;
import fr.secondevie.devices.control.CataloguePage;
import fr.secondevie.devices.control.CatalogueQueries;
import fr.secondevie.organisations.control.Relays;
import fr.secondevie.organisations.control.Territories;
import fr.secondevie.organisations.entity.Territory;
import fr.secondevie.platform.entity.DeviceCategory;
import fr.secondevie.platform.entity.Grade;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * What changes on the public catalogue page from one visit to the next — the filters' options and
 * word, the count, the cards, the pager — as HTML fragments, every value escaped. The page itself
 * ({@code /catalogue/index.xhtml}) places them; for anonymous visitors {@link CataloguePageCache}
 * places them in the page's frame as JSF rendered it for the language, so that a visit costs the
 * filter and these fragments only.
 */
@ApplicationScoped
public class CatalogueFragments {

  /** A device's page and the catalogue's pages hold this many devices. */
  static final int PAGE_SIZE = 12;

  /** The fragments' names, as the frame marks their places ({@link #mark}). */
  enum Part {
    CATEGORIES,
    GRADES,
    TERRITORIES,
    RELAYS,
    WORD,
    COUNT,
    NONE,
    CARDS,
    PAGER
  }

  /**
   * Where a fragment goes in the frame: letters and {@code @} only, which escaping leaves alone.
   */
  static String mark(Part part) {
    return "@@sv-" + part.name() + "@@";
  }

  @Inject CatalogueQueries catalogue;
  @Inject Relays relays;
  @Inject Territories territories;

  /** The fragments of one visit: the filters asked, the language, the application's path. */
  public Map<Part, String> of(CatalogueParams params, Locale locale, String contextPath) {
    CatalogueHtml html = new CatalogueHtml(locale);
    ResourceBundle words = ResourceBundle.getBundle("fr.secondevie.i18n.messages", locale);
    List<Territory> territoryList = territories.forPages();
    Optional<Territory> territory =
        territoryList.stream().filter(t -> t.code().equals(params.territory())).findFirst();
    Long asked = params.page();
    int pageNumber = asked == null ? 0 : (int) Math.min(asked - 1, 100_000);
    CataloguePage page =
        catalogue.page(
            new CatalogueFilter(
                params.category(),
                params.grade(),
                params.relay(),
                params.q(),
                Math.max(pageNumber, 0),
                PAGE_SIZE,
                territory.map(Territory::id).orElse(null)));
    int number = page.page() + 1;
    int count = Math.max(page.pageCount(), 1);
    java.util.EnumMap<Part, String> parts = new java.util.EnumMap<>(Part.class);
    parts.put(
        Part.CATEGORIES,
        html.options(
            Arrays.stream(DeviceCategory.values())
                .map(
                    c ->
                        new CatalogueHtml.Option(
                            c.name(),
                            words.getString("category." + c.name()),
                            c == params.category()))
                .toList()));
    parts.put(
        Part.GRADES,
        html.options(
            Arrays.stream(Grade.values())
                .map(
                    g ->
                        new CatalogueHtml.Option(
                            g.name(), words.getString("grade." + g.name()), g == params.grade()))
                .toList()));
    parts.put(
        Part.TERRITORIES,
        html.options(
            territoryList.stream()
                .map(
                    t ->
                        new CatalogueHtml.Option(
                            t.code(), t.name(), t.code().equals(params.territory())))
                .toList()));
    parts.put(
        Part.RELAYS,
        html.options(
            relays.forPages(territory).stream()
                .map(
                    r ->
                        new CatalogueHtml.Option(
                            r.id().toString(),
                            r.name() + " (" + r.city() + ")",
                            r.id().equals(params.relay())))
                .toList()));
    parts.put(
        Part.WORD,
        "<input type=\"search\" id=\"q\" name=\"q\" value=\""
            + CatalogueHtml.escape(params.q())
            + "\" maxlength=\"100\" />");
    parts.put(Part.COUNT, CatalogueHtml.escape(html.count(page.total())));
    parts.put(
        Part.NONE,
        page.total() == 0
            ? "<p class=\"note\">"
                + CatalogueHtml.escape(words.getString("catalogue.none"))
                + "</p>"
            : "");
    parts.put(Part.CARDS, html.cards(page, id -> deviceUrl(contextPath, params, number, id)));
    parts.put(Part.PAGER, html.pager(page, number, count, n -> pageUrl(contextPath, params, n)));
    return parts;
  }

  /**
   * A device's page, carrying the current filters and page so that its "back to the catalogue"
   * comes back to the same list.
   */
  static String deviceUrl(String contextPath, CatalogueParams params, int pageNumber, long id) {
    return contextPath
        + "/catalogue/device.xhtml?id="
        + id
        + "&"
        + params.filters(new StringBuilder()).append("page=").append(pageNumber);
  }

  /** The URL of the catalogue page {@code number} (from 1) with the current filters. */
  static String pageUrl(String contextPath, CatalogueParams params, int number) {
    return params
        .filters(new StringBuilder(contextPath).append("/catalogue/index.xhtml?"))
        .append("page=")
        .append(number)
        .toString();
  }
}
