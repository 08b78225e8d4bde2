package fr.secondevie.platform;

import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.testing.Api;
import fr.secondevie.testing.Api.Answer;
import fr.secondevie.testing.Concurrency;
import fr.secondevie.testing.Eventually;
import fr.secondevie.testing.Race;
import fr.secondevie.testing.Server;
import fr.secondevie.testing.TestDatabase;
import jakarta.json.JsonObject;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Two instances on one PostgreSQL database, as behind the load balancer: each scheduled job runs
 * once per period although both instances' timers fire, and a batch whose instance is killed
 * ({@code kill -9}: its process destroyed forcibly) is finished by the other once its lease lapsed,
 * without a duplicate or a gap. The suite's second instance ({@link Server#second()}) renews batch
 * leases for 5 s. Watching the jobs' periods and waiting for leases to lapse, it runs beside the
 * other classes (see {@link Concurrency}), but never beside another instance on the database (the
 * one that finishes the killed instance's batch must be the shared one) nor beside the classes that
 * read the second territory's figures.
 */
@EnabledIf(
    value = "fr.secondevie.testing.TestDatabase#isPostgres",
    disabledReason =
        "two instances share a PostgreSQL database only (-Dit.db.url=jdbc:postgresql:...)")
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(Concurrency.OTHER_INSTANCES)
@ResourceLock(Concurrency.SECOND_INSTANCE)
@ResourceLock(Concurrency.SECOND_TERRITORY)
@ResourceLock(Concurrency.EVERY_TABLE)
class JobsAcrossInstancesIT {

  final URL base = Server.shared();

  /**
   * The second instance the tests of several instances share; the test that kills it leaves the
   * next caller to start another.
   */
  private static Server.Instance second() {
    return Server.second();
  }

  /**
   * Over 35 s, the takeover job (every 15 s) and the hold expiry (every minute) each claimed as
   * many runs as periods went by, not twice as many.
   */
  @Test
  void eachJobRunsOncePerPeriodThoughBothInstancesTimersFire() throws Exception {
    second();
    Run takeoverBefore = run("batch-takeover");
    Run holdBefore = run("hold-expiry");
    Set<String> instances = new HashSet<>();
    LocalDateTime until = LocalDateTime.now(JobsIT.PARIS).plusSeconds(35);
    while (LocalDateTime.now(JobsIT.PARIS).isBefore(until)) {
      instances.add(run("batch-takeover").lastInstance());
      Thread.sleep(1_000);
    }
    Run takeoverAfter = run("batch-takeover");
    Run holdAfter = run("hold-expiry");
    long takeoverPeriods =
        Duration.between(takeoverBefore.period(), takeoverAfter.period()).toSeconds() / 15;
    long holdPeriods = Duration.between(holdBefore.period(), holdAfter.period()).toMinutes();
    assertThat(takeoverPeriods).as("periods of 15 s seen").isGreaterThanOrEqualTo(2);
    assertThat(takeoverAfter.runs() - takeoverBefore.runs())
        .as("runs of the takeover job")
        .isEqualTo(takeoverPeriods);
    assertThat(holdAfter.runs() - holdBefore.runs())
        .as("runs of the hold expiry")
        .isEqualTo(holdPeriods);
    System.out.println("instances that ran the takeover job: " + instances);
  }

  /**
   * A tax-receipt batch started on the second instance, which is killed mid-run: the shared
   * instance takes it over once the lease lapsed and finishes it; every donation has one receipt,
   * the numbers no gap.
   */
  @Test
  void aBatchWhoseInstanceIsKilledIsFinishedByTheOtherWithoutDuplicateOrGap() throws Exception {
    Server.Instance doomed = second();
    for (int i = 0; i < 60; i++) {
      JobsIT.receivedDonation(base, "donateur3");
    }
    Api onSecond = Api.as(doomed.base(), "admin2");
    Answer started =
        Eventually.value(
            Duration.ofSeconds(120),
            () -> {
              Answer a = onSecond.post("api/v1/tax-receipts/batches");
              return a.status() == 202 ? Optional.of(a) : Optional.empty();
            });
    long batch = started.json().getJsonNumber("id").longValue();
    Api admin = Api.as(base, "admin2");
    Eventually.until(
        Duration.ofSeconds(60), () -> JobsIT.batchOf(admin, batch).getInt("done") >= 3);
    doomed.process().destroyForcibly().waitFor();
    int doneAtDeath = JobsIT.batchOf(admin, batch).getInt("done");
    JsonObject finished =
        Eventually.value(
            Duration.ofSeconds(120),
            () ->
                Optional.of(JobsIT.batchOf(admin, batch))
                    .filter(b -> b.getString("status").equals("FINISHED")));
    assertThat(doneAtDeath).as("killed mid-run").isLessThan(finished.getInt("total"));
    assertThat(finished.getInt("done") + finished.getInt("alreadyIssued"))
        .isEqualTo(finished.getInt("total"));
    JobsIT.assertEveryDonationReceiptedOnceWithoutGap(batch);
    JsonObject lease = JobsIT.job(admin, "tax-receipt-batch-" + batch).orElseThrow();
    String shared =
        Api.anonymous(base).get("health/ready").json().getJsonArray("checks").stream()
            .map(c -> c.asJsonObject())
            .filter(c -> c.getString("name").equals("job-leases"))
            .findFirst()
            .orElseThrow()
            .getJsonObject("data")
            .getString("instance");
    assertThat(lease.getString("lastInstance")).isEqualTo(shared);
    assertThat(lease.getInt("takeovers")).isEqualTo(1);
    assertThat(lease.getString("lastOutcome")).isEqualTo("SUCCEEDED");
  }

  /**
   * Eight starts of the territory's receipt batch at once, four on each instance (today two batches
   * started on two instances at once both ran): while one runs the others are 409 BATCH_RUNNING, a
   * start after it finished finds nothing left waiting; no donation is in two batches and each has
   * one receipt.
   */
  @Test
  void eightBatchStartsOnTwoInstancesIssueEachReceiptOnce() throws Exception {
    URL other = second().base();
    List<Integer> ours = new java.util.ArrayList<>();
    for (int i = 0; i < 10; i++) {
      ours.add(JobsIT.receivedDonation(base, "donateur3"));
    }
    Api admin = Api.as(base, "admin2");
    Eventually.until(Duration.ofSeconds(180), JobsAcrossInstancesIT::noneRunning);
    List<Api> instances = List.of(admin, Api.as(other, "admin2"));
    // one login on each instance first: eight first logins at once under load may be throttled
    instances.forEach(a -> assertThat(a.get("api/v1/me").status()).isEqualTo(200));
    List<Answer> answers =
        Race.of(8, i -> instances.get(i % 2).post("api/v1/tax-receipts/batches"));
    List<Long> batches = new java.util.ArrayList<>();
    for (Answer answer : answers) {
      assertThat(answer.status()).as(answer.toString()).isIn(202, 409);
      if (answer.status() == 202 && answer.json().getInt("total") > 0) {
        batches.add(answer.json().getJsonNumber("id").longValue());
      } else if (answer.status() == 409) {
        assertThat(answer.json().getString("code")).isEqualTo("BATCH_RUNNING");
      }
    }
    assertThat(batches).as("batches that had something to issue").isNotEmpty();
    Eventually.until(Duration.ofSeconds(120), JobsAcrossInstancesIT::noneRunning);
    try (Connection db = TestDatabase.connect()) {
      String in = ours.toString().replace('[', '(').replace(']', ')');
      assertThat(
              JobsIT.count(
                  db,
                  "select count(*) from (select donation_id from receipt_batch_item where"
                      + " donation_id in "
                      + in
                      + " group by donation_id having count(*) > 1) x"))
          .as("donations in two batches")
          .isZero();
      assertThat(
              JobsIT.count(
                  db,
                  "select count(*) from tax_receipt where status = 'ISSUED' and donation_id in "
                      + in))
          .as("one receipt per donation")
          .isEqualTo(ours.size());
    }
    for (long batch : batches) {
      JobsIT.assertEveryDonationReceiptedOnceWithoutGap(batch);
    }
  }

  /** No receipt batch of the ARA coordination runs (nor waits to be taken over). */
  private static boolean noneRunning() {
    try (Connection db = TestDatabase.connect();
        PreparedStatement query =
            db.prepareStatement(
                "select count(*) from receipt_batch b join organisation o on o.id = b.issuer_id"
                    + " join territory t on t.id = o.territory_id"
                    + " where b.status = 'RUNNING' and t.code = 'ARA'");
        ResultSet row = query.executeQuery()) {
      row.next();
      return row.getLong(1) == 0;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  record Run(LocalDateTime period, long runs, String lastInstance) {}

  private static Run run(String job) throws SQLException {
    try (Connection db = TestDatabase.connect();
        PreparedStatement query =
            db.prepareStatement(
                "select period_start, runs, last_instance from job_lease where name = ?")) {
      query.setString(1, job);
      try (ResultSet row = query.executeQuery()) {
        assertThat(row.next()).isTrue();
        return new Run(row.getTimestamp(1).toLocalDateTime(), row.getLong(2), row.getString(3));
      }
    }
  }
}
