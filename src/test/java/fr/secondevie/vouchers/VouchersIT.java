package fr.secondevie.vouchers;

import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.testing.Api;
import fr.secondevie.testing.Problems;
import fr.secondevie.testing.Scenarios;
import fr.secondevie.testing.Server;
import fr.secondevie.testing.TestDatabase;
import fr.secondevie.vouchers.entity.VoucherCode;
import jakarta.json.JsonObject;
import java.net.URL;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * Vouchers over HTTP on the shared server, as funders and counters call the API: programmes,
 * issuance (a large batch in the background, its sheet of QR codes), checking a code at the
 * counter, cancellation, and the funder's journey in Chromium. The ledger's operations that sales
 * calls, and last year's settlement, are tested inside the server ({@code InsideTheServerIT}).
 */
class VouchersIT {

  private static final String SOMME = "Département de la Somme";

  final URL base = Server.shared();

  @Test
  void aFunderCreatesAProgrammeAndOnlyItsAuthoritySeesIt() {
    Api funder = Api.as(base, "financeur");
    var created = funder.post("api/v1/voucher-programs", programme("IT chèque", 10_000, false));
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.header("Location")).get().asString().contains("/api/v1/voucher-programs/");
    JsonObject programme = created.json();
    int id = programme.getInt("id");
    assertThat(programme.getString("kind")).isEqualTo("CHEQUE_EQUIPEMENT");
    assertThat(programme.getString("funder")).isEqualTo(SOMME);
    assertThat(programme.getJsonArray("postalCodePrefixes").getString(0)).isEqualTo("80");

