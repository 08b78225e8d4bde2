package fr.secondevie;

import static fr.secondevie.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.secondevie.eligibility.control.DemandFigures;
import fr.secondevie.organisations.entity.OrganisationKind;
import fr.secondevie.platform.control.AuditTrail;
import fr.secondevie.platform.control.JobLeases;
import fr.secondevie.platform.control.LeaseLost;
import fr.secondevie.platform.entity.AuditEntry;
import fr.secondevie.platform.entity.BusinessException;
import fr.secondevie.platform.entity.DeviceCategory;
import fr.secondevie.sales.control.HoldExpiryJob;
import fr.secondevie.testing.Api;
import fr.secondevie.testing.Concurrency;
import fr.secondevie.testing.Deployments;
import fr.secondevie.testing.FakeStripe;
import fr.secondevie.testing.FakeStripeTerminal;
import fr.secondevie.testing.Problems;
import fr.secondevie.testing.Scenarios;
import fr.secondevie.vouchers.VoucherFixtures;
import fr.secondevie.vouchers.control.VoucherLedger;
import fr.secondevie.vouchers.control.VoucherLedger.Share;
import fr.secondevie.vouchers.entity.VoucherCode;
import fr.secondevie.vouchers.entity.VoucherStatus;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.net.URL;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The tests that run inside the server, in the one Arquillian deployment of the suite (the WAR plus
 * these classes): they call the beans directly because they move time (a programme that ran last
 * year, orders left alone for half an hour, the expiry jobs run for a given day) or race the
 * voucher ledger without HTTP in between. Every other integration test calls the shared server over
 * HTTP ({@link fr.secondevie.testing.Server}). Each test builds its own programme, order and
 * people, so any one passes alone; what they need over HTTP they ask the server they run in.
 */
@ExtendWith(ArquillianExtension.class)
@ResourceLock(Concurrency.OTHER_INSTANCES)
class InsideTheServerIT {

  private static final String SOMME = "Département de la Somme";
  private static final AtomicLong ORDERS = new AtomicLong(System.currentTimeMillis() * 1000);

  @Deployment(testable = true)
  static WebArchive deployment() throws Exception {
    return Deployments.withTests(
        new Class<?>[] {
          InsideTheServerIT.class,
          VoucherFixtures.class,
          Api.class,
          Scenarios.class,
          Problems.class,
          CommitFailureProbe.class,
          HoldExpiryProbe.class,
          LeaseProbe.class,
          FakeStripe.class,
          FakeStripeTerminal.class,
          FaultProbe.class
        },
        org.assertj.core.api.Assertions.class);
  }

  @ArquillianResource URL base;
  @Inject VoucherLedger ledger;
  @Inject VoucherFixtures fixtures;
  @Inject AuditTrail audit;
  @Inject HoldExpiryJob holdExpiry;
  @Inject Clock clock;
  @Inject JobLeases leases;
  @Inject LeaseProbe leaseProbe;
  @Inject DemandFigures demand;

  // ---- the page shown for a real fault ----

  @Test
  void aRealFaultOnAPageShowsTheFaultPageWithItsIncidentReference() {
    var page = Api.anonymous(base).get("catalogue/test-fault");
    assertThat(page.status()).isEqualTo(500);
    assertThat(page.header("Content-Type")).get().asString().startsWith("text/html");
    assertThat(page.body())
        .contains("Un problème est survenu")
        .contains("ce n’est pas votre faute")
        .contains("Se connecter")
        .containsPattern("id=\"incident\">[0-9a-f-]{36}<");
  }

  // ---- the leases of the scheduled jobs and of the batches ----

