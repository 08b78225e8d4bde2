package fr.secondevie.devices.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.devices.control.CatalogueItem;
import fr.secondevie.devices.control.CataloguePage;
import fr.secondevie.platform.entity.DeviceCategory;
import fr.secondevie.platform.entity.Grade;
import fr.secondevie.platform.entity.Money;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class CatalogueHtmlTest {

  private static CatalogueItem item(long id, String brand, String relay) {
    return new CatalogueItem(
        id,
        DeviceCategory.LAPTOP,
        brand,
        "Latitude 5490",
        Grade.B,
        Integer.valueOf(87),
        "Intel Core i5",
        Integer.valueOf(8),
        Integer.valueOf(256),
        new BigDecimal("14.0"),
        "Ubuntu 24.04",
        7L,
        relay,
        "Amiens",
        Money.ofCents(123_456));
  }

  @Test
  void everyValueIsEscaped() {
    assertThat(CatalogueHtml.escape("<script>alert(\"x\" & 'y')</script>"))
        .isEqualTo("&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;");
    assertThat(CatalogueHtml.escape("Dell Latitude")).isEqualTo("Dell Latitude");
    assertThat(CatalogueHtml.escape(null)).isEmpty();
    String cards =
        new CatalogueHtml(Locale.FRENCH)
            .cards(
                new CataloguePage(List.of(item(1, "<b>Dell</b>", "Relais \"<i>\"")), 1, 0, 12),
                id -> "/catalogue/device.xhtml?id=" + id + "&q=<x>");
    assertThat(cards)
        .contains("&lt;b&gt;Dell&lt;/b&gt; Latitude 5490")
        .contains("Relais &quot;&lt;i&gt;&quot;")
        .contains("href=\"/catalogue/device.xhtml?id=1&amp;q=&lt;x&gt;\"")
        .doesNotContain("<b>")
        .doesNotContain("<i>");
  }

  @Test
  void aCardSaysWhatThePageSaidInEachLanguage() {
    CataloguePage page = new CataloguePage(List.of(item(2, "Dell", "Relais d'Amiens")), 1, 0, 12);
    String french = new CatalogueHtml(Locale.FRENCH).cards(page, id -> "/d?id=" + id);
    assertThat(french)
        .startsWith("<ul class=\"device-cards\" id=\"devices\"><li class=\"device-card\">")
        .contains("<a href=\"/d?id=2\">Dell Latitude 5490</a>")
        .contains("<p class=\"kind\">Ordinateur portable</p>")
        .contains("<p>Batterie : 87 %</p>")
        .contains("Intel Core i5 · 8 Go RAM · 256 Go · Ubuntu 24.04")
        .contains("En vente au Relais d&#39;Amiens (Amiens)")
        .contains(Money.ofCents(123_456).format(Locale.FRANCE));
    String english = new CatalogueHtml(Locale.ENGLISH).cards(page, id -> "/d?id=" + id);
    assertThat(english).contains("Laptop").contains("€1,234.56");
    assertThat(new CatalogueHtml(Locale.FRENCH).cards(page, id -> "/e?id=" + id))
        .as("a kept card gets each visit's link")
        .contains("<a href=\"/e?id=2\">");
  }

  @Test
  void countsAreSingularOrPluralAndPagersLinkBothWays() {
    CatalogueHtml french = new CatalogueHtml(Locale.FRENCH);
    assertThat(french.count(0)).isEqualTo("0 appareil trouvé");
    assertThat(french.count(1)).isEqualTo("1 appareil trouvé");
    assertThat(french.count(1234)).endsWith("234 appareils trouvés").doesNotContain("1234");
    assertThat(new CatalogueHtml(Locale.ENGLISH).count(0)).isEqualTo("0 devices found");
    assertThat(new CatalogueHtml(Locale.ENGLISH).count(1)).isEqualTo("1 device found");
    CataloguePage middle = new CataloguePage(List.of(), 40, 1, 12);
    assertThat(french.pager(middle, 2, 4, n -> "/c?page=" + n))
        .contains("<a rel=\"prev\" href=\"/c?page=1\">Page précédente</a>")
        .contains("<span>Page 2 sur 4</span>")
        .contains("<a rel=\"next\" href=\"/c?page=3\">Page suivante</a>");
    assertThat(french.pager(new CataloguePage(List.of(), 3, 0, 12), 1, 1, n -> "")).isEmpty();
    assertThat(
            french.options(
                List.of(
                    new CatalogueHtml.Option("A", "Très bon", true),
                    new CatalogueHtml.Option("B\"", "<Bon>", false))))
        .isEqualTo(
            "<option value=\"A\" selected=\"selected\">Très bon</option>"
                + "<option value=\"B&quot;\">&lt;Bon&gt;</option>");
  }
}
