package fr.secondevie.platform;

import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.testing.Api;
import fr.secondevie.testing.Api.Answer;
import fr.secondevie.testing.Eventually;
import fr.secondevie.testing.FakeStripe;
import fr.secondevie.testing.Race;
import fr.secondevie.testing.Scenarios;
import fr.secondevie.testing.Server;
import fr.secondevie.testing.TestDatabase;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every state change of the API sent eight times at once, identical, as a double-clicking counter,
 * a retrying scanner or two instances behind the load balancer send it (issue 13): never a 5xx, one
 * effect (one winner; the others a 409 problem with a code, or, for a repeat that found the act
 * done, the same answer as the winner), and no duplicate rows, counted in the database.
 */
class RacesIT {

  private static final int AT_ONCE = 8;
  private static final Set<String> CONCURRENT = Set.of("CONCURRENT_UPDATE");

  private final URL base = Server.shared();
  private final Scenarios scenarios = new Scenarios(base);

  @Test
  void aDonationReceivedEightTimesAtOnceIsReceivedOnce() throws Exception {
    int donation = pledge("donateur");
    List<Answer> answers =
        atOnce(() -> as("atelier").post("api/v1/donations/" + donation + "/reception"));
    Answer won = repeatsAnswerTheSame(answers, 200);
    assertThat(won.json().getString("status")).isEqualTo("RECEIVED");
    assertThat(audited("DONATION_RECEIVED", donation)).isEqualTo(1);
  }

  @Test
  void aSerialNumberRegisteredEightTimesAtOnceIsOneDevice() throws Exception {
    int donation = received("donateur");
    String serial = "SN" + UUID.randomUUID().toString().replace("-", "").substring(0, 14);
    List<Answer> answers =
        atOnce(
            () ->
                as("atelier")
                    .post(
                        "api/v1/donations/" + donation + "/devices",
                        "{\"serialNumber\":\""
                            + serial
                            + "\",\"category\":\"LAPTOP\",\"brand\":\"Dell\","
                            + "\"model\":\"Latitude 5490\"}"));
    oneWinner(answers, 201, "DUPLICATE_SERIAL");
    assertThat(count("select count(*) from device where serial_number = ?", serial.toUpperCase()))
        .isEqualTo(1);
  }

  @Test
  void aDeviceRefurbishedEightTimesAtOnceIsPutOnSaleOnce() throws Exception {
    int device = registered();
    List<Answer> answers =
        atOnce(() -> as("atelier").post("api/v1/devices/" + device + "/refurbishment", refurb()));
    oneWinner(answers, 200, "ILLEGAL_TRANSITION");
    assertThat(audited("DEVICE_REFURBISHED", device)).isEqualTo(1);
  }

  @Test
  void aDeviceRecycledEightTimesAtOnceIsRecycledOnce() throws Exception {
    int device = registered();
    List<Answer> answers =
        atOnce(
            () ->
                as("atelier")
                    .post("api/v1/devices/" + device + "/recycling", "{\"reason\":\"Écran HS\"}"));
    Answer won = repeatsAnswerTheSame(answers, 200);
    assertThat(won.json().getString("status")).isEqualTo("RECYCLED");
    assertThat(audited("DEVICE_RECYCLED", device)).isEqualTo(1);
  }

  @Test
  void aDeviceRegisteredByMistakeDeletedEightTimesAtOnceIsDeletedOnce() throws Exception {
    int device = registered();
    List<Answer> answers =
        atOnce(() -> as("atelier").delete("api/v1/devices/" + device + "?reason=doublon"));
    oneWinner(answers, 204, "NOT_FOUND");
    assertThat(audited("DEVICE_DELETED_MISSCAN", device)).isEqualTo(1);
  }