  /**
   * Sixteen threads whose timers fire in the same period claim it: one runs the job. A period
   * already claimed is not run again, the next one waits while the job still holds its lease, and
   * is claimed once the run let go.
   */
  @Test
  void sixteenTimersFiringInOnePeriodRunTheJobOnce() throws Exception {
    String job = leaseProbe.scheduledJob();
    LocalDateTime period = LocalDateTime.of(2030, 1, 1, 10, 0);
    try {
      List<Boolean> claims =
          race(16, () -> leases.claimPeriod(job, period, java.time.Duration.ofMinutes(1)));
      assertThat(claims.stream().filter(c -> c).count()).as("claims won").isEqualTo(1);
      assertThat(leases.claimPeriod(job, period.plusMinutes(1), java.time.Duration.ofMinutes(1)))
          .as("the next period while the run still holds the lease")
          .isFalse();
      leases.release(job, JobLeases.Outcome.SUCCEEDED, "done");
      assertThat(leases.claimPeriod(job, period, java.time.Duration.ofMinutes(1)))
          .as("the same period again")
          .isFalse();
      assertThat(leases.claimPeriod(job, period.plusMinutes(1), java.time.Duration.ofMinutes(1)))
          .isTrue();
    } finally {
      leaseProbe.forget(job);
    }
  }

  /**
   * A batch whose holder stopped renewing: of sixteen threads taking it over, one does, and only
   * its token renews the lease (a former run on this same instance is refused too); while another
   * instance holds a lease that has not lapsed, a step of this one is refused (LeaseLost).
   */
  @Test
  void aLapsedBatchIsTakenOverOnceAndALeaseHeldElsewhereRefusesTheStep() throws Exception {
    String lapsed = leaseProbe.batchHeldBy("ghost", LocalDateTime.now(clock).minusSeconds(5));
    String held = leaseProbe.batchHeldBy("other", LocalDateTime.now(clock).plusMinutes(5));
    try {
      assertThat(leases.lapsedBatches()).contains(lapsed).doesNotContain(held);
      List<java.util.Optional<String>> takeovers = race(16, () -> leases.takeOver(lapsed));
      List<String> tokens = takeovers.stream().flatMap(java.util.Optional::stream).toList();
      assertThat(tokens).as("takeovers won").hasSize(1);
      assertThat(leases.takeOver(held)).isEmpty();
      leaseProbe.renew(lapsed, tokens.get(0));
      assertThatThrownBy(() -> leaseProbe.renew(lapsed, leases.newToken()))
          .as("another run of this instance")
          .isInstanceOf(LeaseLost.class);
      assertThatThrownBy(() -> leaseProbe.renew(held, tokens.get(0))).isInstanceOf(LeaseLost.class);
    } finally {
      leaseProbe.forget(lapsed);
      leaseProbe.forget(held);
    }
  }

