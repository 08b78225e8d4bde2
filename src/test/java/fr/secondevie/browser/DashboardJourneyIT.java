package fr.secondevie.browser;

import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.testing.Accessibility;
import fr.secondevie.testing.Api;
import fr.secondevie.testing.Browser;
import fr.secondevie.testing.Scenarios;
import fr.secondevie.testing.Server;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.URL;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A funder opens its territory's dashboard in Chromium and reads the same figures in the charts and
 * in the tables beside them, which are also the API's; the page and the national comparison pass
 * axe; another territory's dashboard is not shown to the funder.
 */
class DashboardJourneyIT {

  final URL base = Server.shared();
  final Scenarios scenarios = new Scenarios(base);

  private WebDriver browser;
  private WebDriverWait wait;

  /** One Chromium for the class, as new for each test. */
  @RegisterExtension static final Browser.PerClass BROWSERS = new Browser.PerClass();

  @BeforeEach
  void open() {
    browser = BROWSERS.fresh();
    wait = Browser.waiting(browser, Duration.ofSeconds(30));
  }

  /** The data of the Chart.js chart drawn in the element of that id: labels and each series. */
  @SuppressWarnings("unchecked")
  private Map<String, Object> chart(String id) {
    JavascriptExecutor js = (JavascriptExecutor) browser;
    String script =
        "var c = document.querySelector('[id=\""
            + id
            + "\"] canvas');"
            + " var chart = c && window.Chart && Chart.getChart(c);"
            + " return chart ? {labels: chart.data.labels,"
            + " series: chart.data.datasets.map(function (d) { return d.data; })} : null;";
    return (Map<String, Object>) wait.until(b -> js.executeScript(script));
  }

  @SuppressWarnings("unchecked")
  private static List<String> labels(Map<String, Object> chart) {
    return (List<String>) chart.get("labels");
  }

  @SuppressWarnings("unchecked")
  private static List<BigDecimal> series(Map<String, Object> chart, int i) {
    List<Object> values = ((List<List<Object>>) chart.get("series")).get(i);
    return values.stream().map(v -> new BigDecimal(v.toString())).toList();
  }

  /** A table's rows: the row's header, then each cell as a number (French grouping removed). */
  private List<List<String>> rows(String table) {
    List<List<String>> rows = new ArrayList<>();
    for (WebElement tr : browser.findElements(By.cssSelector("#" + table + " tbody tr"))) {
      List<String> row = new ArrayList<>();
      row.add(tr.findElement(By.tagName("th")).getText().strip());
      for (WebElement td : tr.findElements(By.tagName("td"))) {
        String value = td.getAttribute("data-value");
        row.add(value != null ? value : td.getText());
      }
      rows.add(row);
    }
    return rows;
  }

  private static BigDecimal number(String cell) {
    String digits = cell.replaceAll("[\\s\\u00a0\\u202f]", "").replace(',', '.');
    return new BigDecimal(digits.replaceAll("[^0-9.\\-]", ""));
  }