  @Test
  void aDeviceWithdrawnEightTimesAtOnceIsWithdrawnOnce() throws Exception {
    int device = registered();
    as("atelier").post("api/v1/devices/" + device + "/refurbishment", refurb());
    List<Answer> answers =
        atOnce(
            () ->
                as("atelier")
                    .post(
                        "api/v1/devices/" + device + "/withdrawal",
                        "{\"reason\":\"Clavier défectueux\"}"));
    Answer won = repeatsAnswerTheSame(answers, 200);
    assertThat(won.json().getString("status")).isEqualTo("RECEIVED");
    assertThat(audited("DEVICE_WITHDRAWN", device)).isEqualTo(1);
  }

  @Test
  void aUserNameCreatedEightTimesAtOnceIsOneUser() throws Exception {
    Answer company =
        as("admin")
            .post(
                "api/v1/organisations",
                "{\"name\":\"Entreprise course\",\"kind\":\"COMPANY\",\"publicBody\":false}");
    assertThat(company.status()).as(company.toString()).isEqualTo(201);
    String username = "course" + UUID.randomUUID().toString().substring(0, 8);
    List<Answer> answers =
        atOnce(
            () ->
                as("admin")
                    .post(
                        "api/v1/organisations/" + company.json().getInt("id") + "/users",
                        "{\"username\":\""
                            + username
                            + "\",\"password\":\""
                            + Scenarios.PASSWORD
                            + "\",\"role\":\"donor\"}"));
    oneWinner(answers, 201, "DUPLICATE_USERNAME");
    assertThat(count("select count(*) from app_user where username = ?", username)).isEqualTo(1);
  }

  @Test
  void aMonthDrawnUpEightTimesAtOnceIsOneStatementAgreedOnceAndPaidOnce() throws Exception {
    Sale sale = soldWithAVoucher();
    Api funder = as("financeur");
    String path = "api/v1/voucher-programs/" + sale.programmeId() + "/statements";
    // a statement is agreed once its month is over: the sale is moved back to last month
    YearMonth last = YearMonth.now(ZoneId.of("Europe/Paris")).minusMonths(1);
    assertThat(
            update(
                "update redemption set redeemed_at = ? where programme_id = ?",
                java.sql.Timestamp.valueOf(last.atDay(15).atTime(10, 0)),
                sale.programmeId()))
        .isEqualTo(1);
    String month = last.toString();
    List<Answer> drawn = atOnce(() -> funder.post(path, "{\"month\":\"" + month + "\"}"));
    Answer won = repeatsAnswerTheSame(drawn, 201);
    List<JsonObject> statements =
        won.json().getJsonArray("statements").getValuesAs(JsonObject.class);
    assertThat(statements).hasSize(1);
    assertThat(
            count(
                "select count(*) from voucher_statement where programme_id = ? and period = ?",
                sale.programmeId(),
                month))
        .as("one statement of the relay for the month")
        .isEqualTo(1);
    long statement = statements.get(0).getJsonNumber("id").longValue();
    assertThat(
            repeatsAnswerTheSame(
                    atOnce(
                        () ->
                            funder.post(
                                path + "/" + statement + "/agreement",
                                "{\"reference\":\"Délibération 2026-114\"}")),
                    200,
                    "STATEMENT_NOT_DRAFT")
                .json()
                .getString("status"))
        .isEqualTo("AGREED");
    assertThat(
            repeatsAnswerTheSame(
                    atOnce(
                        () ->
                            funder.post(
                                path + "/" + statement + "/payment",
                                "{\"reference\":\"Mandat 4521\"}")),
                    200,
                    "STATEMENT_NOT_AGREED")
                .json()
                .getString("status"))
        .isEqualTo("PAID");
    assertThat(audited("VOUCHER_STATEMENT_AGREED", statement)).isEqualTo(1);
    assertThat(audited("VOUCHER_STATEMENT_PAID", statement)).isEqualTo(1);
    assertThat(
            repeatsAnswerTheSame(
                    atOnce(() -> funder.post(path, "{\"month\":\"" + month + "\"}")), 201)
                .json()
                .getJsonArray("statements")
                .getValuesAs(JsonObject.class))
        .extracting(s -> s.getJsonNumber("id").longValue() + ":" + s.getString("status"))
        .as("a paid statement is kept as it is by later draws")
        .containsExactly(statement + ":PAID");
  }