    assertThat(ids(funder.get("api/v1/voucher-programs").structure().asJsonArray())).contains(id);
    Api other = Api.as(base, "financeur2");
    assertThat(ids(other.get("api/v1/voucher-programs").structure().asJsonArray()))
        .doesNotContain(id);
    assertThat(other.get("api/v1/voucher-programs/" + id).status()).isEqualTo(404);
    assertThat(
            other.post("api/v1/voucher-programs/" + id + "/vouchers", "{\"quantity\":1}").status())
        .isEqualTo(404);
    assertThat(other.get("api/v1/voucher-programs/" + id + "/reconciliation").status())
        .isEqualTo(404);
    assertThat(ids(Api.as(base, "admin").get("api/v1/voucher-programs").structure().asJsonArray()))
        .contains(id);
    assertThat(
            Api.as(base, "relais")
                .post("api/v1/voucher-programs", programme("x", 1, false))
                .status())
        .isEqualTo(403);
    assertThat(Api.anonymous(base).get("api/v1/voucher-programs").status()).isEqualTo(401);
  }

  @Test
  void badProgrammesAreRefusedFieldByField() {
    Api funder = Api.as(base, "financeur");
    var answer =
        funder.post(
            "api/v1/voucher-programs",
            "{\"name\":\"\",\"kind\":\"CHEQUE_EQUIPEMENT\",\"faceValueCents\":-5,"
                + "\"validFrom\":\"2026-01-01\",\"postalCodePrefixes\":[\"8O\"]}");
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().getString("code")).isEqualTo("INVALID_INPUT");
    assertThat(answer.json().getJsonArray("errors").getValuesAs(JsonObject.class))
        .extracting(e -> e.getString("field"))
        .contains("name", "faceValueCents", "validUntil");
    var nullPrefix =
        funder.post(
            "api/v1/voucher-programs",
            "{\"name\":\"x\",\"kind\":\"CHEQUE_EQUIPEMENT\",\"faceValueCents\":1000,"
                + "\"validFrom\":\"2026-01-01\",\"validUntil\":\"2026-12-31\","
                + "\"postalCodePrefixes\":[null]}");
    Problems.assertProblem(nullPrefix, 400, "INVALID_INPUT");
    assertThat(nullPrefix.json().getJsonArray("errors").getValuesAs(JsonObject.class))
        .extracting(e -> e.getString("field"))
        .containsExactly("postalCodePrefixes[0]");
    var backwards =
        funder.post(
            "api/v1/voucher-programs",
            "{\"name\":\"x\",\"kind\":\"PASS_NUMERIQUE\",\"faceValueCents\":1000,"
                + "\"validFrom\":\"2026-05-01\",\"validUntil\":\"2026-04-01\"}");
    assertThat(backwards.status()).isEqualTo(400);
    assertThat(
            funder
                .post("api/v1/voucher-programs", "{\"name\":\"x\",\"kind\":\"BON_CADEAU\"}")
                .status())
        .isEqualTo(400);
  }

  @Test
  void issuedCodesAreCheckedAtTheCounterAndTyposRefused() {
    Api funder = Api.as(base, "financeur");
    int id =
        funder
            .post("api/v1/voucher-programs", programme("IT petit lot", 5_000, false))
            .json()
            .getInt("id");
    var issued = funder.post("api/v1/voucher-programs/" + id + "/vouchers", "{\"quantity\":3}");
    assertThat(issued.status()).isEqualTo(201);
    assertThat(issued.json().getInt("issued")).isEqualTo(3);
    List<String> codes = strings(issued.json().getJsonArray("codes"));
    assertThat(codes).hasSize(3).allMatch(c -> c.matches("[0-9A-Z]{4}(-[0-9A-Z]{4}){3}"));

    Api counter = Api.as(base, "relais");
    JsonObject checked = counter.get("api/v1/vouchers/" + codes.get(0)).json();
    assertThat(checked.getString("status")).isEqualTo("ISSUED");
    assertThat(checked.getInt("faceValueCents")).isEqualTo(5_000);
    assertThat(checked.getJsonObject("program").getString("funder")).isEqualTo(SOMME);
    assertThat(checked.getJsonObject("program").getInt("id")).isEqualTo(id);
    assertThat(checked.getString("validUntil")).isNotBlank();
    assertThat(
            counter.get("api/v1/vouchers/" + codes.get(0).toLowerCase().replace("-", "")).status())
        .isEqualTo(200);

    String code = codes.get(1).replace("-", "");
    char wrong = code.charAt(5) == 'A' ? 'B' : 'A';
    var typo = counter.get("api/v1/vouchers/" + code.substring(0, 5) + wrong + code.substring(6));
    Problems.assertProblem(typo, 400, "MALFORMED_CODE");
    // two neighbouring characters swapped (the first pair that differs): the check character sees
    // it
    int at = 0;
    while (code.charAt(at) == code.charAt(at + 1)) {
      at++;
    }
    String swapped =
        code.substring(0, at) + code.charAt(at + 1) + code.charAt(at) + code.substring(at + 2);
    Problems.assertProblem(counter.get("api/v1/vouchers/" + swapped), 400, "MALFORMED_CODE");
    var unknown =
        counter.get("api/v1/vouchers/" + VoucherCode.generate(new SecureRandom()).grouped());
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(Api.as(base, "financeur2").get("api/v1/vouchers/" + codes.get(0)).status())
        .isEqualTo(404);
    assertThat(Api.as(base, "donateur").get("api/v1/vouchers/" + codes.get(0)).status())
        .isEqualTo(403);
  }

  @Test
  void onlyAnIssuedVoucherIsCancelledAndOnlyByItsFunder() {
    Api funder = Api.as(base, "financeur");
    int id =
        funder
            .post("api/v1/voucher-programs", programme("IT annulation", 5_000, false))
            .json()
            .getInt("id");
    String code =
        strings(
                funder
                    .post("api/v1/voucher-programs/" + id + "/vouchers", "{\"quantity\":1}")
                    .json()
                    .getJsonArray("codes"))
            .get(0);
    assertThat(
            Api.as(base, "financeur2").post("api/v1/vouchers/" + code + "/cancellation").status())
        .isEqualTo(404);
    assertThat(Api.as(base, "relais").post("api/v1/vouchers/" + code + "/cancellation").status())
        .isEqualTo(403);
    var cancelled = funder.post("api/v1/vouchers/" + code + "/cancellation");
    assertThat(cancelled.status()).isEqualTo(200);
    assertThat(cancelled.json().getString("status")).isEqualTo("CANCELLED");
    Problems.assertProblem(
        funder.post("api/v1/vouchers/" + code + "/cancellation"), 409, "VOUCHER_NOT_CANCELLABLE");
    assertThat(Api.as(base, "relais").get("api/v1/vouchers/" + code).json().getString("status"))
        .isEqualTo("CANCELLED");

    String redeemed = redeemedVoucher();
    var refused = funder.post("api/v1/vouchers/" + redeemed + "/cancellation");
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().getString("code")).isEqualTo("VOUCHER_NOT_CANCELLABLE");
  }

  @Test
  void aWholeBatchIsCancelledButItsUsedAndHeldVouchersStayAsTheyAre() {
    Scenarios scenarios = new Scenarios(base);
    Api funder = Api.as(base, "financeur");
    Api counter = Api.as(base, "relais");
    List<String> codes = scenarios.vouchers("financeur", "CHEQUE_EQUIPEMENT", 1_000, 4, "80", null);
    int programme =
        counter.get("api/v1/vouchers/" + codes.get(0)).json().getJsonObject("program").getInt("id");
    long batch =
        funder
            .get("api/v1/voucher-programs/" + programme + "/batches")
            .structure()
            .asJsonArray()
            .getJsonObject(0)
            .getJsonNumber("batchId")
            .longValue();
    // one used in a sale, one held by an open order, one cancelled alone, one left
    long sold =
        scenarios.openOrder(
            "relais",
            scenarios.eligibleBeneficiary("RSA"),
            scenarios.availableDevice("donateur", "LAPTOP", "relais", 20_000));
    var held =
        counter.post("api/v1/orders/" + sold + "/vouchers", "{\"code\":\"" + codes.get(0) + "\"}");
    long due = held.json().getJsonNumber("dueCents").longValue();
    counter.post(
        "api/v1/orders/" + sold + "/payments", "{\"method\":\"CASH\",\"amountCents\":" + due + "}");
    assertThat(counter.post("api/v1/orders/" + sold + "/completion").json().getString("status"))
        .isEqualTo("PAID");
    long open =
        scenarios.openOrder(
            "relais",
            scenarios.eligibleBeneficiary("RSA"),
            scenarios.availableDevice("donateur", "LAPTOP", "relais", 20_000));
    assertThat(
            counter
                .post("api/v1/orders/" + open + "/vouchers", "{\"code\":\"" + codes.get(1) + "\"}")
                .status())
        .isEqualTo(200);
    assertThat(funder.post("api/v1/vouchers/" + codes.get(2) + "/cancellation").status())
        .isEqualTo(200);

    String path = "api/v1/voucher-programs/" + programme + "/batches/" + batch + "/cancellation";
    Problems.assertProblem(Api.as(base, "financeur2").post(path), 404, "NOT_FOUND");
    Problems.assertProblem(Api.as(base, "relais").post(path), 403, "FORBIDDEN");
    var cancelled = funder.post(path);
    assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
    JsonObject answer = cancelled.json();
    assertThat(answer.getInt("cancelledCount")).isEqualTo(1);
    assertThat(answer.getJsonNumber("cancelledValueCents").longValue()).isEqualTo(1_000);
    JsonObject vouchers = answer.getJsonObject("vouchers");
    assertThat(
            List.of(
                vouchers.getInt("issued"),
                vouchers.getInt("held"),
                vouchers.getInt("redeemed"),
                vouchers.getInt("cancelled")))
        .containsExactly(0, 1, 1, 2);
    assertThat(
            codes.stream()
                .map(c -> counter.get("api/v1/vouchers/" + c).json().getString("status"))
                .toList())
        .containsExactly("REDEEMED", "HELD", "CANCELLED", "CANCELLED");
    Problems.assertProblem(funder.post(path), 409, "BATCH_NOT_CANCELLABLE");
  }

  @Test
  void theCurrentMonthsStatementIsProvisionalAndIsNotAgreedBeforeTheMonthIsOver() {
    String code = redeemedVoucher();
    Api funder = Api.as(base, "financeur");
    int programme =
        funder.get("api/v1/vouchers/" + code).json().getJsonObject("program").getInt("id");
    String path = "api/v1/voucher-programs/" + programme + "/statements";
    String month = java.time.YearMonth.now(java.time.ZoneId.of("Europe/Paris")).toString();
    var drawn = funder.post(path, "{\"month\":\"" + month + "\"}");
    assertThat(drawn.status()).as(drawn.toString()).isEqualTo(201);
    JsonObject statement = drawn.json().getJsonArray("statements").getJsonObject(0);
    assertThat(statement.getBoolean("provisional")).isTrue();
    long id = statement.getJsonNumber("id").longValue();
    Problems.assertProblem(
        funder.post(path + "/" + id + "/agreement", "{\"reference\":\"D-1\"}"),
        409,
        "MONTH_NOT_OVER");
    assertThat(funder.get(path + "/" + id).json().getString("status")).isEqualTo("DRAFT");
    assertThat(funder.get(path + "/" + id + "/pdf", "application/pdf").status()).isEqualTo(200);
    try (PDDocument pdf =
        Loader.loadPDF(funder.get(path + "/" + id + "/pdf", "application/pdf").bytes())) {
      assertThat(new PDFTextStripper().getText(pdf)).contains("PROVISOIRE");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void nominativeVouchersNameTheirBeneficiaryAndEndedProgrammesIssueNothing() {
    Api funder = Api.as(base, "financeur");
    int id =
        funder
            .post("api/v1/voucher-programs", programme("IT nominatif", 30_000, true))
            .json()
            .getInt("id");
    var missing = funder.post("api/v1/voucher-programs/" + id + "/vouchers", "{\"quantity\":1}");
    assertThat(missing.status()).isEqualTo(422);
    assertThat(missing.json().getString("code")).isEqualTo("BENEFICIARY_REQUIRED");
    assertThat(
            funder
                .post(
                    "api/v1/voucher-programs/" + id + "/vouchers",
                    "{\"quantity\":1,\"beneficiaryId\":\"7k2m-q9xh-4rtw\"}")
                .status())
        .isEqualTo(201);
    var tooMany =
        funder.post("api/v1/voucher-programs/" + id + "/vouchers", "{\"quantity\":100001}");
    assertThat(tooMany.status()).isEqualTo(400);

    var ended =
        funder.post(
            "api/v1/voucher-programs/" + endedProgramme(funder) + "/vouchers", "{\"quantity\":1}");
    assertThat(ended.status()).isEqualTo(422);
    assertThat(ended.json().getString("code")).isEqualTo("PROGRAMME_ENDED");
  }

  @Test
  void aLargeBatchRunsInTheBackgroundWithItsProgressAndItsSheetCarriesReadableQrCodes()
      throws Exception {
    Api funder = Api.as(base, "financeur");
    int id =
        funder
            .post("api/v1/voucher-programs", programme("IT grand lot", 10_000, false))
            .json()
            .getInt("id");
    var accepted =
        funder.post("api/v1/voucher-programs/" + id + "/vouchers", "{\"quantity\":12000}");
    assertThat(accepted.status()).isEqualTo(202);
    String progress = accepted.json().getString("progress");
    assertThat(accepted.header("Location")).hasValue(progress);
    int batch = accepted.json().getInt("batchId");
    String batchPath = "api/v1/voucher-programs/" + id + "/batches/" + batch;

    JsonObject state = funder.get(batchPath).json();
    long deadline = System.currentTimeMillis() + 120_000;
    List<Integer> seen = new ArrayList<>();
    while (!state.getString("status").equals("DONE") && System.currentTimeMillis() < deadline) {
      seen.add(state.getInt("issued"));
      assertThat(state.getString("status")).isEqualTo("RUNNING");
      Thread.sleep(100);
      state = funder.get(batchPath).json();
    }
    assertThat(state.getString("status")).isEqualTo("DONE");
    assertThat(state.getInt("issued")).isEqualTo(12_000);
    assertThat(state.getInt("percent")).isEqualTo(100);
    assertThat(seen).isSorted();
    assertThat(Api.as(base, "financeur2").get(batchPath).status()).isEqualTo(404);

    var csv = funder.get(batchPath + "/codes", "text/csv");
    assertThat(csv.status()).isEqualTo(200);
    List<String> lines = csv.body().lines().toList();
    assertThat(lines).hasSize(12_001);
    assertThat(lines.get(0)).isEqualTo("code,status");
    assertThat(lines.stream().skip(1).map(l -> l.split(",")[0]).collect(Collectors.toSet()))
        .hasSize(12_000);

    var sheet = funder.get(batchPath + "/sheet?first=0&count=8", "application/pdf");
    assertThat(sheet.status()).isEqualTo(200);
    assertThat(sheet.header("Content-Type")).get().asString().startsWith("application/pdf");
    Set<String> firstEight =
        lines.stream().skip(1).limit(8).map(l -> l.split(",")[0]).collect(Collectors.toSet());
    try (PDDocument pdf = Loader.loadPDF(sheet.bytes())) {
      assertThat(pdf.getNumberOfPages()).isEqualTo(1);
      String text = new PDFTextStripper().getText(pdf);
      assertThat(text).contains(SOMME).contains("100,00").contains("Valable du");
      firstEight.forEach(code -> assertThat(text).contains(code));
    }
    assertThat(QrReading.codesOnSheet(sheet.bytes()))
        .containsExactlyInAnyOrderElementsOf(firstEight);
  }

  /**
   * The funder's journey in a real browser: a programme, a batch with its progress bar, a sheet.
   */
  @Test
  void inTheBrowserAFunderCreatesAProgrammeIssuesABatchAndDownloadsTheSheet() throws Exception {
    FunderJourney.createIssueAndDownload(base);
  }

  /**
   * The funder's statements in Chromium: a sale this month (provisional, not agreed) and one moved
   * back to last month in the database (agreed and paid with their references).
   */
  @Test
  void inTheBrowserAFunderSeesThisMonthProvisionalAndSettlesLastMonthWithItsReferences()
      throws Exception {
    Scenarios scenarios = new Scenarios(base);
    List<String> codes = scenarios.vouchers("financeur", "CHEQUE_EQUIPEMENT", 1_000, 2, "80", null);
    Api counter = Api.as(base, "relais");
    int programme =
        counter.get("api/v1/vouchers/" + codes.get(0)).json().getJsonObject("program").getInt("id");
    for (String code : codes) {
      long order =
          scenarios.openOrder(
              "relais",
              scenarios.eligibleBeneficiary("RSA"),
              scenarios.availableDevice("donateur", "LAPTOP", "relais", 20_000));
      var held =
          counter.post("api/v1/orders/" + order + "/vouchers", "{\"code\":\"" + code + "\"}");
      long due = held.json().getJsonNumber("dueCents").longValue();
      counter.post(
          "api/v1/orders/" + order + "/payments",
          "{\"method\":\"CASH\",\"amountCents\":" + due + "}");
      assertThat(counter.post("api/v1/orders/" + order + "/completion").status()).isEqualTo(200);
    }
    java.time.YearMonth last = java.time.YearMonth.now().minusMonths(1);
    try (var connection = TestDatabase.connect();
        var moved =
            connection.prepareStatement(
                "update redemption set redeemed_at = ? where voucher_id ="
                    + " (select id from voucher where code = ?)")) {
      moved.setObject(1, java.sql.Timestamp.valueOf(last.atDay(20).atTime(11, 0)));
      moved.setString(2, codes.get(1).replace("-", ""));
      assertThat(moved.executeUpdate()).isEqualTo(1);
    }
    FunderJourney.settleStatements(base, programme);
  }

  private static String programme(String name, long cents, boolean nominative) {
    LocalDate today = LocalDate.now();
    return "{\"name\":\""
        + name
        + "\",\"kind\":\"CHEQUE_EQUIPEMENT\",\"faceValueCents\":"
        + cents
        + ",\"validFrom\":\""
        + today.minusDays(1)
        + "\",\"validUntil\":\""
        + today.plusYears(1)
        + "\",\"toleranceDays\":31,\"nominative\":"
        + nominative
        + ",\"postalCodePrefixes\":[\"80\"],\"conditions\":\"Un ordinateur par foyer.\"}";
  }

  /**
   * A programme of the funder that ran all last year with a month of tolerance: created through the
   * API, then moved back in time in the database (the API refuses to create a programme that has
   * already ended).
   */
  private int endedProgramme(Api funder) {
    int id =
        funder
            .post("api/v1/voucher-programs", programme("IT terminé", 1_000, false))
            .json()
            .getInt("id");
    int lastYear = LocalDate.now().getYear() - 1;
    try (var db = TestDatabase.connect();
        var update =
            db.prepareStatement(
                "update voucher_programme set valid_from = ?, valid_until = ? where id = ?")) {
      update.setObject(1, LocalDate.of(lastYear, 1, 1));
      update.setObject(2, LocalDate.of(lastYear, 12, 31));
      update.setInt(3, id);
      assertThat(update.executeUpdate()).isEqualTo(1);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
    return id;
  }

  /** A voucher of the demo funder that paid a sale at the demo relay. */
  private String redeemedVoucher() {
    Scenarios scenarios = new Scenarios(base);
    int device = scenarios.availableDevice("donateur", "LAPTOP", "relais", 20_000);
    String person = scenarios.eligibleBeneficiary("RSA");
    long order = scenarios.openOrder("relais", person, device);
    String code = scenarios.vouchers("financeur", "CHEQUE_EQUIPEMENT", 1_000, 1, "80", null).get(0);
    Api counter = Api.as(base, "relais");
    var held = counter.post("api/v1/orders/" + order + "/vouchers", "{\"code\":\"" + code + "\"}");
    assertThat(held.status()).as(held.toString()).isEqualTo(200);
    long due = held.json().getJsonNumber("dueCents").longValue();
    var cash =
        counter.post(
            "api/v1/orders/" + order + "/payments",
            "{\"method\":\"CASH\",\"amountCents\":" + due + "}");
    assertThat(cash.status()).as(cash.toString()).isEqualTo(201);
    var done = counter.post("api/v1/orders/" + order + "/completion");
    assertThat(done.json().getString("status")).as(done.toString()).isEqualTo("PAID");
    return code;
  }

  private static List<Integer> ids(jakarta.json.JsonArray array) {
    return array.getValuesAs(JsonObject.class).stream().map(o -> o.getInt("id")).toList();
  }

  private static List<String> strings(jakarta.json.JsonArray array) {
    return array.getValuesAs(jakarta.json.JsonString.class).stream()
        .map(jakarta.json.JsonString::getString)
        .toList();
  }
}