  @Test
  void aFunderReadsTheSameFiguresInTheChartsAndTheTables() {
    scenarios.availableDevice("donateur", "LAPTOP", "relais", 12_000);
    scenarios.vouchers("financeur", "CHEQUE_EQUIPEMENT", 5_000, 2, "80", null);
    int year = LocalDate.now(ZoneId.of("Europe/Paris")).getYear();
    long hdf =
        Api.as(base, "financeur").get("api/v1/me").json().getJsonNumber("territoryId").longValue();

    Browser.logIn(browser, base, "financeur", "demo");
    browser.get(Browser.page(base, "app/territory/dashboard.xhtml"));
    JsonObject api =
        Api.as(base, "financeur")
            .get("api/v1/territories/" + hdf + "/dashboard?year=" + year)
            .json();
    assertThat(browser.findElement(By.tagName("h1")).getText()).contains("Hauts-de-France");

    // supply: each category's row and the chart's four series (received, refurbished, recycled,
    // reused)
    Map<String, Object> supplyChart = chart("supply-chart");
    List<List<String>> supply = rows("supply");
    assertThat(labels(supplyChart)).isEqualTo(supply.stream().map(r -> r.get(0)).toList());
    for (int s = 0; s < 4; s++) {
      int column = s + 2;
      assertThat(series(supplyChart, s))
          .as("series %d of the supply chart", s)
          .usingElementComparator(BigDecimal::compareTo)
          .isEqualTo(supply.stream().map(r -> number(r.get(column))).toList());
    }
    var apiSupply = api.getJsonObject("supply").getJsonArray("byCategory");
    for (int i = 0; i < supply.size(); i++) {
      assertThat(number(supply.get(i).get(2)).longValue())
          .isEqualTo(apiSupply.getJsonObject(i).getJsonNumber("received").longValue());
      assertThat(number(supply.get(i).get(5)).longValue())
          .isEqualTo(apiSupply.getJsonObject(i).getJsonNumber("reused").longValue());
    }

    // demand: diagnosed, eligible, equipped, waiting
    List<BigDecimal> demand = rows("demand").stream().map(r -> number(r.get(1))).toList();
    assertThat(series(chart("demand-chart"), 0))
        .usingElementComparator(BigDecimal::compareTo)
        .isEqualTo(demand);
    JsonObject apiDemand = api.getJsonObject("demand");
    assertThat(demand.stream().map(BigDecimal::longValue).toList())
        .containsExactly(
            apiDemand.getJsonNumber("diagnosed").longValue(),
            apiDemand.getJsonNumber("eligible").longValue(),
            apiDemand.getJsonNumber("equipped").longValue(),
            apiDemand.getJsonNumber("waiting").longValue());

    // vouchers: issued, redeemed, outstanding
    List<BigDecimal> vouchers = rows("vouchers").stream().map(r -> number(r.get(1))).toList();
    assertThat(series(chart("voucher-chart"), 0))
        .usingElementComparator(BigDecimal::compareTo)
        .isEqualTo(vouchers);
    assertThat(vouchers.get(0).longValue())
        .isEqualTo(api.getJsonObject("vouchers").getJsonNumber("issued").longValue());

    // workshops: taken in and refurbished
    Map<String, Object> workshopChart = chart("workshop-chart");
    List<List<String>> workshops = rows("workshops");
    assertThat(labels(workshopChart)).isEqualTo(workshops.stream().map(r -> r.get(0)).toList());
    assertThat(series(workshopChart, 0))
        .usingElementComparator(BigDecimal::compareTo)
        .isEqualTo(workshops.stream().map(r -> number(r.get(2))).toList());
    assertThat(series(workshopChart, 1))
        .usingElementComparator(BigDecimal::compareTo)
        .isEqualTo(workshops.stream().map(r -> number(r.get(3))).toList());

    // the environmental impact by category, in kg CO2e
    List<List<String>> impact = rows("impact-categories");
    assertThat(series(chart("impact-chart"), 0))
        .usingElementComparator(BigDecimal::compareTo)
        .isEqualTo(impact.stream().map(r -> new BigDecimal(r.get(2))).toList());
    assertThat(new BigDecimal(rows("impact").get(0).get(1)))
        .isEqualByComparingTo(
            api.getJsonObject("impact").getJsonNumber("kgCo2eAvoided").bigDecimalValue());
    assertThat(browser.findElement(By.id("impact")).getText()).contains(" kg", " h");

    assertThat(Accessibility.violations(browser)).as("the territorial dashboard").isEmpty();
    assertThat(browser.findElement(By.id("impact-report")).getAttribute("href"))
        .contains("/api/v1/territories/" + hdf + "/impact-report?year=" + year);

    // another territory's dashboard is not shown to this funder
    long ara =
        Api.as(base, "financeur3").get("api/v1/me").json().getJsonNumber("territoryId").longValue();
    browser.get(Browser.page(base, "app/territory/dashboard.xhtml?territory=" + ara));
    assertThat(browser.findElement(By.id("missing")).getText()).contains("n'existe pas");
    assertThat(browser.findElements(By.id("supply"))).isEmpty();
  }

  @Test
  void theNationalCoordinationComparesTheTerritories() {
    Browser.logIn(browser, base, "national", "demo");
    browser.get(Browser.page(base, "app/national/comparison.xhtml"));
    List<List<String>> rows = rows("comparison");
    assertThat(rows.stream().map(r -> r.get(0)).toList())
        .contains("Hauts-de-France", "Auvergne-Rhône-Alpes");
    Map<String, Object> chart = chart("comparison-chart");
    assertThat(series(chart, 0))
        .as("devices reused, as in the table")
        .usingElementComparator(BigDecimal::compareTo)
        .isEqualTo(rows.stream().map(r -> number(r.get(2))).toList());
    assertThat(series(chart, 1))
        .as("people equipped, as in the table")
        .usingElementComparator(BigDecimal::compareTo)
        .isEqualTo(rows.stream().map(r -> number(r.get(3))).toList());
    assertThat(Accessibility.violations(browser)).as("the national comparison").isEmpty();
    browser.findElement(By.linkText("Auvergne-Rhône-Alpes")).click();
    wait.until(b -> b.findElement(By.tagName("h1")).getText().contains("Auvergne-Rhône-Alpes"));
    assertThat(Accessibility.violations(browser)).as("another territory's dashboard").isEmpty();
  }
}
