package fr.secondevie.vouchers;

import static fr.secondevie.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.testing.Api;
import fr.secondevie.testing.Pdfs;
import fr.secondevie.testing.Race;
import fr.secondevie.testing.Scenarios;
import fr.secondevie.testing.Server;
import fr.secondevie.testing.TestDatabase;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URL;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Booklets of passes numériques (issue 17, part 3) and services without a file (part 4): a funder
 * allocates booklets to a social structure, which hands them over; a pass of a booklet not handed
 * over is refused at the counter; a workshop is sold to nobody in particular and paid by passes;
 * reconciliation counts them as vouchers.
 */
class BookletsIT {

  final URL base = Server.shared();
  final Scenarios given = new Scenarios(base);
  final Api funder = Api.as(base, "financeur");
  final Api social = Api.as(base, "social");
  final Api counter = Api.as(base, "relais");

  long passProgramme(String kind) {
    var programme =
        funder.post(
            "api/v1/voucher-programs",
            "{\"name\":\"Pass numérique IT\",\"kind\":\""
                + kind
                + "\",\"faceValueCents\":1000,\"validFrom\":\""
                + LocalDate.now().minusDays(10)
                + "\",\"validUntil\":\""
                + LocalDate.now().plusYears(1)
                + "\",\"toleranceDays\":31,\"nominative\":false,\"postalCodePrefixes\":[\"80\"]}");
    assertThat(programme.status()).as(programme.toString()).isEqualTo(201);
    return programme.json().getJsonNumber("id").longValue();
  }

  Api.Answer allocate(long programme, long structure, int count, int passes) {
    return funder.post(
        "api/v1/voucher-programs/" + programme + "/booklets",
        "{\"structureId\":"
            + structure
            + ",\"count\":"
            + count
            + ",\"vouchersPerBooklet\":"
            + passes
            + "}");
  }

  static List<String> codes(JsonObject booklet) {
    return booklet.getJsonArray("codes").getValuesAs(JsonString::getString);
  }

  long serviceAt(String counterUser, String name, int minutes, long cents) {
    long relay = given.organisationOf(counterUser);
    var service =
        given
            .user(counterUser)
            .post(
                "api/v1/relays/" + relay + "/services",
                "{\"name\":\""
                    + name
                    + "\",\"durationMinutes\":"
                    + minutes
                    + ",\"priceCents\":"
                    + cents
                    + ",\"gettingStarted\":true}");
    assertThat(service.status()).as(service.toString()).isEqualTo(201);
    assertThat(service.json().getBoolean("gettingStarted")).isTrue();
    return service.json().getJsonNumber("id").longValue();
  }

