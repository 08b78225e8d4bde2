package fr.secondevie.receipts;

import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.testing.Api;
import fr.secondevie.testing.Api.Answer;
import fr.secondevie.testing.Pdfs;
import fr.secondevie.testing.Scenarios;
import fr.secondevie.testing.Server;
import fr.secondevie.testing.TestDatabase;
import jakarta.json.JsonObject;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Tax receipts over HTTP: issuing, numbering under concurrency, PDF, cancellation, totals. */
class ReceiptsIT {

  static final int YEAR = LocalDate.now(ZoneId.of("Europe/Paris")).getYear();

  final URL base = Server.shared();

  /** 3 laptops at 411,52 € each: 1 234,56 € as determined by the donor. */
  private int donation(String donor, boolean received) {
    Answer pledge =
        Api.as(base, donor)
            .post(
                "api/v1/donations",
                "{\"items\":[{\"category\":\"LAPTOP\",\"quantity\":3,\"description\":"
                    + "\"Portables Dell Latitude 5490\",\"unitValueCents\":41152}],"
                    + "\"pickupAddress\":\"40 rue Delpech, Amiens\",\"availableFrom\":\"2026-12-01\"}");
    assertThat(pledge.status()).as(pledge.toString()).isEqualTo(201);
    int id = pledge.json().getInt("id");
    if (received) {
      String workshop = new Scenarios(base).workshopOf(pledge.json());
      assertThat(Api.as(base, workshop).post("api/v1/donations/" + id + "/reception").status())
          .isEqualTo(200);
    }
    return id;
  }

  private Answer issue(int donation) {
    return issue(donation, "admin");
  }

  private Answer issue(int donation, String coordination) {
    return Api.as(base, coordination).post("api/v1/donations/" + donation + "/tax-receipt");
  }

  /** The six digits at the end of a receipt number, {@code HDF-2026-000042}: 42. */
  private static int sequenceOf(String number) {
    return Integer.parseInt(number.substring(number.length() - 6));
  }

  @Test
  void aPublicBodysDonationGetsAnAttestationOfFreeTransferAndNoReceipt() throws Exception {
    Scenarios given = new Scenarios(base);
    String body = given.publicBodyDonor();
    int device = given.availableDevice(body, "LAPTOP", "relais", 20_000);
    long donation;
    String serial;
    try (Connection db = TestDatabase.connect();
        PreparedStatement find =
            db.prepareStatement("select donation_id, serial_number from device where id = ?")) {
      find.setLong(1, device);
      try (var row = find.executeQuery()) {
        assertThat(row.next()).isTrue();
        donation = row.getLong(1);
        serial = row.getString(2);
      }
    }
    Answer refused = Api.as(base, "admin").post("api/v1/donations/" + donation + "/tax-receipt");
    assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
    assertThat(refused.json().getString("code")).isEqualTo("NOT_ELIGIBLE_FOR_TAX_RECEIPT");
    try (Connection db = TestDatabase.connect();
        PreparedStatement count =
            db.prepareStatement("select count(*) from tax_receipt where donation_id = ?")) {
      count.setLong(1, donation);
      try (var row = count.executeQuery()) {
        row.next();
        assertThat(row.getInt(1)).as("no receipt stored").isZero();
      }
    }

    Api bodyApi = Api.anonymous(base).withCredentials(body, Scenarios.PASSWORD);
    String path = "api/v1/donations/" + donation + "/transfer-certificate";
    Answer attestation = bodyApi.get(path);
    assertThat(attestation.status()).as(attestation.toString()).isEqualTo(200);
    assertThat(attestation.header("Content-Type")).get().asString().startsWith("application/pdf");
    String text = Pdfs.text(attestation.bytes());
    assertThat(text)
        .contains("Attestation de cession à titre gratuit")
        .contains("Mairie de Corbie")
        .contains(serial)
        .contains("Réemployé (en vente)")
        .contains("C-")
        .contains("100,00 €")
        .contains("1 appareil reçu : 1 réemployé")
        .contains("n'est pas un reçu fiscal");
    assertThat(Api.as(base, "admin").get(path).status()).isEqualTo(200);
    assertThat(Api.as(base, "admin2").get(path).status()).as("another territory").isEqualTo(404);
    assertThat(Api.as(base, "donateur").get(path).status()).as("another donor").isEqualTo(404);
    assertThat(Api.as(base, "relais").get(path).status()).isEqualTo(403);

    Answer company =
        Api.as(base, "donateur")
            .get("api/v1/donations/" + donation("donateur", true) + "/transfer-certificate");
    assertThat(company.status()).as(company.toString()).isEqualTo(422);
    assertThat(company.json().getString("code")).isEqualTo("TAX_RECEIPT_INSTEAD");
  }

