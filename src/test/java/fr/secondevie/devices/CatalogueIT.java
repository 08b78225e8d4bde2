package fr.secondevie.devices;

import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.testing.Api;
import fr.secondevie.testing.Api.Answer;
import fr.secondevie.testing.Browser;
import fr.secondevie.testing.Eventually;
import fr.secondevie.testing.TestDatabase;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The public catalogue: a refurbished device on sale with its erasure and warranty, changes made on
 * this instance or straight in the database reaching each instance's in-memory copy within seconds,
 * filters and pages, the public pages, and a donation's journey from pledge to catalogue in
 * Chromium.
 */
class CatalogueIT extends DeviceSteps {

  @Test
  void aRefurbishedDeviceIsInTheCatalogueWithItsErasureAndWarranty() {
    int device = newDevice("donateur", "LAPTOP");
    String certificate = "CERT-" + UUID.randomUUID();
    long relay = relayId();
    Answer done =
        as("atelier")
            .post(
                "api/v1/devices/" + device + "/refurbishment",
                refurbishment(relay, erasure(certificate), true));
    assertThat(done.status()).as(done.toString()).isEqualTo(200);
    assertThat(done.json().getString("status")).isEqualTo("AVAILABLE");

    JsonObject detail = Api.anonymous(base).get("api/v1/devices/" + device).json();
    assertThat(detail.getString("category")).isEqualTo("LAPTOP");
    assertThat(detail.getString("grade")).isEqualTo("B");
    assertThat(detail.getInt("warrantyMonths")).isEqualTo(24);
    assertThat(detail.getJsonObject("erasure").getString("method")).isEqualTo("PURGE");
    assertThat(detail.getJsonObject("erasure").getString("erasedAt")).startsWith("2026-11-20");
    assertThat(detail.getJsonObject("refurbisher").getString("name"))
        .isEqualTo("Atelier Réemploi Picard");
    assertThat(detail.getJsonObject("specs").getInt("ramGb")).isEqualTo(8);
    assertThat(detail.getJsonNumber("listPriceCents").longValue()).isEqualTo(12900);
    assertThat(detail.containsKey("serialNumber") && !detail.isNull("serialNumber")).isFalse();

    JsonObject page =
        Api.anonymous(base)
            .get("api/v1/catalogue?category=LAPTOP&grade=B&relay=" + relay + "&q=zenbook&size=100")
            .json();
    assertThat(page.getJsonNumber("total").longValue()).isPositive();
    JsonObject item =
        page.getJsonArray("items").getValuesAs(JsonObject.class).stream()
            .filter(i -> i.getInt("id") == device)
            .findFirst()
            .orElseThrow();
    assertThat(item.getJsonObject("relay").getJsonNumber("id").longValue()).isEqualTo(relay);
    assertThat(item.getJsonObject("relay").getString("city")).isNotBlank();
    assertThat(item.getString("brand")).isEqualTo("Asus");
    assertThat(item.getJsonObject("specs").getString("os")).isEqualTo("Ubuntu 24.04");

    Answer again =
        as("atelier")
            .post(
                "api/v1/devices/" + device + "/refurbishment",
                refurbishment(relay, erasure(certificate), true));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().getString("code")).isEqualTo("ILLEGAL_TRANSITION");
  }

  /**
   * A device changed by another instance (here, straight in the database, as another instance's
   * transaction would) reaches this instance's catalogue within about a second: the database stamps
   * the row, and the catalogue reads the rows changed since its last look.
   */
  @Test
  void aChangeMadeElsewhereReachesTheCatalogueWithinSeconds() throws Exception {
    long relay = relayId();
    int device = newDevice("donateur", "TABLET");
    Answer done =
        as("atelier")
            .post(
                "api/v1/devices/" + device + "/refurbishment",
                refurbishment(relay, erasure("CERT-" + UUID.randomUUID()), true));
    assertThat(done.status()).as(done.toString()).isEqualTo(200);
    String search = "api/v1/catalogue?category=TABLET&relay=" + relay + "&q=zenbook&size=100";
    assertThat(catalogueIds(search)).contains(device);

    writeInTheDatabase("update device set list_price_cents = 4321 where id = ?", device);
    long seen = Eventually.millisUntil(() -> priceIn(search, device) == 4_321);
    assertThat(seen).as("ms until the new price showed").isLessThan(3_000);

    writeInTheDatabase(
        "update device set status = 'RECYCLED', recycling_reason = 'écran cassé',"
            + " recycled_at = current_timestamp where id = ?",
        device);
    long gone = Eventually.millisUntil(() -> !catalogueIds(search).contains(device));
    assertThat(gone).as("ms until the recycled device left").isLessThan(3_000);
  }

  /** Writes one device row as another instance's transaction would, beside this one. */
  private static void writeInTheDatabase(String update, int device) throws SQLException {
    try (Connection db = TestDatabase.connect();
        PreparedStatement statement = db.prepareStatement(update)) {
      statement.setLong(1, device);
      assertThat(statement.executeUpdate()).isEqualTo(1);
    }
  }

  private List<JsonObject> catalogueItems(String search) {
    return Api.anonymous(base)
        .get(search)
        .json()
        .getJsonArray("items")
        .getValuesAs(JsonObject.class);
  }

  private List<Integer> catalogueIds(String search) {
    return catalogueItems(search).stream().map(i -> i.getInt("id")).toList();
  }

  private long priceIn(String search, int device) {
    return catalogueItems(search).stream()
        .filter(i -> i.getInt("id") == device)
        .mapToLong(i -> i.getJsonNumber("listPriceCents").longValue())
        .findFirst()
        .orElse(-1);
  }

  @Test
  void theCatalogueFiltersAndPages() {
    JsonObject all = Api.anonymous(base).get("api/v1/catalogue?size=2").json();
    assertThat(all.getInt("page")).isZero();
    assertThat(all.getInt("size")).isEqualTo(2);
    assertThat(all.getJsonArray("items").size()).isLessThanOrEqualTo(2);
    long total = all.getJsonNumber("total").longValue();
    assertThat(total).isPositive();
    JsonObject phones = Api.anonymous(base).get("api/v1/catalogue?category=SMARTPHONE").json();
    assertThat(phones.getJsonArray("items").getValuesAs(JsonObject.class))
        .allMatch(i -> i.getString("category").equals("SMARTPHONE"));
    assertThat(phones.getJsonNumber("total").longValue()).isLessThanOrEqualTo(total);
    JsonObject none = Api.anonymous(base).get("api/v1/catalogue?q=" + UUID.randomUUID()).json();
    assertThat(none.getJsonNumber("total").longValue()).isZero();
    assertThat(Api.anonymous(base).get("api/v1/catalogue?category=PRINTER").status())
        .isEqualTo(400);
    assertThat(Api.anonymous(base).get("api/v1/catalogue?size=1000").status()).isEqualTo(400);
    assertThat(Api.anonymous(base).get("api/v1/catalogue?page=-1").status()).isEqualTo(400);
    JsonObject beyond = Api.anonymous(base).get("api/v1/catalogue?page=99999").json();
    assertThat(beyond.getJsonArray("items")).isEmpty();
  }

  // ---- public pages -----------------------------------------------------------------------------

  /**
   * An anonymous visitor's list is its language's frame filled with the visit's fragments ({@code
   * CataloguePageCache}); with {@code ?lang=} the page goes through JSF whole. Both must be the
   * same page, byte for byte, whatever the filters — a word with markup, a page past the end,
   * nothing found — in either language.
   */
  @Test
  void theListFilledInItsFrameIsThePageJsfRenders() {
    int device = newDevice("donateur", "LAPTOP");
    long relay = relayId();
    assertThat(
            as("atelier")
                .post(
                    "api/v1/devices/" + device + "/refurbishment",
                    refurbishment(relay, erasure("C-" + UUID.randomUUID()), true))
                .status())
        .isEqualTo(200);
    String nonce = UUID.randomUUID().toString().substring(0, 8);
    for (String language : List.of("fr", "en")) {
      Api visitor = Api.anonymous(base).withHeader("Cookie", "lang=" + language);
      for (String query :
          List.of(
              "category=LAPTOP&relay=" + relay + "&n=" + nonce,
              "q=%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E&grade=A&n=" + nonce,
              "page=2&territory=HDF&n=" + nonce,
              "page=99999&n=" + nonce,
              "n=" + nonce)) {
        Answer framed = visitor.get("catalogue/index.xhtml?" + query);
        Answer whole = visitor.get("catalogue/index.xhtml?" + query + "&lang=" + language);
        assertThat(framed.status()).as(query).isEqualTo(200);
        assertThat(whole.status()).as(query).isEqualTo(200);
        assertThat(framed.body()).as(language + " " + query).isEqualTo(whole.body());
        assertThat(framed.body()).doesNotContain("@@sv-").doesNotContain("<script>alert");
      }
    }
  }

  @Test
  void thePublicCataloguePagesAreOpenAndListWhatIsOnSale() throws Exception {
    int device = newDevice("donateur", "SMARTPHONE");
    long relay = relayId();
    assertThat(
            as("atelier")
                .post(
                    "api/v1/devices/" + device + "/refurbishment",
                    refurbishment(relay, erasure("C-" + UUID.randomUUID()), true))
                .status())
        .isEqualTo(200);

    Answer page =
        Api.anonymous(base).get("catalogue/index.xhtml?category=SMARTPHONE&relay=" + relay);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body())
        .contains("lang=\"fr\"")
        .contains("catalogue/device.xhtml?id=" + device)
        .contains("<label for=\"category\">")
        .contains("value=\"SMARTPHONE\" selected=\"selected\"");
    Answer cached =
        Api.anonymous(base).get("catalogue/index.xhtml?category=SMARTPHONE&relay=" + relay);
    assertThat(cached.body()).isEqualTo(page.body());
    assertThat(cached.header("Set-Cookie")).isEmpty();
    assertThat(cached.header("Content-Security-Policy")).isPresent();

    Answer detail = Api.anonymous(base).get("catalogue/device.xhtml?id=" + device);
    assertThat(detail.status()).isEqualTo(200);
    assertThat(detail.body())
        .contains("Asus ZenBook 14")
        .contains("24 mois de garantie")
        .contains("NIST Purge")
        .contains("Atelier Réemploi Picard");
    Answer unknown = Api.anonymous(base).get("catalogue/device.xhtml?id=987654321");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.body()).contains("Nous ne trouvons pas cet appareil");

    // the list's links carry the filters, and the device's page goes back to the same list
    String filters = "category=SMARTPHONE&amp;relay=" + relay + "&amp;page=1";
    assertThat(page.body()).contains("catalogue/device.xhtml?id=" + device + "&amp;" + filters);
    Answer fromTheList =
        Api.anonymous(base)
            .get(
                "catalogue/device.xhtml?id="
                    + device
                    + "&category=SMARTPHONE&relay="
                    + relay
                    + "&page=1");
    assertThat(fromTheList.body()).contains("/catalogue/index.xhtml?" + filters + "\"");

    // once it is no longer on sale, its page says so kindly and shows similar devices
    int other = newDevice("donateur", "SMARTPHONE");
    as("atelier")
        .post(
            "api/v1/devices/" + other + "/refurbishment",
            refurbishment(relay, erasure("C-" + UUID.randomUUID()), true));
    assertThat(
            as("atelier")
                .post("api/v1/devices/" + device + "/recycling", "{\"reason\":\"Écran fêlé\"}")
                .status())
        .isEqualTo(200);
    // (anonymous pages are kept 5 s: the page seen above may be served until then)
    Eventually.millisUntil(
        () -> Api.anonymous(base).get("catalogue/device.xhtml?id=" + device).status() == 404);
    Answer gone = Api.anonymous(base).get("catalogue/device.xhtml?id=" + device);
    assertThat(gone.status()).isEqualTo(404);
    assertThat(gone.body())
        .contains("n’est plus en vente")
        .contains("Des appareils semblables")
        .contains("catalogue/device.xhtml?id=" + other + "\"");

    Answer home = Api.anonymous(base).get("");
    assertThat(home.body())
        .contains("id=\"to-catalogue\" class=\"button-primary\" href=\"/catalogue/index.xhtml\"")
        .contains("href=\"/catalogue/relays.xhtml\"");

    Answer relays = Api.anonymous(base).get("catalogue/relays.xhtml");
    assertThat(relays.status()).isEqualTo(200);
    assertThat(relays.body()).contains("Relais numérique Amiens Nord").contains("Premiers pas");
    // the relays near a postal code: its department's, or all of them when it has none yet
    assertThat(Api.anonymous(base).get("catalogue/relays.xhtml?cp=80000").body())
        .contains("Les relais du département 80")
        .contains("Relais numérique Amiens Nord");
    assertThat(Api.anonymous(base).get("catalogue/relays.xhtml?cp=13001").body())
        .contains("Pas encore de relais dans le département 13")
        .contains("Relais numérique Amiens Nord");
    assertThat(Api.anonymous(base).get("catalogue/relays.xhtml?cp=8O000").body())
        .contains("Tapez un code postal de 5 chiffres")
        .contains("aria-invalid=\"true\"");
  }

  // ---- browser journey --------------------------------------------------------------------------

  @Test
  void aDonationGoesFromPledgeToThePublicCatalogueInABrowser() {
    WebDriver browser = Browser.start();
    try {
      WebDriverWait wait = Browser.waiting(browser, Duration.ofSeconds(20));
      Browser.logIn(browser, base, "donateur", "demo");
      browser.get(base + "app/donor/donations.xhtml");
      browser.findElement(By.id("pledge:lines:0:quantity")).sendKeys("1");
      browser.findElement(By.id("pledge:lines:0:unitValue")).sendKeys("150");
      browser.findElement(By.id("pledge:pickupAddress")).sendKeys("40 rue Delpech, Amiens");
      ((JavascriptExecutor) browser)
          .executeScript("document.getElementById('pledge:availableFrom').value = '2026-12-15';");
      browser.findElement(By.id("pledge:submit")).click();
      String thanks =
          wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#messages li")))
              .getText();
      assertThat(thanks).contains("Merci");
      String donation = thanks.replaceAll("\\D+", " ").trim().split(" ")[0];

      browser.manage().deleteAllCookies();
      Browser.logIn(browser, base, "atelier", "demo");
      browser.get(base + "app/workshop/reception.xhtml");
      WebElement receive =
          browser.findElement(By.xpath("//input[@value='Marquer comme reçu " + donation + "']"));
      assertThat(receive.findElement(By.xpath("ancestor::tr")).getText())
          .as("the pledged lines")
          .contains("1 × Ordinateur portable");
      receive.click();
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "reçu"));

      browser.get(base + "app/workshop/intake.xhtml?donation=" + donation);
      assertThat(browser.findElement(By.id("pledge-count")).getText())
          .isEqualTo("Il manque 1 appareil(s) sur les 1 promis (0 enregistré(s)).");
      String serial = serial();
      String model = "Latitude " + serial;
      browser.findElement(By.id("intake:brand")).sendKeys("Dell");
      browser.findElement(By.id("intake:model")).sendKeys(model);
      WebElement field = browser.findElement(By.id("intake:serial"));
      field.sendKeys(serial + Keys.ENTER);
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("devices"), serial));
      assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("intake:serial");
      assertThat(browser.findElement(By.id("pledge-count")).getText())
          .isEqualTo("L’appareil promis est enregistré.");

      // a second device on a one-device pledge: said, and registered only once confirmed
      String second = serial();
      browser.switchTo().activeElement().sendKeys(second + Keys.ENTER);
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("beyond-pledge")));
      assertThat(browser.findElement(By.id("beyond-pledge")).getText())
          .contains("L’appareil " + second.toUpperCase() + " dépasse ce que le donateur a promis")
          .contains("1 appareil(s) en tout");
      assertThat(browser.findElement(By.id("devices")).getText()).doesNotContain(second);
      // the confirmation has the focus (autofocus, once the page is rendered)
      wait.until(
          b -> "intake:register-beyond".equals(b.switchTo().activeElement().getAttribute("id")));
      browser.switchTo().activeElement().sendKeys(Keys.ENTER);
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("devices"), second));
      assertThat(browser.findElement(By.id("pledge-count")).getText())
          .isEqualTo("1 appareil(s) de plus que les 1 promis.");

      browser.get(base + "app/workshop/devices.xhtml");
      browser.findElement(By.partialLinkText(serial)).click();
      new Select(wait.until(ExpectedConditions.elementToBeClickable(By.id("refurbish:grade"))))
          .selectByValue("A");
      browser.findElement(By.id("refurbish:battery")).sendKeys("93");
      String cpu = "cpu" + serial.toLowerCase();
      browser.findElement(By.id("refurbish:cpu")).sendKeys(cpu);
      new Select(browser.findElement(By.id("refurbish:method"))).selectByValue("PURGE");
      browser.findElement(By.id("refurbish:tool")).sendKeys("nwipe 0.35");
      browser.findElement(By.id("refurbish:certificate")).sendKeys("CERT-" + serial);
      ((JavascriptExecutor) browser)
          .executeScript("document.getElementById('refurbish:erasedAt').value = '2026-11-20';");
      browser.findElement(By.id("refurbish:tests")).click();
      new Select(browser.findElement(By.id("refurbish:relay"))).selectByIndex(1);
      browser.findElement(By.id("refurbish:price")).sendKeys("129");
      browser.findElement(By.id("refurbish:submit")).click();
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "mis en vente"));

      // the second device of the model: its form copies the first one's, not its grade or price
      browser.findElement(By.partialLinkText(second.toUpperCase())).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("previous-of-model")));
      assertThat(browser.findElement(By.id("previous-of-model")).getText())
          .contains(serial.toUpperCase());
      browser.findElement(By.id("copy:copy-previous")).click();
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "copiées"));
      assertThat(browser.findElement(By.id("refurbish:cpu")).getAttribute("value")).isEqualTo(cpu);
      assertThat(
              new Select(browser.findElement(By.id("refurbish:method")))
                  .getFirstSelectedOption()
                  .getAttribute("value"))
          .isEqualTo("PURGE");
      assertThat(browser.findElement(By.id("refurbish:tool")).getAttribute("value"))
          .isEqualTo("nwipe 0.35");
      assertThat(
              new Select(browser.findElement(By.id("refurbish:grade")))
                  .getFirstSelectedOption()
                  .getAttribute("value"))
          .as("the grade is this device's own")
          .isEmpty();
      assertThat(browser.findElement(By.id("refurbish:price")).getAttribute("value")).isEmpty();
      assertThat(browser.findElement(By.id("refurbish:certificate")).getAttribute("value"))
          .isEmpty();

      browser.manage().deleteAllCookies();
      browser.get(base + "catalogue/index.xhtml?q=" + cpu);
      WebElement card = browser.findElement(By.cssSelector("#devices a"));
      assertThat(browser.findElement(By.id("result-count")).getText()).contains("1 appareil");
      String href = card.getAttribute("href");
      long id = Long.parseLong(href.replaceAll(".*[?&]id=(\\d+).*", "$1"));
      browser.get(base + "catalogue/device.xhtml?id=" + id);
      assertThat(browser.findElement(By.id("warranty")).getText()).contains("24 mois");
      assertThat(browser.findElement(By.id("erasure")).getText()).contains("NIST Purge");
      assertThat(browser.getPageSource()).contains("129,00");
    } finally {
      browser.quit();
    }
  }
}