  @Test
  void aVoucherCancelledEightTimesAtOnceIsCancelledOnce() throws Exception {
    String code = scenarios.vouchers("financeur", "CHEQUE_EQUIPEMENT", 2_000, 1, "80", null).get(0);
    List<Answer> answers =
        atOnce(() -> as("financeur").post("api/v1/vouchers/" + code + "/cancellation"));
    assertThat(oneWinner(answers, 200, "VOUCHER_NOT_CANCELLABLE").json().getString("status"))
        .isEqualTo("CANCELLED");
    assertThat(audited("VOUCHER_CANCELLED", code.replace("-", ""))).isEqualTo(1);
  }

  @Test
  void aBatchCancelledEightTimesAtOnceIsCancelledOnce() throws Exception {
    String code = scenarios.vouchers("financeur", "CHEQUE_EQUIPEMENT", 2_000, 3, "80", null).get(0);
    long programme =
        as("relais")
            .get("api/v1/vouchers/" + code)
            .json()
            .getJsonObject("program")
            .getJsonNumber("id")
            .longValue();
    long batch =
        as("financeur")
            .get("api/v1/voucher-programs/" + programme + "/batches")
            .structure()
            .asJsonArray()
            .getJsonObject(0)
            .getJsonNumber("batchId")
            .longValue();
    List<Answer> answers =
        atOnce(
            () ->
                as("financeur")
                    .post(
                        "api/v1/voucher-programs/"
                            + programme
                            + "/batches/"
                            + batch
                            + "/cancellation"));
    assertThat(oneWinner(answers, 200, "BATCH_NOT_CANCELLABLE").json().getInt("cancelledCount"))
        .isEqualTo(3);
    assertThat(audited("VOUCHER_BATCH_CANCELLED", batch)).isEqualTo(1);
    assertThat(
            count(
                "select count(*) from voucher where batch_id = ? and status = 'CANCELLED'", batch))
        .isEqualTo(3);
  }

  @Test
  void aDeviceOrderedEightTimesAtOnceIsInOneOrder() throws Exception {
    int device = scenarios.availableDevice("donateur", "LAPTOP", "relais", 12_000);
    String person = scenarios.eligibleBeneficiary("RSA");
    List<Answer> answers =
        atOnce(
            () ->
                as("relais")
                    .post(
                        "api/v1/orders",
                        "{\"beneficiaryId\":\"" + person + "\",\"deviceIds\":[" + device + "]}"));
    oneWinner(answers, 201, "DEVICE_UNAVAILABLE");
    assertThat(count("select count(*) from sale_order_line where device_id = ?", device))
        .isEqualTo(1);
  }

  @Test
  void aVoucherPutOnAnOrderEightTimesAtOnceIsHeldOnceAndTakenOffOnce() throws Exception {
    long order = openOrder();
    String code = scenarios.vouchers("financeur", "CHEQUE_EQUIPEMENT", 2_000, 1, "80", null).get(0);
    String path = "api/v1/orders/" + order + "/vouchers";
    Answer held =
        repeatsAnswerTheSame(
            atOnce(() -> as("relais").post(path, "{\"code\":\"" + code + "\"}")),
            200,
            "VOUCHER_UNAVAILABLE");
    assertThat(held.json().getJsonArray("vouchers")).hasSize(1);
    assertThat(audited("ORDER_VOUCHER_ADDED", order)).isEqualTo(1);
    List<Answer> removed = atOnce(() -> as("relais").delete(path + "/" + code));
    Answer won = oneWinner(removed, 200, "NOT_FOUND");
    assertThat(won.json().getJsonArray("vouchers")).isEmpty();
    assertThat(audited("ORDER_VOUCHER_REMOVED", order)).isEqualTo(1);
  }