  @Test
  void anAdminIssuesTheReceiptOfAReceivedDonationOnce() {
    int donation = donation("donateur", true);
    Answer issued = issue(donation);
    assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
    JsonObject receipt = issued.json();
    assertThat(receipt.getString("number")).matches("HDF-" + YEAR + "-\\d{6}");
    assertThat(receipt.getString("status")).isEqualTo("ISSUED");
    assertThat(receipt.getJsonNumber("amountCents").longValue()).isEqualTo(123_456);
    assertThat(receipt.getInt("donationId")).isEqualTo(donation);
    assertThat(issued.header("Location"))
        .get()
        .asString()
        .endsWith("/api/v1/tax-receipts/" + receipt.getString("number"));

    Answer again = issue(donation);
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().getString("code")).isEqualTo("RECEIPT_ALREADY_ISSUED");
  }

  @Test
  void noReceiptBeforeTheDonationIsReceivedNorForAnyoneButTheAdmin() {
    int pledged = donation("donateur", false);
    Answer early = issue(pledged);
    assertThat(early.status()).isEqualTo(422);
    assertThat(early.json().getString("code")).isEqualTo("DONATION_NOT_RECEIVED");
    assertThat(issue(987_654_321).status()).isEqualTo(404);
    int received = donation("donateur", true);
    assertThat(
            Api.as(base, "donateur").post("api/v1/donations/" + received + "/tax-receipt").status())
        .isEqualTo(403);
    assertThat(
            Api.as(base, "relais").post("api/v1/donations/" + received + "/tax-receipt").status())
        .isEqualTo(403);
  }

  @Test
  void thePdfCarriesTheMentionsOfTheCerfaAndNeverChanges() throws Exception {
    String number = issue(donation("donateur", true)).json().getString("number");
    Answer pdf = Api.as(base, "donateur").get("api/v1/tax-receipts/" + number + "/pdf");
    assertThat(pdf.status()).isEqualTo(200);
    assertThat(pdf.header("Content-Type")).hasValue("application/pdf");
    String text = Pdfs.text(pdf.bytes());
    assertThat(text)
        .contains(number)
        .contains("238 bis")
        .contains("Seconde Vie Somme")
        .contains("812345678")
        .contains("W802001234")
        .contains("Picardie Assurances")
        .contains("552100554")
        .contains("*** 1 234,56 € ***")
        .contains("mille deux cent trente-quatre euros et cinquante-six centimes")
        .contains("Don en nature")
        .contains("3 × Ordinateur portable (Portables Dell Latitude 5490)")
        .contains("valeur unitaire 411,52 €")
        .contains("certifie sur l'honneur")
        .contains("16216");

    Answer again = Api.as(base, "admin").get("api/v1/tax-receipts/" + number + "/pdf");
    assertThat(again.bytes()).isEqualTo(pdf.bytes());
    assertThat(
            Api.as(base, "admin")
                .get("api/v1/tax-receipts/" + number)
                .json()
                .getString("pdfSha256"))
        .isEqualTo(sha256(pdf.bytes()));
  }

  @Test
  void anotherCompanysReceiptIsNotFound() {
    String number = issue(donation("donateur", true)).json().getString("number");
    assertThat(Api.as(base, "donateur2").get("api/v1/tax-receipts/" + number).status())
        .isEqualTo(404);
    assertThat(Api.as(base, "donateur2").get("api/v1/tax-receipts/" + number + "/pdf").status())
        .isEqualTo(404);
    assertThat(Api.as(base, "donateur2").get("api/v1/tax-receipts").body()).doesNotContain(number);
    assertThat(Api.as(base, "donateur").get("api/v1/tax-receipts").body()).contains(number);
  }

  @Test
  void aCancelledReceiptKeepsItsNumberAndItsReplacementRefersToIt() {
    int donation = donation("donateur", true);
    String first = issue(donation).json().getString("number");
    Api admin = Api.as(base, "admin");
    Answer cancelled =
        admin.post(
            "api/v1/tax-receipts/" + first + "/cancellation",
            "{\"reason\":\"Valeur erronée déclarée par le donateur\"}");
    assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
    assertThat(cancelled.json().getString("status")).isEqualTo("CANCELLED");
    assertThat(
            admin
                .post("api/v1/tax-receipts/" + first + "/cancellation", "{\"reason\":\"x\"}")
                .status())
        .isEqualTo(409);
    assertThat(
            admin
                .post("api/v1/tax-receipts/" + first + "/cancellation", "{\"reason\":\"\"}")
                .status())
        .isEqualTo(400);

    JsonObject replacement = issue(donation).json();
    assertThat(replacement.getString("number")).isNotEqualTo(first);
    assertThat(replacement.getString("replaces")).isEqualTo(first);
    assertThat(
            Pdfs.text(
                admin
                    .get("api/v1/tax-receipts/" + replacement.getString("number") + "/pdf")
                    .bytes()))
        .contains("Remplace le reçu " + first);
    assertThat(admin.get("api/v1/tax-receipts/" + first).json().getString("cancellationReason"))
        .isEqualTo("Valeur erronée déclarée par le donateur");
  }

  @Test
  void fiftyConcurrentIssuesGetFiftyConsecutiveNumbers() throws Exception {
    List<Integer> donations = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      donations.add(donation(i % 2 == 0 ? "donateur" : "donateur2", true));
    }
    ExecutorService pool = Executors.newFixedThreadPool(50);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Answer>> answers = new ArrayList<>();
    for (int donation : donations) {
      Callable<Answer> call =
          () -> {
            start.await();
            return issue(donation);
          };
      answers.add(pool.submit(call));
    }
    start.countDown();
    TreeSet<Integer> sequences = new TreeSet<>();
    for (Future<Answer> answer : answers) {
      Answer issued = answer.get();
      assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
      sequences.add(sequenceOf(issued.json().getString("number")));
    }
    pool.shutdown();
    assertThat(sequences).hasSize(50);
    assertThat(sequences.last() - sequences.first()).as("no gap among them").isEqualTo(49);
  }

  @Test
  void aBatchIssuesEveryWaitingReceiptWithProgress() throws Exception {
    for (int i = 0; i < 30; i++) {
      donation("donateur2", true);
    }
    Api admin = Api.as(base, "admin");
    Answer started = admin.post("api/v1/tax-receipts/batches");
    assertThat(started.status()).as(started.toString()).isEqualTo(202);
    int total = started.json().getInt("total");
    assertThat(total).isGreaterThanOrEqualTo(30);
    String location = started.header("Location").orElseThrow();
    JsonObject batch = started.json();
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (!batch.getString("status").equals("FINISHED") && System.nanoTime() < deadline) {
      Thread.sleep(200);
      batch = admin.get(location.substring(location.indexOf("api/v1/"))).json();
      assertThat(batch.getInt("percent")).isBetween(0, 100);
    }
    assertThat(batch.getString("status")).isEqualTo("FINISHED");
    assertThat(batch.getInt("done")).isEqualTo(total);
    assertThat(batch.getInt("failed")).isZero();
    assertThat(admin.post("api/v1/tax-receipts/batches").json().getInt("total"))
        .as("nothing left waiting")
        .isZero();
    assertThat(Api.as(base, "donateur").post("api/v1/tax-receipts/batches").status())
        .isEqualTo(403);
  }

  @Test
  void theYearlyTotalsAddUpToTheReceipts() {
    issue(donation("donateur2", true));
    Api admin = Api.as(base, "admin");
    JsonObject summary = admin.get("api/v1/tax-receipts/summary?year=" + YEAR).json();
    List<JsonObject> all =
        admin
            .get("api/v1/tax-receipts?year=" + YEAR)
            .structure()
            .asJsonArray()
            .getValuesAs(JsonObject.class);
    long issuedAmount =
        all.stream()
            .filter(r -> r.getString("status").equals("ISSUED"))
            .mapToLong(r -> r.getJsonNumber("amountCents").longValue())
            .sum();
    assertThat(summary.getInt("year")).isEqualTo(YEAR);
    assertThat(summary.getJsonNumber("issuedCount").longValue())
        .isEqualTo(all.stream().filter(r -> r.getString("status").equals("ISSUED")).count());
    assertThat(summary.getJsonNumber("cancelledCount").longValue())
        .isEqualTo(all.stream().filter(r -> r.getString("status").equals("CANCELLED")).count());
    assertThat(summary.getJsonNumber("issuedAmountCents").longValue()).isEqualTo(issuedAmount);
    assertThat(summary.getJsonObject("issuer").getString("name")).isNotBlank();
    // Each coordination numbers its own territory's receipts: its code, the year, from 1 without
    // gaps, whatever the other territory issues meanwhile.
    issue(donation("donateur3", true), "admin2");
    for (String coordination : List.of("admin", "admin2")) {
      String code = coordination.equals("admin") ? "HDF" : "ARA";
      List<JsonObject> receipts =
          Api.as(base, coordination)
              .get("api/v1/tax-receipts?year=" + YEAR)
              .structure()
              .asJsonArray()
              .getValuesAs(JsonObject.class);
      assertThat(receipts).as(coordination + "'s receipts").isNotEmpty();
      assertThat(receipts)
          .extracting(r -> r.getString("number"))
          .allMatch(n -> n.startsWith(code + "-" + YEAR + "-"), "numbered in " + code);
      List<Integer> sequences =
          receipts.stream().map(r -> sequenceOf(r.getString("number"))).sorted().toList();
      assertThat(sequences)
          .as(code + " numbers from 1 without gaps")
          .isEqualTo(java.util.stream.IntStream.rangeClosed(1, sequences.size()).boxed().toList());
    }
    assertThat(
            Api.as(base, "admin2")
                .get("api/v1/tax-receipts/summary?year=" + YEAR)
                .json()
                .getJsonObject("issuer")
                .getString("name"))
        .as("the summary is the issuer's own")
        .isNotEqualTo(summary.getJsonObject("issuer").getString("name"));
    assertThat(Api.as(base, "donateur").get("api/v1/tax-receipts/summary").status()).isEqualTo(403);
  }

  @Test
  void aDonorsImpactIsRecomputedByHand() throws Exception {
    Scenarios given = new Scenarios(base);
    String donor = given.publicBodyDonor();
    Api donorApi = Api.anonymous(base).withCredentials(donor, Scenarios.PASSWORD);
    List<Integer> sold = new ArrayList<>();
    sold.add(given.availableDevice(donor, "LAPTOP", "relais", 20_000));
    sold.add(given.availableDevice(donor, "LAPTOP", "relais2", 20_000));
    sold.add(given.availableDevice(donor, "SMARTPHONE", "relais", 9_000));
    sold.add(given.availableDevice(donor, "DESKTOP", "relais", 15_000));
    given.availableDevice(donor, "TABLET", "relais", 9_000);
    List<String> people =
        List.of(
            given.eligibleBeneficiary("RSA"),
            given.eligibleBeneficiary("RSA"),
            given.eligibleBeneficiary("AAH"));
    try (Connection db = TestDatabase.connect()) {
      for (int i = 0; i < sold.size(); i++) {
        try (PreparedStatement sell =
            db.prepareStatement(
                "update device set status = 'SOLD', sold_at = current_timestamp where id = ?")) {
          sell.setLong(1, sold.get(i));
          assertThat(sell.executeUpdate()).isEqualTo(1);
        }
        try (PreparedStatement quota =
            db.prepareStatement(
                "insert into quota_use (beneficiary_id, category, reference, used_at)"
                    + " values (?, 'LAPTOP', ?, current_timestamp)")) {
          quota.setString(1, people.get(Math.min(i, 2)));
          quota.setString(2, Integer.toString(sold.get(i)));
          quota.executeUpdate();
        }
      }
    }
    Answer pledge =
        donorApi.post(
            "api/v1/donations",
            "{\"items\":[{\"category\":\"TABLET\",\"quantity\":1,\"unitValueCents\":1000}],"
                + "\"pickupAddress\":\"Mairie\",\"availableFrom\":\"2026-12-01\"}");
    int donation = pledge.json().getInt("id");
    Api workshop = Api.as(base, given.workshopOf(pledge.json()));
    workshop.post("api/v1/donations/" + donation + "/reception");
    int broken =
        workshop
            .post(
                "api/v1/donations/" + donation + "/devices",
                "{\"serialNumber\":\"TAB"
                    + java.util.UUID.randomUUID().toString().substring(0, 8)
                    + "\",\"category\":\"TABLET\",\"brand\":\"Samsung\",\"model\":\"Tab A\"}")
            .json()
            .getInt("id");
    assertThat(
            workshop
                .post(
                    "api/v1/devices/" + broken + "/recycling",
                    "{\"reason\":\"Carte mère hors service\"}")
                .status())
        .isEqualTo(200);

    JsonObject impact = donorApi.get("api/v1/impact?scope=mine").json();
    assertThat(impact.getJsonNumber("devicesReused").longValue()).isEqualTo(4);
    assertThat(impact.getJsonNumber("devicesRecycled").longValue()).isEqualTo(1);
    assertThat(impact.getJsonNumber("peopleEquipped").longValue()).isEqualTo(3);
    // 2 laptops x 27 + 1 smartphone x 24.6 (the desktop has no published factor)
    assertThat(impact.getJsonNumber("kgCo2eAvoided").bigDecimalValue())
        .isEqualByComparingTo("78.60");
    // 2 x 127 + 76.9
    assertThat(impact.getJsonNumber("kgRawMaterialsAvoided").bigDecimalValue())
        .isEqualByComparingTo("330.90");
    assertThat(impact.getString("factorsSource")).contains("ADEME 2022");
    JsonObject laptop =
        impact.getJsonArray("byCategory").getValuesAs(JsonObject.class).stream()
            .filter(c -> c.getString("category").equals("LAPTOP"))
            .findFirst()
            .orElseThrow();
    assertThat(laptop.getJsonNumber("reused").longValue()).isEqualTo(2);
    assertThat(laptop.getJsonNumber("kgCo2eAvoided").bigDecimalValue())
        .isEqualByComparingTo("54.00");

    JsonObject ofDonation = donorApi.get("api/v1/impact/donations/" + donation).json();
    assertThat(ofDonation.getJsonNumber("devicesRecycled").longValue()).isEqualTo(1);
    assertThat(ofDonation.getJsonNumber("devicesReused").longValue()).isZero();
    assertThat(Api.as(base, "donateur").get("api/v1/impact/donations/" + donation).status())
        .as("another company's donation")
        .isEqualTo(404);
    Answer report = donorApi.get("api/v1/impact/report");
    assertThat(report.header("Content-Type")).hasValue("application/pdf");
    assertThat(Pdfs.text(report.bytes()))
        .contains("rapport d'impact")
        .contains("78,60 kg")
        .contains("330,90 kg")
        .contains("ADEME 2022");

    JsonObject everyone = Api.anonymous(base).get("api/v1/impact").json();
    assertThat(everyone.getJsonNumber("devicesReused").longValue()).isGreaterThanOrEqualTo(4);
    assertThat(Api.anonymous(base).get("api/v1/impact?scope=mine").status()).isEqualTo(401);
    assertThat(Api.as(base, "relais").get("api/v1/impact?scope=mine").status()).isEqualTo(403);
    assertThat(Api.anonymous(base).get("api/v1/impact?from=hier").status()).isEqualTo(400);
    assertThat(
            Api.as(base, "donateur")
                .get("api/v1/impact?scope=mine")
                .json()
                .getJsonNumber("devicesReused")
                .longValue())
        .as("another company's gifts are not counted")
        .isLessThan(everyone.getJsonNumber("devicesReused").longValue() + 1);
  }

  private static String sha256(byte[] bytes) throws Exception {
    return java.util.HexFormat.of()
        .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
