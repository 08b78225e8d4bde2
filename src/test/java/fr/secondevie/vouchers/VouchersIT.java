package fr.secondevie.vouchers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.secondevie.organisations.entity.OrganisationKind;
import fr.secondevie.platform.control.AuditTrail;
import fr.secondevie.platform.control.BusinessException;
import fr.secondevie.platform.entity.AuditEntry;
import fr.secondevie.testing.Api;
import fr.secondevie.testing.Deployments;
import fr.secondevie.vouchers.control.VoucherLedger;
import fr.secondevie.vouchers.control.VoucherLedger.Share;
import fr.secondevie.vouchers.entity.VoucherCode;
import fr.secondevie.vouchers.entity.VoucherStatus;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Vouchers on the packaged WAR and the test database (H2, or PostgreSQL with -Dit.db.url): the HTTP
 * API as funders and counters call it (client side), and the hold / release / redeem operations the
 * sales capability calls, exercised inside the server (in-container methods), including 50 threads
 * racing for one voucher.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VouchersIT {

  private static final String SOMME = "Département de la Somme";
  private static final String SETTLEMENT = "IT settlement ";
  private static final AtomicLong ORDERS = new AtomicLong(System.currentTimeMillis() * 1000);

  @Deployment(testable = true)
  static WebArchive deployment() throws Exception {
    return Deployments.withTests(
        new Class<?>[] {VouchersIT.class, VoucherFixtures.class, QrReading.class, Api.class},
        org.assertj.core.api.Assertions.class,
        com.google.zxing.client.j2se.BufferedImageLuminanceSource.class);
  }

  @ArquillianResource URL base;
  @Inject VoucherLedger ledger;
  @Inject VoucherFixtures fixtures;
  @Inject AuditTrail audit;

  // ---- inside the server: the operations sales calls ----

  @Test
  @Order(1)
  void fiftyOrdersRaceForOneVoucherAndExactlyOneHoldsIt() throws Exception {
    String code =
        fixtures
            .programme(
                SOMME,
                "IT race",
                10_000,
                LocalDate.now().minusDays(1),
                LocalDate.now().plusYears(1),
                0,
                1,
                null)
            .codes()
            .get(0);
    int threads = 50;
    CyclicBarrier start = new CyclicBarrier(threads);
    AtomicInteger wins = new AtomicInteger();
    Map<Long, Throwable> refusals = new ConcurrentHashMap<>();
    List<Long> orders = new ArrayList<>();
    List<Thread> racers = new ArrayList<>();
    AtomicLong winner = new AtomicLong();
    for (int i = 0; i < threads; i++) {
      long order = ORDERS.incrementAndGet();
      orders.add(order);
      Thread racer =
          new Thread(
              () -> {
                try {
                  start.await();
                  ledger.hold(code, order, null);
                  wins.incrementAndGet();
                  winner.set(order);
                } catch (Throwable t) {
                  refusals.put(order, t);
                }
              });
      racers.add(racer);
      racer.start();
    }
    for (Thread racer : racers) {
      racer.join(60_000);
    }
    assertThat(wins.get()).isEqualTo(1);
    assertThat(refusals).hasSize(threads - 1);
    assertThat(fixtures.status(code)).isEqualTo("HELD");
    assertThat(fixtures.orderOf(code)).isEqualTo(winner.get());
    long unavailable =
        refusals.values().stream()
            .filter(t -> t instanceof BusinessException b && b.code().equals("VOUCHER_UNAVAILABLE"))
            .count();
    System.out.printf(
        "Race: 1 winner, %d refused as VOUCHER_UNAVAILABLE, %d by the database (%s)%n",
        unavailable,
        refusals.size() - unavailable,
        refusals.values().stream()
            .map(t -> t.getClass().getSimpleName())
            .collect(Collectors.toSet()));
    assertThat(audit.of("Voucher", code))
        .extracting(AuditEntry::action)
        .containsExactly("VOUCHER_HELD");
  }

  @Test
  @Order(2)
  void aVoucherIsHeldByOneOrderReleasedAndRedeemedOnce() {
    List<String> codes =
        fixtures
            .programme(
                SOMME,
                "IT lifecycle",
                10_000,
                LocalDate.now().minusDays(1),
                LocalDate.now().plusYears(1),
                0,
                3,
                null)
            .codes();
    String a = codes.get(0);
    String b = codes.get(1);
    long first = ORDERS.incrementAndGet();
    long second = ORDERS.incrementAndGet();
    long relay = fixtures.organisation("Relais numérique Amiens Nord", OrganisationKind.RELAY).id();

    assertThat(ledger.hold(VoucherCode.group(a).toLowerCase(), first, null).status())
        .isEqualTo(VoucherStatus.HELD);
    assertThat(ledger.hold(a, first, null).orderId()).isEqualTo(first);
    assertThatThrownBy(() -> ledger.hold(a, second, null))
        .isInstanceOfSatisfying(
            BusinessException.class, e -> assertThat(e.code()).isEqualTo("VOUCHER_UNAVAILABLE"));
    assertThat(ledger.release(a, second)).isFalse();
    assertThat(fixtures.status(a)).isEqualTo("HELD");
    assertThat(ledger.release(a, first)).isTrue();
    assertThat(fixtures.status(a)).isEqualTo("ISSUED");

    ledger.hold(a, second, null);
    ledger.hold(b, second, null);
    assertThatThrownBy(() -> ledger.redeem(second, relay, List.of(new Share(a, 10_001))))
        .isInstanceOfSatisfying(
            BusinessException.class, e -> assertThat(e.code()).isEqualTo("VOUCHER_NOT_APPLICABLE"));
    assertThatThrownBy(() -> ledger.redeem(first, relay, List.of(new Share(a, 100))))
        .isInstanceOfSatisfying(
            BusinessException.class, e -> assertThat(e.code()).isEqualTo("VOUCHER_UNAVAILABLE"));
    ledger.redeem(second, relay, List.of(new Share(a, 10_000), new Share(b, 4_550)));
    assertThat(fixtures.status(a)).isEqualTo("REDEEMED");
    assertThat(fixtures.status(b)).isEqualTo("REDEEMED");
    assertThat(fixtures.redemptions(a)).isEqualTo(1);
    assertThatThrownBy(() -> ledger.redeem(second, relay, List.of(new Share(a, 10_000))))
        .isInstanceOf(BusinessException.class);
    assertThat(fixtures.redemptions(a)).isEqualTo(1);
    assertThat(ledger.release(a, second)).isFalse();
    assertThatThrownBy(() -> ledger.hold(a, first, null))
        .isInstanceOfSatisfying(
            BusinessException.class, e -> assertThat(e.code()).isEqualTo("VOUCHER_UNAVAILABLE"));
    assertThat(audit.of("Voucher", a))
        .extracting(AuditEntry::action)
        .containsExactly("VOUCHER_HELD", "VOUCHER_RELEASED", "VOUCHER_HELD", "VOUCHER_REDEEMED");
  }

  @Test
  @Order(3)
  void malformedUnknownAndOtherPeoplesVouchersAreRefused() {
    String valid = VoucherCode.generate(new SecureRandom()).value();
    String typo = (valid.charAt(0) == 'A' ? 'B' : 'A') + valid.substring(1);
    assertThatThrownBy(() -> ledger.hold(typo, 1, null))
        .isInstanceOfSatisfying(
            BusinessException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.code()).isEqualTo("MALFORMED_CODE");
            });
    assertThatThrownBy(() -> ledger.hold(valid, 1, null))
        .isInstanceOfSatisfying(
            BusinessException.class, e -> assertThat(e.status()).isEqualTo(404));

    String nominative =
        fixtures
            .programme(
                SOMME,
                "IT nominative",
                30_000,
                LocalDate.now().minusDays(1),
                LocalDate.now().plusYears(1),
                0,
                1,
                "4242")
            .codes()
            .get(0);
    assertThatThrownBy(() -> ledger.hold(nominative, ORDERS.incrementAndGet(), "4343"))
        .isInstanceOfSatisfying(
            BusinessException.class, e -> assertThat(e.code()).isEqualTo("VOUCHER_NOT_APPLICABLE"));
    assertThatThrownBy(() -> ledger.hold(nominative, ORDERS.incrementAndGet(), null))
        .isInstanceOf(BusinessException.class);
    assertThat(ledger.hold(nominative, ORDERS.incrementAndGet(), "4242").beneficiaryRef())
        .isEqualTo("4242");
  }

  /** A programme that ended last year: the clock decides, at hold time and in the job. */
  @Test
  @Order(4)
  void pastValidityAndToleranceAVoucherIsExpiredAndTheJobMarksIt() {
    int year = LocalDate.now().getYear() - 1;
    List<String> codes =
        fixtures
            .programme(
                SOMME,
                SETTLEMENT + System.currentTimeMillis(),
                2_000,
                LocalDate.of(year, 1, 1),
                LocalDate.of(year, 12, 31),
                31,
                5,
                null)
            .codes();
    LocalDateTime inTolerance = LocalDateTime.of(year + 1, 1, 15, 10, 0);
    LocalDateTime lastDay = LocalDateTime.of(year + 1, 1, 31, 23, 59);
    LocalDateTime dayAfter = LocalDateTime.of(year + 1, 2, 1, 0, 0);

    assertThat(ledger.check(codes.get(4)).status()).isEqualTo(VoucherStatus.EXPIRED);
    assertThatThrownBy(() -> ledger.holdAt(codes.get(4), ORDERS.incrementAndGet(), null, dayAfter))
        .isInstanceOfSatisfying(
            BusinessException.class,
            e -> {
              assertThat(e.status()).isEqualTo(422);
              assertThat(e.code()).isEqualTo("VOUCHER_EXPIRED");
            });
    assertThatThrownBy(
            () -> ledger.holdAt(codes.get(4), ORDERS.incrementAndGet(), null, LocalDateTime.now()))
        .isInstanceOf(BusinessException.class);

    long amiens =
        fixtures.organisation("Relais numérique Amiens Nord", OrganisationKind.RELAY).id();
    long abbeville =
        fixtures.organisation("Relais numérique Abbeville", OrganisationKind.RELAY).id();
    long order1 = ORDERS.incrementAndGet();
    ledger.holdAt(codes.get(0), order1, null, inTolerance);
    ledger.holdAt(codes.get(1), order1, null, inTolerance);
    ledger.redeemAt(
        order1,
        amiens,
        List.of(new Share(codes.get(0), 2_000), new Share(codes.get(1), 1_500)),
        inTolerance);
    long order2 = ORDERS.incrementAndGet();
    ledger.holdAt(codes.get(2), order2, null, lastDay);
    ledger.redeemAt(order2, abbeville, List.of(new Share(codes.get(2), 2_000)), lastDay);

    assertThat(ledger.expireOverdue(LocalDate.now())).isGreaterThanOrEqualTo(2);
    assertThat(fixtures.status(codes.get(3))).isEqualTo("EXPIRED");
    assertThat(fixtures.status(codes.get(4))).isEqualTo("EXPIRED");
    assertThat(fixtures.status(codes.get(0))).isEqualTo("REDEEMED");
    assertThat(ledger.expireOverdue(LocalDate.now())).isZero();
  }

  // ---- over HTTP, as funders and counters ----

  @Test
  @Order(10)
  @RunAsClient
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
  @Order(11)
  @RunAsClient
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
  @Order(12)
  @RunAsClient
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
    assertThat(typo.status()).isEqualTo(400);
    assertThat(typo.json().getString("code")).isEqualTo("MALFORMED_CODE");
    var swapped =
        counter.get(
            "api/v1/vouchers/"
                + code.substring(0, 3)
                + code.charAt(4)
                + code.charAt(3)
                + code.substring(5));
    if (code.charAt(3) != code.charAt(4)) {
      assertThat(swapped.json().getString("code")).isEqualTo("MALFORMED_CODE");
    }
    var unknown =
        counter.get("api/v1/vouchers/" + VoucherCode.generate(new SecureRandom()).grouped());
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(Api.as(base, "financeur2").get("api/v1/vouchers/" + codes.get(0)).status())
        .isEqualTo(404);
    assertThat(Api.as(base, "donateur").get("api/v1/vouchers/" + codes.get(0)).status())
        .isEqualTo(403);
  }

  @Test
  @Order(13)
  @RunAsClient
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
    assertThat(funder.post("api/v1/vouchers/" + code + "/cancellation").json().getString("status"))
        .isEqualTo("CANCELLED");
    assertThat(Api.as(base, "relais").get("api/v1/vouchers/" + code).json().getString("status"))
        .isEqualTo("CANCELLED");

    String redeemed = settlementCodes(funder).get("REDEEMED").get(0);
    var refused = funder.post("api/v1/vouchers/" + redeemed + "/cancellation");
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().getString("code")).isEqualTo("VOUCHER_NOT_CANCELLABLE");
  }

  @Test
  @Order(14)
  @RunAsClient
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
            "api/v1/voucher-programs/" + settlementProgramme(funder) + "/vouchers",
            "{\"quantity\":1}");
    assertThat(ended.status()).isEqualTo(422);
    assertThat(ended.json().getString("code")).isEqualTo("PROGRAMME_ENDED");
  }

  @Test
  @Order(15)
  @RunAsClient
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

  @Test
  @Order(20)
  @RunAsClient
  void theFunderReconcilesByRelayAsJsonAndStreamedCsv() {
    Api funder = Api.as(base, "financeur");
    int id = settlementProgramme(funder);
    int year = LocalDate.now().getYear() - 1;
    JsonObject summary = funder.get("api/v1/voucher-programs/" + id + "/reconciliation").json();
    assertThat(summary.getInt("issuedCount")).isEqualTo(5);
    assertThat(summary.getInt("redeemedCount")).isEqualTo(3);
    assertThat(summary.getInt("redeemedAppliedCents")).isEqualTo(5_500);
    assertThat(summary.getInt("outstandingCount")).isZero();
    assertThat(summary.getInt("expiredCount")).isEqualTo(2);
    assertThat(summary.getJsonArray("byRelay").getValuesAs(JsonObject.class))
        .extracting(
            r ->
                r.getString("relayName") + ":" + r.getInt("count") + ":" + r.getInt("appliedCents"))
        .containsExactlyInAnyOrder(
            "Relais numérique Amiens Nord:2:3500", "Relais numérique Abbeville:1:2000");
    assertThat(summary.getJsonArray("byMonth").getValuesAs(JsonObject.class))
        .extracting(m -> m.getString("month"))
        .containsExactly((year + 1) + "-01");

    JsonObject january =
        funder
            .get(
                "api/v1/voucher-programs/"
                    + id
                    + "/reconciliation?from="
                    + (year + 1)
                    + "-01-20&to="
                    + (year + 1)
                    + "-01-31")
            .json();
    assertThat(january.getInt("redeemedCount")).isEqualTo(1);

    var csv = csv("financeur", "api/v1/voucher-programs/" + id + "/reconciliation");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type")).get().asString().startsWith("text/csv");
    List<String> lines = csv.body().lines().toList();
    assertThat(lines.get(0))
        .isEqualTo("code,redeemed_at,relay_id,relay_name,order_id,face_value_cents,applied_cents");
    assertThat(lines).hasSize(4);
    assertThat(lines.get(1)).contains("Relais numérique Amiens Nord").endsWith(",2000,2000");
    assertThat(
            Api.as(base, "admin").get("api/v1/voucher-programs/" + id + "/reconciliation").status())
        .isEqualTo(200);
    assertThat(
            Api.as(base, "financeur2")
                .get("api/v1/voucher-programs/" + id + "/reconciliation", "text/csv")
                .status())
        .isEqualTo(404);
    assertThat(funder.get("api/v1/voucher-programs/" + id + "/reconciliation?from=hier").status())
        .isEqualTo(400);
  }

  @Test
  @Order(21)
  @RunAsClient
  void monthlyStatementsGoFromDraftToAgreedToPaidAndCreditExpiredVouchersBack() throws Exception {
    Api funder = Api.as(base, "financeur");
    int id = settlementProgramme(funder);
    int year = LocalDate.now().getYear() - 1;
    String path = "api/v1/voucher-programs/" + id + "/statements";
    var drawn = funder.post(path, "{\"month\":\"" + (year + 1) + "-01\"}");
    assertThat(drawn.status()).isEqualTo(201);
    List<JsonObject> january =
        drawn.json().getJsonArray("statements").getValuesAs(JsonObject.class);
    assertThat(january)
        .extracting(
            s ->
                s.getString("kind")
                    + ":"
                    + s.getString("relayName")
                    + ":"
                    + s.getInt("itemCount")
                    + ":"
                    + s.getInt("amountCents")
                    + ":"
                    + s.getString("status"))
        .containsExactlyInAnyOrder(
            "RELAY_PAYMENT:Relais numérique Amiens Nord:2:3500:DRAFT",
            "RELAY_PAYMENT:Relais numérique Abbeville:1:2000:DRAFT");
    int amiens =
        january.stream()
            .filter(s -> s.getString("relayName").contains("Amiens"))
            .findFirst()
            .orElseThrow()
            .getInt("id");

    var agreed = funder.post(path + "/" + amiens + "/agreement");
    assertThat(agreed.status()).isEqualTo(200);
    assertThat(agreed.json().getString("status")).isEqualTo("AGREED");
    assertThat(Api.as(base, "financeur2").post(path + "/" + amiens + "/payment").status())
        .isEqualTo(404);
    List<JsonObject> redrawn =
        funder
            .post(path, "{\"month\":\"" + (year + 1) + "-01\"}")
            .json()
            .getJsonArray("statements")
            .getValuesAs(JsonObject.class);
    assertThat(redrawn).extracting(s -> s.getInt("id")).contains(amiens).hasSize(2);
    JsonObject frozen = funder.get(path + "/" + amiens).json();
    assertThat(frozen.getJsonArray("lines")).hasSize(2);
    assertThat(funder.post(path + "/" + amiens + "/payment").json().getString("status"))
        .isEqualTo("PAID");
    assertThat(funder.post(path + "/" + amiens + "/payment").status()).isEqualTo(200);
    var late = funder.post(path + "/" + amiens + "/agreement");
    assertThat(late.status()).isEqualTo(409);
    assertThat(late.json().getString("code")).isEqualTo("STATEMENT_NOT_DRAFT");
    int abbeville =
        redrawn.stream()
            .filter(s -> s.getString("relayName").contains("Abbeville"))
            .findFirst()
            .orElseThrow()
            .getInt("id");
    assertThat(funder.post(path + "/" + abbeville + "/payment").status()).isEqualTo(409);

    List<JsonObject> february =
        funder
            .post(path, "{\"month\":\"" + (year + 1) + "-02\"}")
            .json()
            .getJsonArray("statements")
            .getValuesAs(JsonObject.class);
    assertThat(february)
        .extracting(
            s -> s.getString("kind") + ":" + s.getInt("itemCount") + ":" + s.getInt("amountCents"))
        .containsExactly("FUNDER_CREDIT:2:4000");

    var pdf = funder.get(path + "/" + amiens + "/pdf", "application/pdf");
    assertThat(pdf.status()).isEqualTo(200);
    try (PDDocument document = Loader.loadPDF(pdf.bytes())) {
      assertThat(new PDFTextStripper().getText(document))
          .contains("Relais numérique Amiens Nord")
          .contains("payé")
          .contains("35,00");
    }
    assertThat(funder.post(path, "{\"month\":\"2026-13\"}").status()).isEqualTo(400);
    assertThat(funder.get(path).structure().asJsonArray()).hasSizeGreaterThanOrEqualTo(3);
  }

  /**
   * The funder's journey in a real browser: a programme, a batch with its progress bar, a sheet.
   */
  @Test
  @Order(30)
  @RunAsClient
  void inTheBrowserAFunderCreatesAProgrammeIssuesABatchAndDownloadsTheSheet() throws Exception {
    FunderJourney.createIssueAndDownload(base);
  }

  /** A GET that accepts CSV only (the helper's default Accept also names JSON). */
  private HttpResponse<String> csv(String user, String path) {
    try {
      return HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(Api.anonymous(base).uri(path))
                  .header("Accept", "text/csv")
                  .header(
                      "Authorization",
                      "Basic "
                          + Base64.getEncoder()
                              .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                  .build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
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

  /** The newest programme drawn up by the in-container expiry test of this run. */
  private int settlementProgramme(Api funder) {
    return funder
        .get("api/v1/voucher-programs")
        .structure()
        .asJsonArray()
        .getValuesAs(JsonObject.class)
        .stream()
        .filter(p -> p.getString("name").startsWith(SETTLEMENT))
        .max(Comparator.comparingInt(p -> p.getInt("id")))
        .orElseThrow()
        .getInt("id");
  }

  private Map<String, List<String>> settlementCodes(Api funder) {
    int id = settlementProgramme(funder);
    int batch =
        funder
            .get("api/v1/voucher-programs/" + id + "/batches")
            .structure()
            .asJsonArray()
            .getJsonObject(0)
            .getInt("batchId");
    return funder
        .get("api/v1/voucher-programs/" + id + "/batches/" + batch + "/codes", "text/csv")
        .body()
        .lines()
        .skip(1)
        .map(l -> l.split(","))
        .collect(
            Collectors.groupingBy(l -> l[1], Collectors.mapping(l -> l[0], Collectors.toList())));
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
