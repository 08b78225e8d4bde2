package fr.secondevie.browser;

import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.testing.Accessibility;
import fr.secondevie.testing.Browser;
import fr.secondevie.testing.Scenarios;
import fr.secondevie.testing.Server;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Every main form submitted empty or wrong, in Chromium, as French public-service sites expect (the
 * DSFR's error summary): the page comes back with a summary at the top that takes the focus and
 * links to each wrong field, the message under the field in plain words naming it (never the Faces
 * or regular-expression wording), the field marked {@code aria-invalid} and tied to its message by
 * {@code aria-describedby}; a link of the summary puts the focus in its field; axe-core finds
 * nothing. Then what the eye sees of the controls: one font, borders at 3:1, large targets, a focus
 * ring that is not red.
 */
class FormsIT {

  /** Words that are Faces', a regular expression's or a component id's, never the people's. */
  private static final String MACHINE_WORDS =
      "(?s).*(j_id|Validation Error|Erreur de validation|expression|\\\\d|\\{\\d\\}|"
          + "pledge:|new:|rules:|decide:|refurbish:|login:).*";

  final URL base = Server.shared();

  private WebDriver browser;

  /** One Chromium for the class, as new for each test. */
  @RegisterExtension static final Browser.PerClass BROWSERS = new Browser.PerClass();

  @BeforeEach
  void open() {
    browser = BROWSERS.fresh();
    browser.manage().window().setSize(new org.openqa.selenium.Dimension(1200, 1600));
  }

  /** The form, what is typed in it, the button, the wrong fields in order and words said. */
  static Stream<Arguments> forms() {
    return Stream.of(
        Arguments.of(
            "",
            "login.xhtml",
            Map.of(),
            "login:submit",
            List.of("login:username", "login:password"),
            List.of("Identifiant : ce champ est obligatoire.")),
        Arguments.of(
            "social",
            "app/social/beneficiaries.xhtml",
            Map.of("new:householdSize", "25", "new:postalCode", "8000A"),
            "new:save",
            List.of("new:fileReference", "new:householdSize", "new:postalCode"),
            List.of(
                "Code postal : saisissez 5 chiffres, par exemple 80000.",
                "Nombre de personnes dans le foyer : saisissez un nombre entre 1 et 20.")),
        Arguments.of(
            "social",
            "beneficiary",
            Map.of("decide:quotient", "beaucoup"),
            "decide:submit",
            List.of("decide:quotient", "decide:proofType", "decide:proofDate"),
            List.of("saisissez un nombre entier")),
        Arguments.of(
            "donateur",
            "app/donor/donations.xhtml",
            Map.of("pledge:lines:0:unitValue", "12,345"),
            "pledge:submit",
            List.of("pledge:lines:0:unitValue", "pledge:pickupAddress", "pledge:availableFrom"),
            List.of("(ligne 1) : saisissez un montant en euros, par exemple 49,90.")),
        Arguments.of(
            "donateur",
            "app/donor/donations.xhtml",
            Map.of(
                "pledge:pickupAddress", "1 rue de la Gare", "pledge:availableFrom", "2027-01-04"),
            "pledge:submit",
            List.of("pledge:lines:0:quantity"),
            List.of("Indiquez au moins une ligne avec un nombre d'appareils.")),
        Arguments.of(
            "financeur",
            "app/funder/programmes.xhtml",
            Map.of("new-programme:value", "cent"),
            "new-programme:create",
            List.of(
                "new-programme:name",
                "new-programme:value",
                "new-programme:from",
                "new-programme:until"),
            List.of("Valeur d'un bon (en euros) : saisissez un montant en euros")),
        Arguments.of(
            "admin",
            "app/admin/eligibility-rules.xhtml",
            Map.of("rules:validity", "", "rules:proofAge", "99", "rules:quotas:0:quota", "x"),
            "rules:publish",
            List.of("rules:validity", "rules:proofAge", "rules:quotas:0:quota"),
            List.of("saisissez un nombre entre 1 et 24", "saisissez un nombre entier")),
        Arguments.of(
            "atelier",
            "refurbish",
            Map.of("refurbish:battery", "150", "refurbish:screen", "13 pouces"),
            "refurbish:submit",
            List.of("refurbish:grade", "refurbish:battery", "refurbish:screen", "refurbish:price"),
            List.of(
                "Santé de la batterie (%) : saisissez un nombre entre 0 et 100.",
                "saisissez un nombre, par exemple 13,3.")));
  }

  @ParameterizedTest(name = "{1} as {0}")
  @MethodSource("forms")
  void aWrongFormSaysEachMistakeAtItsFieldAndInASummaryThatLinksToIt(
      String user,
      String page,
      Map<String, String> typed,
      String submit,
      List<String> wrongFields,
      List<String> said) {
    String url = pageOf(user, page);
    if (!user.isEmpty()) {
      Browser.logIn(browser, base, user, "demo");
    }
    browser.get(url);
    if (page.equals("refurbish")) {
      browser.get(browser.findElement(By.cssSelector("a[href*='refurbish']")).getAttribute("href"));
    }
    typed.forEach(this::type);
    Browser.clickToLeavePage(browser, browser.findElement(By.id(submit)));
    WebElement summary =
        Browser.waiting(browser, Duration.ofSeconds(30))
            .until(ExpectedConditions.visibilityOfElementLocated(By.id("error-summary")));

    assertThat(script("return document.activeElement.id;"))
        .as("the summary takes the focus")
        .isEqualTo("error-summary");
    List<WebElement> links = summary.findElements(By.cssSelector("a"));
    assertThat(links.stream().map(a -> a.getAttribute("hash")).toList())
        .as("the summary's links, in the order of the page")
        .isEqualTo(wrongFields.stream().map(f -> "#" + f).toList());
    String main = browser.findElement(By.id("main")).getText();
    assertThat(main).contains(said);
    assertThat(main).as("no machine words on the page").doesNotMatch(MACHINE_WORDS);
    for (WebElement link : links) {
      String field = link.getAttribute("hash").substring(1);
      WebElement input = focusable(field);
      assertThat(input.getAttribute("aria-invalid")).as(field + " aria-invalid").isEqualTo("true");
      String describedBy = input.getAttribute("aria-describedby");
      assertThat(describedBy).as(field + " aria-describedby").isNotBlank();
      List<String> descriptions = new ArrayList<>();
      for (String id : describedBy.trim().split("\\s+")) {
        descriptions.add(browser.findElement(By.id(id)).getText());
      }
      assertThat(descriptions)
          .as(field + ": its message, under it, says what the summary says")
          .contains(link.getText());
    }

    links.get(links.size() - 1).click();
    assertThat(script("return document.activeElement.id;"))
        .as("the summary's last link puts the focus in its field")
        .isEqualTo(focusable(wrongFields.get(wrongFields.size() - 1)).getAttribute("id"));
    assertThat(Accessibility.violations(browser)).as("WCAG 2.1 A/AA violations").isEmpty();
  }

  /**
   * At the workshop's intake, a scanner's page: a serial scanned twice is refused at the field,
   * which keeps the focus with its text selected, so the next scan replaces it.
   */
  @Test
  void aSerialScannedTwiceIsRefusedAtItsFieldWhichKeepsTheFocus() {
    var pledge =
        fr.secondevie.testing.Api.as(base, "donateur")
            .post(
                "api/v1/donations",
                "{\"items\":[{\"category\":\"LAPTOP\",\"quantity\":2,\"description\":\"Don\","
                    + "\"unitValueCents\":10000}],\"pickupAddress\":\"1 rue de la Gare, Amiens\","
                    + "\"availableFrom\":\"2026-12-01\"}");
    assertThat(pledge.status()).as(pledge.toString()).isEqualTo(201);
    int donation = pledge.json().getInt("id");
    assertThat(
            fr.secondevie.testing.Api.as(base, "atelier")
                .post("api/v1/donations/" + donation + "/reception")
                .status())
        .isEqualTo(200);
    Browser.logIn(browser, base, "atelier", "demo");
    browser.get(base + "app/workshop/intake.xhtml?donation=" + donation);
    String serial = "SN" + System.nanoTime();
    browser.switchTo().activeElement().sendKeys(serial + Keys.ENTER);
    Browser.waiting(browser, Duration.ofSeconds(30))
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("devices"), serial));
    browser.switchTo().activeElement().sendKeys(serial + Keys.ENTER);
    WebElement summary =
        Browser.waiting(browser, Duration.ofSeconds(30))
            .until(ExpectedConditions.visibilityOfElementLocated(By.id("error-summary")));

    assertThat(summary.findElement(By.cssSelector("a")).getAttribute("hash"))
        .isEqualTo("#intake:serial");
    WebElement field = browser.switchTo().activeElement();
    assertThat(field.getAttribute("id")).isEqualTo("intake:serial");
    assertThat(field.getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(browser.findElement(By.id(field.getAttribute("aria-describedby"))).getText())
        .isEqualTo(
            "Numéro de série : ce numéro est déjà enregistré, vérifiez l'étiquette ou scannez"
                + " l'appareil suivant.");
    assertThat(field.getAttribute("value")).as("the refused serial, kept").isEqualTo(serial);
    assertThat(
            script(
                "var f = document.activeElement;"
                    + " return f.value.substring(f.selectionStart, f.selectionEnd);"))
        .as("the refused serial selected, for the next scan to replace it")
        .isEqualTo(serial);
  }

  @Test
  void theMistakesAreSaidInEnglishOnEnglishPages() {
    browser.get(base + "login.xhtml?lang=en");
    Browser.clickToLeavePage(browser, browser.findElement(By.id("login:submit")));
    WebElement summary =
        Browser.waiting(browser, Duration.ofSeconds(30))
            .until(ExpectedConditions.visibilityOfElementLocated(By.id("error-summary")));
    assertThat(summary.getText())
        .contains("This form has 2 mistakes", "User name: this field is required.");
    browser.get(base + "login.xhtml?lang=fr");
  }

  /**
   * Native inputs and PrimeFaces controls alike on the pages with most controls: the page's font,
   * borders (or, for a filled button, its fill) at 3:1 against what is behind them, targets of at
   * least 24 px and checkboxes of at least 20 px; the keyboard focus ring is not red.
   */
  @Test
  void theControlsLookAlikeAndAreLargeEnough() {
    String device = "app/workshop/refurbish.xhtml";
    List<String> problems = new ArrayList<>();
    Map<String, String> pages = new LinkedHashMap<>();
    pages.put("", "login.xhtml");
    pages.put("financeur", "app/funder/programmes.xhtml");
    pages.put("atelier", "refurbish");
    pages.put("social", "beneficiary");
    pages.put("donateur", "app/donor/donations.xhtml");
    pages.put("admin", "app/admin/eligibility-rules.xhtml");
    pages.put("relais", "app/counter/voucher-check.xhtml");
    for (Map.Entry<String, String> entry : pages.entrySet()) {
      if (!entry.getKey().isEmpty()) {
        browser.manage().deleteAllCookies();
        Browser.logIn(browser, base, entry.getKey(), "demo");
      }
      browser.get(pageOf(entry.getKey(), entry.getValue()));
      if (entry.getValue().equals("refurbish")) {
        browser.get(
            browser.findElement(By.cssSelector("a[href*='refurbish']")).getAttribute("href"));
        assertThat(browser.getCurrentUrl()).contains(device);
      }
      @SuppressWarnings("unchecked")
      List<String> found = (List<String>) ((JavascriptExecutor) browser).executeScript(MEASURE);
      found.forEach(
          p -> problems.add(browser.getCurrentUrl().replace(base.toString(), "") + ": " + p));
      WebElement first =
          browser.findElement(
              By.cssSelector("main input:not([type=hidden]), main select, main button"));
      ((JavascriptExecutor) browser).executeScript("arguments[0].focus();", first);
      first.sendKeys(Keys.SHIFT, Keys.TAB);
      browser.switchTo().activeElement().sendKeys(Keys.TAB);
      String ring =
          (String)
              script(
                  "var s = getComputedStyle(document.activeElement);"
                      + " return s.outlineStyle + ' ' + s.outlineColor;");
      assertThat(ring).as("focus ring on " + entry.getValue()).startsWith("solid");
      int[] rgb = rgb(ring.substring(ring.indexOf("rgb")));
      assertThat(rgb[0] > rgb[1] + 60 && rgb[0] > rgb[2] + 60)
          .as("a red focus ring on " + entry.getValue() + ": " + ring)
          .isFalse();
    }
    assertThat(problems).as("controls out of the visual system").isEmpty();
  }

  private static int[] rgb(String css) {
    String[] parts = css.replaceAll("[^0-9,]", "").split(",");
    return new int[] {
      Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2])
    };
  }

  /** The measurements of the controls of the page's main part, as a list of what is wrong. */
  private static final String MEASURE =
      """
      function rgba(c) { var m = c.match(/[\\d.]+/g) || [0, 0, 0, 0];
        return [+m[0], +m[1], +m[2], m.length > 3 ? +m[3] : 1]; }
      function lum(c) { var a = c.slice(0, 3).map(function (v) { v /= 255;
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
        return 0.2126 * a[0] + 0.7152 * a[1] + 0.0722 * a[2]; }
      function ratio(a, b) { var x = lum(a), y = lum(b);
        return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); }
      function behind(el) { for (var e = el.parentElement; e; e = e.parentElement) {
        var c = rgba(getComputedStyle(e).backgroundColor); if (c[3] > 0) return c; }
        return [255, 255, 255, 1]; }
      var bodyFont = getComputedStyle(document.body).fontFamily, problems = [];
      document.querySelectorAll('main input:not([type=hidden]), main select, main textarea,'
          + ' main button, main .ui-selectonemenu, main .ui-chkbox-box').forEach(function (el) {
        var r = el.getBoundingClientRect();
        if (r.width < 2 || r.height < 2 || el.closest('.ui-helper-hidden-accessible')
            || el.closest('.ui-selectonemenu') && el !== el.closest('.ui-selectonemenu')) return;
        var s = getComputedStyle(el), name = el.id || el.name || el.className;
        var box = el.type === 'checkbox' || el.type === 'radio' || el.classList.contains('ui-chkbox-box');
        var least = box ? 20 : 24;
        if (r.width < least - 0.5 || r.height < least - 0.5)
          problems.push(name + ' is ' + Math.round(r.width) + 'x' + Math.round(r.height) + ' px');
        if (!box && s.fontFamily !== bodyFont && !el.closest('.ui-chkbox'))
          problems.push(name + ' in ' + s.fontFamily + ', not ' + bodyFont);
        if (el.type === 'checkbox' && el.closest('.ui-chkbox')) return;
        var back = behind(el), border = ratio(rgba(s.borderTopColor), back);
        var fill = rgba(s.backgroundColor);
        var seen = Math.max(border, fill[3] > 0 ? ratio(fill, back) : 1);
        if (parseFloat(s.borderTopWidth) === 0 && !(fill[3] > 0)) seen = 1;
        if (seen < 3) problems.push(name + ': border ' + s.borderTopColor + ' at '
            + border.toFixed(2) + ':1 against ' + back);
      });
      return problems;
      """;

  private String pageOf(String user, String page) {
    Scenarios scenarios = new Scenarios(base);
    return switch (page) {
      case "beneficiary" ->
          base + "app/social/beneficiary.xhtml?id=" + scenarios.eligibleBeneficiary("RSA");
      case "refurbish" -> {
        scenarios.availableDevice("donateur", "LAPTOP", "relais", 12_000);
        yield base + "app/workshop/devices.xhtml";
      }
      default -> base + page;
    };
  }

  /** Types a value (a date through the script, as Chromium's date field takes no typing). */
  private void type(String id, String value) {
    WebElement field = browser.findElement(By.id(id));
    if ("date".equals(field.getAttribute("type"))) {
      script("document.getElementById(arguments[0]).value = arguments[1];", id, value);
    } else {
      field.clear();
      field.sendKeys(value);
    }
  }

  /** The element that takes the focus for a field id (PrimeFaces wraps some inputs). */
  private WebElement focusable(String id) {
    WebElement element = browser.findElement(By.id(id));
    if (List.of("input", "select", "textarea").contains(element.getTagName())) {
      return element;
    }
    return element.findElement(By.cssSelector("input:not([type=hidden]), select, textarea"));
  }

  private Object script(String code, Object... arguments) {
    return ((JavascriptExecutor) browser).executeScript(code, arguments);
  }
}