  @Test
  void aFunderAllocatesBookletsThatTheStructureHandsOverOnce() throws Exception {
    long structure = given.organisationOf("social");
    long programme = passProgramme("PASS_NUMERIQUE");

    assertProblem(
        allocate(passProgramme("CHEQUE_EQUIPEMENT"), structure, 1, 10),
        422,
        "NOT_A_PASS_PROGRAMME");
    assertThat(allocate(programme, given.organisationOf("social2"), 1, 10).status())
        .as("another territory's structure")
        .isEqualTo(404);
    assertProblem(
        allocate(programme, given.organisationOf("relais"), 1, 10), 422, "NOT_A_SOCIAL_STRUCTURE");
    assertThat(Api.as(base, "financeur2").get("api/v1/voucher-programs/" + programme).status())
        .isEqualTo(404);

    var allocated = allocate(programme, structure, 2, 10);
    assertThat(allocated.status()).as(allocated.toString()).isEqualTo(201);
    List<JsonObject> booklets =
        allocated.json().getJsonArray("booklets").getValuesAs(JsonObject.class);
    assertThat(booklets).hasSize(2);
    assertThat(codes(booklets.get(0)))
        .hasSize(10)
        .doesNotContainAnyElementsOf(codes(booklets.get(1)));
    long booklet = booklets.get(0).getJsonNumber("id").longValue();
    String pass = codes(booklets.get(0)).get(0);

    // the structure sees its booklets; another structure sees none of them
    assertThat(social.get("api/v1/booklets").body()).contains("\"id\":" + booklet);
    assertThat(Api.as(base, "social2").get("api/v1/booklets").body())
        .doesNotContain("\"id\":" + booklet + ",");
    assertThat(
            Api.as(base, "social2").post("api/v1/booklets/" + booklet + "/handover", "{}").status())
        .isEqualTo(404);

    // the printed booklet: its passes with QR codes, no holder
    var sheet = social.get("api/v1/booklets/" + booklet + "/sheet");
    assertThat(sheet.status()).as(sheet.toString()).isEqualTo(200);
    assertThat(sheet.header("Content-Type")).hasValue("application/pdf");
    assertThat(Pdfs.pages(sheet.bytes())).isEqualTo(2);
    assertThat(Pdfs.text(sheet.bytes())).contains(pass).contains("10,00 €");
    assertThat(Pdfs.qrCode(sheet.bytes(), 0)).isIn(codes(booklets.get(0)));

    // a pass of a booklet not handed over is refused at the counter
    long workshop = serviceAt("relais", "Atelier prise en main IT", 120, 2000);
    var order =
        counter.post(
            "api/v1/orders", "{\"services\":[{\"serviceId\":" + workshop + ",\"quantity\":1}]}");
    assertThat(order.status()).as(order.toString()).isEqualTo(201);
    long orderId = order.json().getJsonNumber("id").longValue();
    assertProblem(
        counter.post("api/v1/orders/" + orderId + "/vouchers", "{\"code\":\"" + pass + "\"}"),
        422,
        "VOUCHER_NOT_HANDED_OVER");

    // handed over once: eight at once, one wins
    List<Integer> statuses =
        Race.of(8, i -> social.post("api/v1/booklets/" + booklet + "/handover", "{}").status());
    assertThat(statuses).containsOnlyOnce(200).containsOnly(200, 409);
    var again = social.post("api/v1/booklets/" + booklet + "/handover", "{}");
    assertProblem(again, 409, "BOOKLET_ALREADY_HANDED_OVER");
    assertThat(social.get("api/v1/booklets/" + booklet).json().getString("handedOverAt"))
        .matches(".*[+-]\\d\\d:\\d\\d$");

    // now two passes pay the two-hour workshop of a person with no file
    for (String code : codes(booklets.get(0)).subList(0, 2)) {
      var added =
          counter.post("api/v1/orders/" + orderId + "/vouchers", "{\"code\":\"" + code + "\"}");
      assertThat(added.status()).as(added.toString()).isEqualTo(200);
    }
    var completed = counter.post("api/v1/orders/" + orderId + "/completion");
    assertThat(completed.status()).as(completed.toString()).isEqualTo(200);
    assertThat(completed.json().getString("status")).isEqualTo("PAID");
    assertThat(completed.json().get("beneficiaryId"))
        .as("nobody's order")
        .isIn(null, jakarta.json.JsonValue.NULL);

    var reconciliation =
        funder.get("api/v1/voucher-programs/" + programme + "/reconciliation").json();
    assertThat(reconciliation.getInt("issuedCount")).isEqualTo(20);
    assertThat(reconciliation.getInt("redeemedCount")).isEqualTo(2);
    assertThat(reconciliation.getJsonNumber("redeemedAppliedCents").longValue()).isEqualTo(2000);

    // to a person, by the identifier of the attestation (of the right shape)
    long second = booklets.get(1).getJsonNumber("id").longValue();
    assertThat(
            social
                .post("api/v1/booklets/" + second + "/handover", "{\"beneficiaryId\":\"0OIL\"}")
                .status())
        .isEqualTo(400);
    String person = given.eligibleBeneficiary("RSA");
    var toPerson =
        social.post(
            "api/v1/booklets/" + second + "/handover", "{\"beneficiaryId\":\"" + person + "\"}");
    assertThat(toPerson.status()).as(toPerson.toString()).isEqualTo(200);
    assertThat(toPerson.json().getString("beneficiaryId")).isEqualTo(person);
  }