  @Test
  void aLineTakenOffAnOrderEightTimesAtOnceIsTakenOffOnce() throws Exception {
    int laptop = scenarios.availableDevice("donateur", "LAPTOP", "relais", 12_000);
    int phone = scenarios.availableDevice("donateur", "SMARTPHONE", "relais", 9_000);
    Answer opened =
        as("relais")
            .post(
                "api/v1/orders",
                "{\"beneficiaryId\":\""
                    + scenarios.eligibleBeneficiary("RSA")
                    + "\",\"deviceIds\":["
                    + laptop
                    + ","
                    + phone
                    + "]}");
    assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
    long order = opened.json().getJsonNumber("id").longValue();
    List<Answer> removed = atOnce(() -> as("relais").delete("api/v1/orders/" + order + "/lines/2"));
    Answer won = oneWinner(removed, 200, "NOT_FOUND");
    assertThat(won.json().getJsonArray("lines")).hasSize(1);
    assertThat(audited("ORDER_LINE_REMOVED", order)).isEqualTo(1);
    assertThat(count("select count(*) from sale_order_line where order_id = ?", order))
        .isEqualTo(1);
  }

  @Test
  void theBalancePaidInCashEightTimesAtOnceIsPaidOnceAndTheSaleCompletedOnce() throws Exception {
    long order = openOrder();
    long due =
        as("relais").get("api/v1/orders/" + order).json().getJsonNumber("dueCents").longValue();
    List<Answer> paid =
        atOnce(
            () ->
                as("relais")
                    .post(
                        "api/v1/orders/" + order + "/payments",
                        "{\"method\":\"CASH\",\"amountCents\":" + due + "}"));
    oneWinner(paid, 201, "AMOUNT_EXCEEDS_DUE");
    assertThat(count("select count(*) from sale_payment where order_id = ?", order)).isEqualTo(1);
    Answer completed =
        repeatsAnswerTheSame(
            atOnce(() -> as("relais").post("api/v1/orders/" + order + "/completion")), 200);
    assertThat(completed.json().getString("status")).isEqualTo("PAID");
    assertThat(audited("ORDER_PAID", order)).isEqualTo(1);
  }

  @Test
  void eightSalesPaidByVouchersOfOneProgrammeCompletedAtOnceAreEightInTheirDaysTotal()
      throws Exception {
    List<String> codes =
        scenarios.vouchers("financeur", "CHEQUE_EQUIPEMENT", 2_000, AT_ONCE, "80", null);
    long programme =
        as("relais")
            .get("api/v1/vouchers/" + codes.get(0))
            .json()
            .getJsonObject("program")
            .getJsonNumber("id")
            .longValue();
    List<Long> orders = new ArrayList<>();
    for (String code : codes) {
      long order = openOrder();
      Answer held =
          as("relais").post("api/v1/orders/" + order + "/vouchers", "{\"code\":\"" + code + "\"}");
      assertThat(held.status()).as(held.toString()).isEqualTo(200);
      Answer cash =
          as("relais")
              .post(
                  "api/v1/orders/" + order + "/payments",
                  "{\"method\":\"CASH\",\"amountCents\":"
                      + held.json().getJsonNumber("dueCents").longValue()
                      + "}");
      assertThat(cash.status()).as(cash.toString()).isEqualTo(201);
      orders.add(order);
    }
    List<Answer> completed =
        Race.of(AT_ONCE, i -> as("relais").post("api/v1/orders/" + orders.get(i) + "/completion"));
    noServerError(completed);
    assertThat(completed).allSatisfy(a -> assertThat(a.status()).as(a.toString()).isEqualTo(200));
    // the first redemptions of a new programme at the relay: eight create its day's row at once
    assertThat(
            count("select count(*) from voucher_redemption_day where programme_id = ?", programme))
        .isEqualTo(1);
    assertThat(
            count("select redeemed from voucher_redemption_day where programme_id = ?", programme))
        .isEqualTo(AT_ONCE);
    assertThat(
            count(
                "select applied_cents from voucher_redemption_day where programme_id = ?",
                programme))
        .isEqualTo(
            count("select sum(applied_cents) from redemption where programme_id = ?", programme))
        .isEqualTo(AT_ONCE * 2_000);
  }

