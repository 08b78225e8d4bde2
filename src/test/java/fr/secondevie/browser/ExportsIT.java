package fr.secondevie.browser;

import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.testing.Api;
import fr.secondevie.testing.Browser;
import fr.secondevie.testing.Scenarios;
import fr.secondevie.testing.Server;
import java.io.File;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * What a person downloads from a page opens right in a French spreadsheet: read back from the
 * browser's download folder, the funder's reconciliation and the coordination's tax receipts have
 * the UTF-8 byte-order mark, semicolons, French headers, euros with a comma, days as 01/12/2026,
 * moments with their offset, words instead of codes, and no cell a spreadsheet would run as a
 * formula. The API's CSVs stay the machine kind (checked beside).
 */
class ExportsIT {

  final URL base = Server.shared();

  private File downloads;
  private ChromeDriver browser;

  /** One Chromium for the class, as new for each test. */
  @RegisterExtension static final Browser.PerClass BROWSERS = new Browser.PerClass();

  @BeforeEach
  void open() {
    downloads = new File("target/it-downloads/exports-" + System.nanoTime());
    assertThat(downloads.mkdirs()).isTrue();
    browser = BROWSERS.fresh(downloads);
  }

  @Test
  void theFundersReconciliationIsASpreadsheetForPeople() throws Exception {
    Scenarios scenarios = new Scenarios(base);
    Api counter = Api.as(base, "relais");
    String code = scenarios.vouchers("financeur", "CHEQUE_EQUIPEMENT", 5_000, 1, "80", null).get(0);
    long order =
        scenarios.openOrder(
            "relais",
            scenarios.eligibleBeneficiary("RSA"),
            scenarios.availableDevice("donateur", "LAPTOP", "relais", 12_000));
    assertThat(
            counter
                .post("api/v1/orders/" + order + "/vouchers", "{\"code\":\"" + code + "\"}")
                .status())
        .isEqualTo(200);
    long due = counter.get("api/v1/orders/" + order).json().getJsonNumber("dueCents").longValue();
    assertThat(
            counter
                .post(
                    "api/v1/orders/" + order + "/payments",
                    "{\"method\":\"CASH\",\"amountCents\":" + due + "}")
                .status())
        .isEqualTo(201);
    assertThat(counter.post("api/v1/orders/" + order + "/completion").status()).isEqualTo(200);
    var voucher = counter.get("api/v1/vouchers/" + code).json();
    long programme = voucher.getJsonObject("program").getJsonNumber("id").longValue();

    Browser.logIn(browser, base, "financeur", "demo");
    browser.get(base + "app/funder/programme.xhtml?id=" + programme);
    browser.findElement(By.id("reconciliation-form:reconciliation-sheet")).click();
    List<String> lines = readBack("rapprochement-programme-" + programme + "-tableur.csv");

    assertThat(lines.get(0))
        .isEqualTo(
            "Code du bon;Utilisé le;Relais;Vente n°;Valeur du bon (€);Montant pris en compte (€)");
    String grouped =
        String.join("-", voucher.getString("code").replace("-", "").split("(?<=\\G.{4})"));
    assertThat(lines)
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith(grouped + ";")
                    .matches(
                        ".*;\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2} \\+0[12]:00;[^;0-9][^;]*;"
                            + order
                            + ";50,00;50,00"));

    var machine =
        Api.as(base, "financeur")
            .get("api/v1/voucher-programs/" + programme + "/reconciliation", "text/csv");
    assertThat(machine.body()).startsWith("code,redeemed_at,relay_id,relay_name,order_id");
  }

  @Test
  void theYearsTaxReceiptsAreASpreadsheetForPeople() throws Exception {
    Api donor = Api.as(base, "donateur");
    var pledge =
        donor.post(
            "api/v1/donations",
            "{\"items\":[{\"category\":\"LAPTOP\",\"quantity\":2,\"description\":\"Don\","
                + "\"unitValueCents\":12345}],\"pickupAddress\":\"1 rue de la Gare, Amiens\","
                + "\"availableFrom\":\"2026-12-01\"}");
    assertThat(pledge.status()).as(pledge.toString()).isEqualTo(201);
    int donation = pledge.json().getInt("id");
    assertThat(Api.as(base, "atelier").post("api/v1/donations/" + donation + "/reception").status())
        .isEqualTo(200);
    Api admin = Api.as(base, "admin");
    var receipt = admin.post("api/v1/donations/" + donation + "/tax-receipt");
    assertThat(receipt.status()).as(receipt.toString()).isEqualTo(201);
    String number = receipt.json().getString("number");
    long cents = receipt.json().getJsonNumber("amountCents").longValue();
    String reason = "=HYPERLINK(\"http://example.org\") " + UUID.randomUUID();
    assertThat(
            admin
                .post(
                    "api/v1/tax-receipts/" + number + "/cancellation",
                    "{\"reason\":\"" + reason.replace("\"", "\\\"") + "\"}")
                .status())
        .isEqualTo(200);
    String year = receipt.json().getString("issuedAt").substring(0, 4);

    Browser.logIn(browser, base, "admin", "demo");
    browser.get(base + "app/admin/tax-receipts.xhtml?year=" + year);
    browser.findElement(By.id("receipts-sheet:sheet")).click();
    List<String> lines = readBack("recus-fiscaux-" + year + "-tableur.csv");

    assertThat(lines.get(0))
        .isEqualTo(
            "Numéro du reçu;Émis le;Don n°;Entreprise;SIREN;Montant (€);État;Remplace le reçu;"
                + "Motif d'annulation");
    String euros = String.format("%d,%02d", cents / 100, cents % 100);
    assertThat(lines)
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith(number + ";")
                    .matches(".*;\\d{2}/\\d{2}/" + year + ";" + donation + ";[^;]+;\\d*;.*")
                    .contains(";" + euros + ";Annulé;")
                    .contains("'=HYPERLINK"));
    assertThat(lines)
        .anySatisfy(line -> assertThat(line).startsWith("Reçus émis en " + year + ";"));
    assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("Reçus annulés;"));
  }

  /** The downloaded file's lines, after checking its byte-order mark. */
  private List<String> readBack(String name) throws Exception {
    File file = new File(downloads, name);
    Browser.waiting(browser, Duration.ofSeconds(30))
        .until(
            d ->
                file.isFile()
                    && Arrays.stream(downloads.list()).noneMatch(f -> f.endsWith(".crdownload")));
    byte[] bytes = Files.readAllBytes(file.toPath());
    assertThat(Arrays.copyOf(bytes, 3))
        .as("UTF-8 byte-order mark")
        .containsExactly(0xEF, 0xBB, 0xBF);
    return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8).lines().toList();
  }
}