  /** Booklets allocated at once never share a pass: the database holds each code once. */
  @Test
  void boookletsAllocatedAtOnceNeverShareAPass() throws Exception {
    long structure = given.organisationOf("social");
    long programme = passProgramme("PASS_NUMERIQUE");
    List<Api.Answer> answers = Race.of(8, i -> allocate(programme, structure, 5, 20));
    List<String> all = new ArrayList<>();
    for (Api.Answer answer : answers) {
      assertThat(answer.status())
          .as(answers.stream().map(a -> a.status() + " " + a.body()).toList().toString())
          .isEqualTo(201);
      answer
          .json()
          .getJsonArray("booklets")
          .getValuesAs(JsonObject.class)
          .forEach(b -> all.addAll(codes(b)));
    }
    assertThat(all).hasSize(800);
    assertThat(new HashSet<>(all)).hasSize(800);
    try (var db = TestDatabase.connect();
        var query =
            db.prepareStatement(
                "select count(*), count(distinct v.code) from voucher v join booklet b"
                    + " on b.batch_id = v.batch_id where b.programme_id = ?")) {
      query.setLong(1, programme);
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        assertThat(rows.getInt(1)).isEqualTo(800);
        assertThat(rows.getInt(2)).isEqualTo(800);
      }
    }
  }

  /**
   * Unused passes expire with their programme, at the counter too (the nightly expiry and the
   * funder's credit, which they then share with every voucher: InsideTheServerIT).
   */
  @Test
  void passesOfAnEndedProgrammeAreRefusedAsExpired() throws Exception {
    long structure = given.organisationOf("social");
    var programme =
        funder.post(
            "api/v1/voucher-programs",
            "{\"name\":\"Pass numérique 2025 IT\",\"kind\":\"PASS_NUMERIQUE\",\"faceValueCents\":1000,"
                + "\"validFrom\":\""
                + LocalDate.now().minusDays(60)
                + "\",\"validUntil\":\""
                + LocalDate.now().plusDays(1)
                + "\",\"toleranceDays\":0,\"nominative\":false,\"postalCodePrefixes\":[]}");
    long id = programme.json().getJsonNumber("id").longValue();
    var allocated = allocate(id, structure, 1, 3);
    assertThat(allocated.status()).as(allocated.toString()).isEqualTo(201);
    Set<String> codes =
        new HashSet<>(codes(allocated.json().getJsonArray("booklets").getJsonObject(0)));
    // the programme ended yesterday (moved back in the database, as time would)
    try (var db = TestDatabase.connect();
        var ended =
            db.prepareStatement(
                "update voucher_programme set valid_until = ?, valid_from = ? where id = ?")) {
      ended.setObject(1, LocalDate.now().minusDays(1));
      ended.setObject(2, LocalDate.now().minusDays(60));
      ended.setLong(3, id);
      ended.executeUpdate();
    }
    String code = codes.iterator().next();
    var check = counter.get("api/v1/vouchers/" + code);
    assertThat(check.json().getString("status")).isEqualTo("EXPIRED");
    var order =
        counter.post(
            "api/v1/orders",
            "{\"services\":[{\"serviceId\":"
                + serviceAt("relais", "Aide en ligne IT", 60, 1000)
                + ",\"quantity\":1}]}");
    assertProblem(
        counter.post(
            "api/v1/orders/" + order.json().getJsonNumber("id") + "/vouchers",
            "{\"code\":\"" + code + "\"}"),
        422,
        "VOUCHER_EXPIRED");
    counter.post("api/v1/orders/" + order.json().getJsonNumber("id") + "/cancellation");
  }

  /** A device still needs an eligible person; services alone need none. */
  @Test
  void aDeviceStillNeedsAnEligiblePerson() {
    int device = given.availableDevice("donateur", "TABLET", "relais", 8_000);
    assertProblem(
        counter.post("api/v1/orders", "{\"deviceIds\":[" + device + "]}"), 422, "NOT_ELIGIBLE");
    long service = serviceAt("relais", "Atelier tablette IT", 120, 2000);
    assertProblem(
        counter.post(
            "api/v1/orders",
            "{\"deviceIds\":["
                + device
                + "],\"services\":[{\"serviceId\":"
                + service
                + ",\"quantity\":1}]}"),
        422,
        "NOT_ELIGIBLE");
    long order = given.openOrder("relais", given.eligibleBeneficiary("RSA"), device);
    assertThat(order).as("nothing was reserved by the refusals").isPositive();
    counter.post("api/v1/orders/" + order + "/cancellation");
    assertThat(
            Api.as(base, "relais3")
                .post(
                    "api/v1/orders",
                    "{\"services\":[{\"serviceId\":" + service + ",\"quantity\":1}]}")
                .status())
        .as("another relay's service")
        .isEqualTo(404);
  }
}