  @Test
  void aCardPaymentAskedEightTimesAtOnceIsOneIntentSettledOnce() throws Exception {
    FakeStripe stripe = FakeStripe.shared();
    long order = openOrder();
    long due =
        as("relais").get("api/v1/orders/" + order).json().getJsonNumber("dueCents").longValue();
    List<Answer> asked =
        atOnce(
            () ->
                as("relais")
                    .post(
                        "api/v1/orders/" + order + "/payments",
                        "{\"method\":\"CARD\",\"amountCents\":" + due + "}"));
    String secret = oneWinner(asked, 201, "AMOUNT_EXCEEDS_DUE").json().getString("clientSecret");
    assertThat(count("select count(*) from sale_payment where order_id = ?", order)).isEqualTo(1);
    String intent = secret.substring(0, secret.indexOf("_secret_"));
    String succeeded = stripe.succeededEvent(intent);
    List<Integer> delivered = Race.of(AT_ONCE, i -> stripe.deliver(base, succeeded));
    assertThat(delivered).as("every delivery acknowledged").containsOnly(200);
    Answer completed =
        repeatsAnswerTheSame(
            atOnce(() -> as("relais").post("api/v1/orders/" + order + "/completion")), 200);
    assertThat(completed.json().getJsonNumber("paidCents").longValue()).isEqualTo(due);
    assertThat(audited("ORDER_PAID", order)).isEqualTo(1);
  }

  @Test
  void anOrderCancelledEightTimesAtOnceIsCancelledOnce() throws Exception {
    long order = openOrder();
    Answer cancelled =
        repeatsAnswerTheSame(
            atOnce(() -> as("relais").post("api/v1/orders/" + order + "/cancellation")), 200);
    assertThat(cancelled.json().getString("status")).isEqualTo("CANCELLED");
    assertThat(audited("ORDER_CANCELLED", order)).isEqualTo(1);
  }

  @Test
  void aTaxReceiptIssuedEightTimesAtOnceIsOneNumberAndCancelledOnce() throws Exception {
    int donation = received("donateur2");
    List<Answer> issued =
        atOnce(() -> as("admin").post("api/v1/donations/" + donation + "/tax-receipt"));
    String number = oneWinner(issued, 201, "RECEIPT_ALREADY_ISSUED").json().getString("number");
    assertThat(count("select count(*) from tax_receipt where donation_id = ?", donation))
        .isEqualTo(1);
    List<Answer> cancelled =
        atOnce(
            () ->
                as("admin")
                    .post(
                        "api/v1/tax-receipts/" + number + "/cancellation",
                        "{\"reason\":\"Erreur de montant\"}"));
    assertThat(oneWinner(cancelled, 200, "RECEIPT_ALREADY_CANCELLED").json().getString("status"))
        .isEqualTo("CANCELLED");
  }