  private static <T> List<T> race(int threads, java.util.concurrent.Callable<T> act)
      throws Exception {
    CyclicBarrier start = new CyclicBarrier(threads);
    var pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
    try {
      List<java.util.concurrent.Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return act.call();
                }));
      }
      List<T> results = new ArrayList<>();
      for (var future : futures) {
        results.add(future.get(60, java.util.concurrent.TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  // ---- what the API answers when the database refuses a write at commit ----

  /**
   * A transaction that fails at commit, after the resource method returned (issue 13: the JSF error
   * page, 500 text/html): a unique key met is 409 ALREADY_EXISTS, a row changed meanwhile is 409
   * CONCURRENT_UPDATE, anything else a 500 problem with an incident id, never the HTML page.
   */
  @Test
  void writesTheDatabaseRefusesAtCommitAnswerProblemsNotTheErrorPage() {
    Api anyone = Api.anonymous(base);
    Problems.assertProblem(
        anyone.post("api/v1/test/commit-failures/unique"), 409, "ALREADY_EXISTS");
    var pledged =
        Api.as(base, "donateur")
            .post(
                "api/v1/donations",
                "{\"items\":[{\"category\":\"LAPTOP\",\"quantity\":1,\"description\":\"x\","
                    + "\"unitValueCents\":100}],\"pickupAddress\":\"1 rue de la Gare, Amiens\","
                    + "\"availableFrom\":\"2026-12-01\"}");
    assertThat(pledged.status()).as(pledged.toString()).isEqualTo(201);
    Problems.assertProblem(
        anyone.post("api/v1/test/commit-failures/stale/" + pledged.json().getInt("id")),
        409,
        "CONCURRENT_UPDATE");
    var broken = anyone.post("api/v1/test/commit-failures/broken");
    Problems.assertProblem(broken, 500, "INTERNAL_ERROR");
    assertThat(broken.json().getString("detail")).containsPattern("incident [0-9a-f-]{36}");
    assertThat(
            Api.as(base, "donateur")
                .get("api/v1/donations/" + pledged.json().getInt("id"))
                .json()
                .getString("status"))
        .as("nothing of the failed transaction stayed")
        .isEqualTo("PLEDGED");
  }

  // ---- the voucher ledger, which sales calls ----

  private LocalDateTime now() {
    return LocalDateTime.now(clock);
  }

  @Test
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
                  ledger.holdAt(code, order, null, now());
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
  void aVoucherIsHeldByOneOrderReleasedAndRedeemedOnce() {
    VoucherFixtures.Issued lifecycle =
        fixtures.programme(
            SOMME,
            "IT lifecycle",
            10_000,
            LocalDate.now().minusDays(1),
            LocalDate.now().plusYears(1),
            0,
            3,
            null);
    List<String> codes = lifecycle.codes();
    long programme = lifecycle.programmeId();
    String a = codes.get(0);
    String b = codes.get(1);
    long first = ORDERS.incrementAndGet();
    long second = ORDERS.incrementAndGet();
    long relay = fixtures.organisation("Relais numérique Amiens Nord", OrganisationKind.RELAY).id();

    assertThat(ledger.holdAt(VoucherCode.group(a).toLowerCase(), first, null, now()).status())
        .isEqualTo(VoucherStatus.HELD);
    assertThat(ledger.holdAt(a, first, null, now()).orderId()).isEqualTo(first);
    assertThatThrownBy(() -> ledger.holdAt(a, second, null, now()))
        .isInstanceOfSatisfying(
            BusinessException.class, e -> assertThat(e.code()).isEqualTo("VOUCHER_UNAVAILABLE"));
    assertThat(ledger.release(a, second)).isFalse();
    assertThat(fixtures.status(a)).isEqualTo("HELD");
    assertThat(ledger.release(a, first)).isTrue();
    assertThat(fixtures.status(a)).isEqualTo("ISSUED");

    ledger.holdAt(a, second, null, now());
    ledger.holdAt(b, second, null, now());
    assertThatThrownBy(
            () -> ledger.redeemAt(second, relay, List.of(new Share(a, programme, 10_001)), now()))
        .isInstanceOfSatisfying(
            BusinessException.class, e -> assertThat(e.code()).isEqualTo("VOUCHER_NOT_APPLICABLE"));
    assertThatThrownBy(
            () -> ledger.redeemAt(first, relay, List.of(new Share(a, programme, 100)), now()))
        .isInstanceOfSatisfying(
            BusinessException.class, e -> assertThat(e.code()).isEqualTo("VOUCHER_UNAVAILABLE"));
    ledger.redeemAt(
        second,
        relay,
        List.of(new Share(a, programme, 10_000), new Share(b, programme, 4_550)),
        now());
    assertThat(fixtures.status(a)).isEqualTo("REDEEMED");
    assertThat(fixtures.status(b)).isEqualTo("REDEEMED");
    assertThat(fixtures.redemptions(a)).isEqualTo(1);
    assertThatThrownBy(
            () -> ledger.redeemAt(second, relay, List.of(new Share(a, programme, 10_000)), now()))
        .isInstanceOfSatisfying(
            BusinessException.class, e -> assertThat(e.code()).isEqualTo("VOUCHER_UNAVAILABLE"));
    assertThat(fixtures.redemptions(a)).isEqualTo(1);
    assertThat(ledger.release(a, second)).isFalse();
    assertThatThrownBy(() -> ledger.holdAt(a, first, null, now()))
        .isInstanceOfSatisfying(
            BusinessException.class, e -> assertThat(e.code()).isEqualTo("VOUCHER_UNAVAILABLE"));
    assertThat(audit.of("Voucher", a))
        .extracting(AuditEntry::action)
        .containsExactly("VOUCHER_HELD", "VOUCHER_RELEASED", "VOUCHER_HELD", "VOUCHER_REDEEMED");
  }

  @Test
  void malformedUnknownAndOtherPeoplesVouchersAreRefused() {
    String valid = VoucherCode.generate(new SecureRandom()).value();
    String typo = (valid.charAt(0) == 'A' ? 'B' : 'A') + valid.substring(1);
    assertThatThrownBy(() -> ledger.holdAt(typo, 1, null, now()))
        .isInstanceOfSatisfying(
            BusinessException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.code()).isEqualTo("MALFORMED_CODE");
            });
    assertThatThrownBy(() -> ledger.holdAt(valid, 1, null, now()))
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
    assertThatThrownBy(() -> ledger.holdAt(nominative, ORDERS.incrementAndGet(), "4343", now()))
        .isInstanceOfSatisfying(
            BusinessException.class, e -> assertThat(e.code()).isEqualTo("VOUCHER_NOT_APPLICABLE"));
    assertThatThrownBy(() -> ledger.holdAt(nominative, ORDERS.incrementAndGet(), null, now()))
        .isInstanceOfSatisfying(
            BusinessException.class, e -> assertThat(e.code()).isEqualTo("VOUCHER_NOT_APPLICABLE"));
    assertThat(ledger.holdAt(nominative, ORDERS.incrementAndGet(), "4242", now()).beneficiaryRef())
        .isEqualTo("4242");
  }

  /** A programme that ended last year: the clock decides, at hold time and in the job. */
  @Test
  void pastValidityAndToleranceAVoucherIsExpiredAndTheJobMarksIt() {
    Settled settled = lastYearsProgramme();
    List<String> codes = settled.codes();
    LocalDateTime dayAfter = LocalDateTime.of(settled.year() + 1, 2, 1, 0, 0);
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
        .isInstanceOfSatisfying(
            BusinessException.class, e -> assertThat(e.code()).isEqualTo("VOUCHER_EXPIRED"));
    assertThat(fixtures.status(codes.get(3))).isEqualTo("EXPIRED");
    assertThat(fixtures.status(codes.get(4))).isEqualTo("EXPIRED");
    assertThat(fixtures.status(codes.get(0))).isEqualTo("REDEEMED");
    assertThat(ledger.expireOverdue(LocalDate.now())).isZero();
  }

  /** A programme of five vouchers and the year it ran. */
  private record Settled(int programmeId, List<String> codes, int year) {}

  /**
   * A programme of the Somme that ran all last year with a month of tolerance: two vouchers
   * redeemed at Amiens in the tolerance (20 + 15 €), one at Abbeville on its last day (20 €), the
   * two others marked expired by the job.
   */
  private Settled lastYearsProgramme() {
    int year = LocalDate.now().getYear() - 1;
    VoucherFixtures.Issued issued =
        fixtures.programme(
            SOMME,
            "IT settlement " + ORDERS.incrementAndGet(),
            2_000,
            LocalDate.of(year, 1, 1),
            LocalDate.of(year, 12, 31),
            31,
            5,
            null);
    List<String> codes = issued.codes();
    LocalDateTime inTolerance = LocalDateTime.of(year + 1, 1, 15, 10, 0);
    LocalDateTime lastDay = LocalDateTime.of(year + 1, 1, 31, 23, 59);
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
        List.of(
            new Share(codes.get(0), issued.programmeId(), 2_000),
            new Share(codes.get(1), issued.programmeId(), 1_500)),
        inTolerance);
    long order2 = ORDERS.incrementAndGet();
    ledger.holdAt(codes.get(2), order2, null, lastDay);
    ledger.redeemAt(
        order2, abbeville, List.of(new Share(codes.get(2), issued.programmeId(), 2_000)), lastDay);
    assertThat(ledger.expireOverdue(LocalDate.now())).isGreaterThanOrEqualTo(2);
    return new Settled((int) issued.programmeId(), codes, year);
  }

  // ---- a funder settles last year's programme, over HTTP ----

  @Test
  void theFunderReconcilesByRelayAsJsonAndStreamedCsv() {
    Api funder = Api.as(base, "financeur");
    Settled settled = lastYearsProgramme();
    int id = settled.programmeId();
    int year = settled.year();
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

    var csv = funder.get("api/v1/voucher-programs/" + id + "/reconciliation", "text/csv");
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.header("Content-Type")).get().asString().startsWith("text/csv");
    List<String> lines = csv.body().lines().toList();
    assertThat(lines.get(0))
        .isEqualTo("code,redeemed_at,relay_id,relay_name,order_id,face_value_cents,applied_cents");
    assertThat(lines).hasSize(4);
    assertThat(lines.get(1)).contains("Relais numérique Amiens Nord").endsWith(",2000,2000");
    // the code as the sheet prints it, the moment with its offset (Paris: +01:00 or +02:00)
    assertThat(lines.get(1))
        .matches(
            "[0-9A-Z]{4}(-[0-9A-Z]{4}){3},\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+0[12]:00,.*");
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
  void monthlyStatementsGoFromDraftToAgreedToPaidAndCreditExpiredVouchersBack() throws Exception {
    Api funder = Api.as(base, "financeur");
    Settled settled = lastYearsProgramme();
    int id = settled.programmeId();
    int year = settled.year();
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

    // the agreement records the date given and a reference; a date to come is refused at its field
    LocalDate today = LocalDate.now(clock);
    var early =
        funder.post(path + "/" + amiens + "/agreement", "{\"date\":\"" + today.plusDays(1) + "\"}");
    assertThat(early.status()).as(early.toString()).isEqualTo(400);
    assertThat(early.body()).contains("INVALID_INPUT").contains("\"date\"");
    var agreed =
        funder.post(
            path + "/" + amiens + "/agreement",
            "{\"date\":\"" + today + "\",\"reference\":\"Délibération CP-2027-03\"}");
    assertThat(agreed.status()).as(agreed.toString()).isEqualTo(200);
    assertThat(agreed.json().getString("status")).isEqualTo("AGREED");
    assertThat(agreed.json().getBoolean("provisional")).isFalse();
    assertThat(agreed.json().getString("agreementDate")).isEqualTo(today.toString());
    assertThat(agreed.json().getString("agreementReference")).isEqualTo("Délibération CP-2027-03");
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
    var paid = funder.post(path + "/" + amiens + "/payment", "{\"reference\":\"Mandat 4521\"}");
    assertThat(paid.json().getString("status")).as(paid.toString()).isEqualTo("PAID");
    assertThat(paid.json().getString("paymentReference")).isEqualTo("Mandat 4521");
    assertThat(paid.json().getString("paymentDate")).isEqualTo(today.toString());
    assertThat(funder.get(path + "/" + amiens).json().getString("paymentReference"))
        .isEqualTo("Mandat 4521");
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
          .contains("35,00")
          .contains("référence : Délibération CP-2027-03")
          .contains("référence : Mandat 4521");
    }
    assertThat(funder.post(path, "{\"month\":\"2026-13\"}").status()).isEqualTo(400);
    assertThat(funder.get(path).structure().asJsonArray()).hasSizeGreaterThanOrEqualTo(3);
  }

  // ---- a voucher past its validity and tolerance (programme made inside the server) ----

  @Test
  void aVoucherPastItsValidityAndToleranceIsRefusedAsExpired() {
    String code =
        fixtures
            .programme(
                "Département de la Somme",
                "IT ventes expiré",
                1000,
                LocalDate.now(clock).minusYears(1).withDayOfYear(1),
                LocalDate.now(clock).minusYears(1).withMonth(12).withDayOfMonth(31),
                31,
                1,
                null)
            .codes()
            .get(0);
    long id = openOrder(person(), laptop(20000));
    assertProblem(
        counter().post("api/v1/orders/" + id + "/vouchers", "{\"code\":\"" + code + "\"}"),
        422,
        "VOUCHER_EXPIRED");
    assertThat(cents(counter().get("api/v1/orders/" + id).json(), "vouchersCents")).isZero();
  }

  // ---- hold expiry, with the clock moved (inside the server) ----

  @Test
  void ordersLeftAloneExpireAndReleaseEverything() {
    int device = laptop(20000);
    long id = openOrder(person(), device);
    String code =
        scenarios().vouchers("financeur", "CHEQUE_EQUIPEMENT", 1000, 1, "80", null).get(0);
    assertThat(
            counter()
                .post("api/v1/orders/" + id + "/vouchers", "{\"code\":\"" + code + "\"}")
                .status())
        .isEqualTo(200);
    LocalDateTime now = LocalDateTime.now(clock);
    holdExpiry.releaseLeftAlone(now.plusMinutes(29));
    assertThat(counter().get("api/v1/orders/" + id).json().getString("status")).isEqualTo("OPEN");
    assertThat(holdExpiry.releaseLeftAlone(now.plusMinutes(31))).isPositive();
    JsonObject expired = counter().get("api/v1/orders/" + id).json();
    assertThat(expired.getString("status")).isEqualTo("EXPIRED");
    assertThat(deviceStatus(device)).isEqualTo("AVAILABLE");
    assertThat(voucherStatus(code)).isEqualTo("ISSUED");
    assertProblem(
        counter().post("api/v1/orders/" + id + "/vouchers", "{\"code\":\"" + code + "\"}"),
        409,
        "ORDER_NOT_OPEN");
    // a second run finds nothing left to release
    assertThat(holdExpiry.releaseLeftAlone(now.plusMinutes(31))).isZero();
  }

  /**
   * A reader that never answers leaves the payment PENDING until the order's hold expires; the hold
   * expiry then cancels the reader's action and the intent (run from the test JVM, where the fake
   * Stripe is, and the job inside the server through a test-only endpoint).
   */
  @Test
  @RunAsClient
  void theHoldExpiryCancelsTheActionOfAReaderThatNeverAnswered() {
    FakeStripe fake = FakeStripe.shared();
    var registered =
        counter()
            .post(
                "api/v1/relays/" + scenarios().organisationOf("relais") + "/readers",
                "{\"registrationCode\":\"simulated-wpe\",\"label\":\"Muet\"}");
    assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
    String reader = registered.json().getString("id");
    long id = openOrder(person(), laptop(20000));
    long due = cents(counter().get("api/v1/orders/" + id).json(), "dueCents");
    var card =
        counter()
            .post(
                "api/v1/orders/" + id + "/payments",
                "{\"method\":\"CARD\",\"amountCents\":"
                    + due
                    + ",\"readerId\":\""
                    + reader
                    + "\"}");
    assertThat(card.status()).as(card.toString()).isEqualTo(201);
    long paymentId = card.json().getJsonNumber("paymentId").longValue();
    String intent = fake.terminal().reader(reader).orElseThrow().actionIntent();
    // half an hour less a minute: still waiting for the card
    Api.anonymous(base).post("api/v1/test/hold-expiry?minutesAhead=29");
    assertThat(counter().get("api/v1/orders/" + id).json().getString("status")).isEqualTo("OPEN");
    assertThat(fake.terminal().reader(reader).orElseThrow().actionStatus())
        .isEqualTo("in_progress");
    var run = Api.anonymous(base).post("api/v1/test/hold-expiry?minutesAhead=31");
    assertThat(run.status()).as(run.toString()).isEqualTo(200);
    JsonObject expired = counter().get("api/v1/orders/" + id).json();
    assertThat(expired.getString("status")).isEqualTo("EXPIRED");
    assertThat(expired.getJsonArray("payments").getJsonObject(0).getString("status"))
        .isEqualTo("CANCELLED");
    assertThat(fake.terminal().reader(reader).orElseThrow().actionStatus()).isNull();
    assertThat(fake.intent(intent).orElseThrow().status()).isEqualTo("canceled");
    assertThat(fake.idempotencyKeys())
        .contains("secondevie-cancel-action-" + paymentId, "secondevie-cancel-" + paymentId);
  }

  private Api counter() {
    return Api.as(base, "relais");
  }

  private Scenarios scenarios() {
    return new Scenarios(base);
  }

  private int laptop(long listCents) {
    return scenarios().availableDevice("donateur", "LAPTOP", "relais", listCents);
  }

  private String person() {
    return scenarios().eligibleBeneficiary("RSA");
  }

  private long openOrder(String beneficiary, int device) {
    return scenarios().openOrder("relais", beneficiary, device);
  }

  private String deviceStatus(int deviceId) {
    return counter().get("api/v1/devices/" + deviceId).json().getString("status");
  }

  private String voucherStatus(String code) {
    return counter().get("api/v1/vouchers/" + code).json().getString("status");
  }

  // ---- the territory's demand, as the dashboard reads it (issue 17, part 2) ----

  /**
   * People diagnosed by a social structure of the territory count in its demand by the category
   * advised: the one equipped after the diagnosis with a wait, the one eligible but without a
   * device as waiting; another territory counts neither.
   */
  @Test
  void theTerritorysDemandCountsTheDiagnosedTheEquippedAndTheWaiting() {
    LocalDateTime from = LocalDateTime.now(clock).minusSeconds(1);
    Scenarios given = scenarios();
    Api social = Api.as(base, "social");
    String equipped = given.eligibleBeneficiary("RSA");
    String waiting = given.eligibleBeneficiary("RSA");
    for (String[] need : new String[][] {{equipped, "LAPTOP"}, {waiting, "SCREEN"}}) {
      var saved =
          social.send(
              "PUT",
              "api/v1/beneficiaries/" + need[0] + "/needs",
              "application/json",
              "{\"uses\":[\"SCHOOL\"],\"recommendedCategory\":\""
                  + need[1]
                  + "\",\"needsTraining\":false,\"needsConnection\":false}");
      assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
    }
    int laptop = given.availableDevice("donateur", "LAPTOP", "relais", 12_000);
    given.openCashDrawer("relais");
    long order = given.openOrder("relais", equipped, laptop);
    Api counter = Api.as(base, "relais");
    long due = cents(counter.get("api/v1/orders/" + order).json(), "dueCents");
    counter.post(
        "api/v1/orders/" + order + "/payments",
        "{\"method\":\"CASH\",\"amountCents\":" + due + "}");
    assertThat(counter.post("api/v1/orders/" + order + "/completion").status()).isEqualTo(200);
    LocalDateTime to = LocalDateTime.now(clock).plusMinutes(1);
    long hdf = social.get("api/v1/me").json().getJsonNumber("territoryId").longValue();
    long ara =
        Api.as(base, "social2").get("api/v1/me").json().getJsonNumber("territoryId").longValue();

    DemandFigures.Demand here = demand.of(hdf, from, to);
    assertThat(here.total().diagnosed()).isGreaterThanOrEqualTo(2);
    DemandFigures.Figures laptops =
        here.byCategory().stream()
            .filter(f -> f.category() == DeviceCategory.LAPTOP)
            .findFirst()
            .orElseThrow();
    assertThat(laptops.equipped()).isGreaterThanOrEqualTo(1);
    assertThat(laptops.medianWaitDays()).isNotNull().isBetween(0.0, 1.0);
    DemandFigures.Figures screens =
        here.byCategory().stream()
            .filter(f -> f.category() == DeviceCategory.SCREEN)
            .findFirst()
            .orElseThrow();
    assertThat(screens.waiting()).isGreaterThanOrEqualTo(1);
    assertThat(screens.eligible()).isGreaterThanOrEqualTo(screens.waiting());
    assertThat(demand.of(ara, from, to).total().diagnosed())
        .as("another territory's structures diagnosed nobody")
        .isZero();
  }

  private static long cents(JsonObject json, String field) {
    return json.getJsonNumber(field).longValue();
  }
}