  @Test
  void aReceiptBatchStartedEightTimesAtOnceRunsOnceAndFailsNothing() throws Exception {
    List<Integer> donations = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      donations.add(received("donateur2"));
    }
    List<Answer> answers = atOnce(() -> as("admin").post("api/v1/tax-receipts/batches"));
    Answer won = oneWinner(answers, 202, "BATCH_RUNNING");
    assertThat(won.json().getInt("total")).isGreaterThanOrEqualTo(donations.size());
    String location = won.header("Location").orElseThrow();
    String batch = location.substring(location.indexOf("api/v1/"));
    Eventually.millisUntil(
        () -> as("admin").get(batch).json().getString("status").equals("FINISHED"));
    JsonObject finished = as("admin").get(batch).json();
    assertThat(finished.getInt("failed")).isZero();
    assertThat(finished.getInt("done") + finished.getInt("alreadyIssued"))
        .isEqualTo(finished.getInt("total"));
    for (int donation : donations) {
      assertThat(count("select count(*) from tax_receipt where donation_id = ?", donation))
          .as("donation %d receipted once", donation)
          .isEqualTo(1);
    }
  }

  @Test
  void aBackgroundIssuanceStartedEightTimesAtOnceIssuesItsQuantityOnce() throws Exception {
    long programme = programme("financeur");
    int quantity = 3_000;
    List<Answer> answers =
        atOnce(
            () ->
                as("financeur")
                    .post(
                        "api/v1/voucher-programs/" + programme + "/vouchers",
                        "{\"quantity\":" + quantity + "}"));
    Answer won = oneWinner(answers, 202, "BATCH_RUNNING");
    String location = won.header("Location").orElseThrow();
    String batch = location.substring(location.indexOf("api/v1/"));
    Eventually.millisUntil(
        () -> as("financeur").get(batch).json().getString("status").equals("DONE"));
    assertThat(count("select count(*) from voucher where programme_id = ?", programme))
        .isEqualTo(quantity);
  }

  /**
   * The creations without a natural key (each request is a new pledge, person, programme,
   * organisation, service, decision or version of the rules, as the same form sent twice would be):
   * eight at once are answers 201 with as many different resources, or problems, and never a 5xx.
   * The rules published again are the current ones, so that no other test sees different rules.
   */
  @Test
  void creationsSentEightTimesAtOnceNeverFailTheServer() throws Exception {
    allCreatedOrRefused(atOnce(() -> as("donateur").post("api/v1/donations", pledgeBody())));
    allCreatedOrRefused(
        atOnce(
            () ->
                as("social")
                    .post(
                        "api/v1/beneficiaries",
                        "{\"fileReference\":\"R-1\",\"householdSize\":1,"
                            + "\"postalCode\":\"80000\"}")));
    String person = scenarios.eligibleBeneficiary("RSA");
    allCreatedOrRefused(
        atOnce(
            () ->
                as("social")
                    .post(
                        "api/v1/beneficiaries/" + person + "/eligibility-decisions",
                        "{\"criteria\":[\"RSA\"],\"proofType\":\"Attestation\",\"proofDate\":\""
                            + java.time.LocalDate.now(ZoneId.of("Europe/Paris")).minusDays(2)
                            + "\"}")));
    allCreatedOrRefused(
        atOnce(() -> as("financeur").post("api/v1/voucher-programs", programmeBody())));
    allCreatedOrRefused(
        atOnce(
            () ->
                as("admin")
                    .post(
                        "api/v1/organisations",
                        "{\"name\":\"Course SAS\",\"kind\":\"COMPANY\",\"publicBody\":false}")));
    long relay = scenarios.organisationOf("relais");
    allCreatedOrRefused(
        atOnce(
            () ->
                as("relais")
                    .post(
                        "api/v1/relays/" + relay + "/services",
                        "{\"name\":\"Atelier course\",\"durationMinutes\":60,\"priceCents\":0}")));
    JsonObject rules = as("admin").get("api/v1/eligibility-rules").json();
    var republished = jakarta.json.Json.createObjectBuilder(rules);
    republished.remove("version").remove("createdBy").remove("createdAt");
    String sameRules =
        republished.add("note", "Les mêmes, publiées à la course").build().toString();
    allCreatedOrRefused(atOnce(() -> as("admin").post("api/v1/eligibility-rules", sameRules)));
    List<Answer> anonymised = atOnce(() -> as("admin").post("api/v1/beneficiaries/anonymisation"));
    assertThat(anonymised).allSatisfy(a -> assertThat(a.status()).as(a.toString()).isEqualTo(200));
  }

  // ---- what the races are judged by

  private static List<Answer> atOnce(Supplier<Answer> act) throws Exception {
    return Race.of(AT_ONCE, i -> act.get());
  }

  /**
   * Exactly one answer {@code success}; every other one a 409 (or, for a removal, 404; for money
   * over the due, 422) problem whose code is the act's own or CONCURRENT_UPDATE.
   */
  private static Answer oneWinner(List<Answer> answers, int success, String... codes) {
    noServerError(answers);
    List<Answer> won = answers.stream().filter(a -> a.status() == success).toList();
    assertThat(won).as(summary(answers)).hasSize(1);
    refusedWith(answers, success, codes);
    return won.get(0);
  }

  /**
   * At least one answer {@code success}, all of them the same; the others problems with the act's
   * codes or CONCURRENT_UPDATE.
   */
  private static Answer repeatsAnswerTheSame(List<Answer> answers, int success, String... codes) {
    noServerError(answers);
    List<Answer> won = answers.stream().filter(a -> a.status() == success).toList();
    assertThat(won).as(summary(answers)).isNotEmpty();
    Set<JsonValue> distinct = won.stream().map(Answer::structure).collect(Collectors.toSet());
    assertThat(distinct).as("one success, answered the same: " + summary(answers)).hasSize(1);
    refusedWith(answers, success, codes);
    return won.get(0);
  }

  private static void refusedWith(List<Answer> answers, int success, String... codes) {
    Set<String> allowed = new java.util.HashSet<>(CONCURRENT);
    allowed.addAll(List.of(codes));
    for (Answer answer : answers) {
      if (answer.status() == success) {
        continue;
      }
      assertThat(answer.status()).as(summary(answers)).isIn(404, 409, 422);
      assertThat(answer.header("Content-Type")).get().asString().startsWith("application/problem");
      assertThat(answer.json().getString("code")).as(answer.toString()).isIn(allowed);
    }
  }

  private static void noServerError(List<Answer> answers) {
    System.out.printf(
        "race %s: %s%n",
        StackWalker.getInstance()
            .walk(
                frames ->
                    frames
                        .filter(frame -> frame.getClassName().equals(RacesIT.class.getName()))
                        .map(StackWalker.StackFrame::getMethodName)
                        .reduce((inner, outer) -> outer)
                        .orElse("?")),
        answers.stream()
            .map(a -> a.status() + (a.status() >= 400 ? " " + a.json().getString("code", "") : ""))
            .collect(
                Collectors.groupingBy(
                    outcome -> outcome, java.util.TreeMap::new, Collectors.counting())));
    assertThat(answers).hasSize(AT_ONCE);
    for (Answer answer : answers) {
      assertThat(answer.status()).as(summary(answers)).isLessThan(500);
      if (answer.status() >= 400) {
        assertThat(answer.header("Content-Type"))
            .as(answer.toString())
            .get()
            .asString()
            .startsWith("application/problem+json");
      }
    }
  }

  private static void allCreatedOrRefused(List<Answer> answers) {
    noServerError(answers);
    List<Answer> created = answers.stream().filter(a -> a.status() == 201).toList();
    for (Answer answer : answers) {
      if (answer.status() != 201) {
        assertThat(answer.status()).as(summary(answers)).isIn(409, 422);
        assertThat(answer.json().getString("code")).as(answer.toString()).isNotBlank();
      }
    }
    assertThat(created.stream().map(a -> a.header("Location").orElseThrow()).distinct())
        .as("each creation its own resource")
        .hasSize(created.size());
  }

  private static String summary(List<Answer> answers) {
    return answers.stream()
        .map(a -> a.status() + " " + (a.status() >= 400 ? a.body() : ""))
        .collect(Collectors.joining(" | "));
  }

  // ---- the situations the races start from

  /** A device sold with a voucher of a new programme of {@code financeur}, paid and completed. */
  private record Sale(long programmeId, long orderId) {}

  private Sale soldWithAVoucher() {
    String code = scenarios.vouchers("financeur", "CHEQUE_EQUIPEMENT", 2_000, 1, "80", null).get(0);
    long programme =
        as("relais")
            .get("api/v1/vouchers/" + code)
            .json()
            .getJsonObject("program")
            .getJsonNumber("id")
            .longValue();
    long order = openOrder();
    Api counter = as("relais");
    Answer held =
        counter.post("api/v1/orders/" + order + "/vouchers", "{\"code\":\"" + code + "\"}");
    assertThat(held.status()).as(held.toString()).isEqualTo(200);
    long due = held.json().getJsonNumber("dueCents").longValue();
    if (due > 0) {
      Answer cash =
          counter.post(
              "api/v1/orders/" + order + "/payments",
              "{\"method\":\"CASH\",\"amountCents\":" + due + "}");
      assertThat(cash.status()).as(cash.toString()).isEqualTo(201);
    }
    Answer completed = counter.post("api/v1/orders/" + order + "/completion");
    assertThat(completed.status()).as(completed.toString()).isEqualTo(200);
    return new Sale(programme, order);
  }

  private long openOrder() {
    int device = scenarios.availableDevice("donateur", "LAPTOP", "relais", 12_000);
    return scenarios.openOrder("relais", scenarios.eligibleBeneficiary("RSA"), device);
  }

  private int pledge(String donor) {
    Answer pledged = as(donor).post("api/v1/donations", pledgeBody());
    assertThat(pledged.status()).as(pledged.toString()).isEqualTo(201);
    return pledged.json().getInt("id");
  }

  private int received(String donor) {
    int donation = pledge(donor);
    Answer received = as("atelier").post("api/v1/donations/" + donation + "/reception");
    assertThat(received.status()).as(received.toString()).isEqualTo(200);
    return donation;
  }

  private int registered() {
    int donation = received("donateur");
    Answer device =
        as("atelier")
            .post(
                "api/v1/donations/" + donation + "/devices",
                "{\"serialNumber\":\"SN"
                    + UUID.randomUUID().toString().replace("-", "").substring(0, 14)
                    + "\",\"category\":\"LAPTOP\",\"brand\":\"HP\",\"model\":\"EliteBook 840\"}");
    assertThat(device.status()).as(device.toString()).isEqualTo(201);
    return device.json().getInt("id");
  }

  private long programme(String funder) {
    Answer created = as(funder).post("api/v1/voucher-programs", programmeBody());
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().getJsonNumber("id").longValue();
  }

  private String refurb() {
    return "{\"grade\":\"B\",\"batteryHealthPercent\":80,\"specs\":{\"cpu\":\"Intel Core i5\","
        + "\"ramGb\":8,\"storageGb\":256,\"screenInches\":14.0,\"os\":\"Ubuntu 24.04\"},"
        + "\"erasure\":{\"method\":\"PURGE\",\"tool\":\"nwipe 0.37\",\"certificateId\":\"C-"
        + UUID.randomUUID()
        + "\",\"erasedAt\":\"2026-11-20T10:15:00\"},\"functionalTestsPassed\":true,"
        + "\"relayId\":"
        + scenarios.organisationOf("relais")
        + ",\"listPriceCents\":15000}";
  }

  private static String pledgeBody() {
    return "{\"items\":[{\"category\":\"LAPTOP\",\"quantity\":1,\"description\":\"Course\","
        + "\"unitValueCents\":10000}],\"pickupAddress\":\"1 rue de la Gare, Amiens\","
        + "\"availableFrom\":\"2026-12-01\"}";
  }

  private static String programmeBody() {
    java.time.LocalDate today = java.time.LocalDate.now(ZoneId.of("Europe/Paris"));
    return "{\"name\":\"Course\",\"kind\":\"CHEQUE_EQUIPEMENT\",\"faceValueCents\":2000,"
        + "\"validFrom\":\""
        + today.minusDays(10)
        + "\",\"validUntil\":\""
        + today.plusYears(1)
        + "\",\"toleranceDays\":0,\"nominative\":false,\"postalCodePrefixes\":[\"80\"]}";
  }

  private Api as(String user) {
    return Api.as(base, user);
  }

  // ---- what the database holds

  private static int audited(String action, Object record) throws SQLException {
    return count(
        "select count(*) from audit_entry where action = ? and record_id = ?",
        action,
        String.valueOf(record));
  }

  private static int update(String sql, Object... parameters) throws SQLException {
    try (Connection connection = TestDatabase.connect();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      return statement.executeUpdate();
    }
  }

  private static int count(String sql, Object... parameters) throws SQLException {
    try (Connection connection = TestDatabase.connect();
        PreparedStatement query = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        query.setObject(i + 1, parameters[i]);
      }
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    }
  }
}
