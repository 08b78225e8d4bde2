package fr.secondevie.platform;

import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.testing.Api;
import fr.secondevie.testing.Api.Answer;
import fr.secondevie.testing.Concurrency;
import fr.secondevie.testing.Eventually;
import fr.secondevie.testing.Scenarios;
import fr.secondevie.testing.Server;
import fr.secondevie.testing.TestDatabase;
import jakarta.json.JsonObject;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The scheduled jobs' and the batches' leases over HTTP, on H2 and PostgreSQL: {@code /api/v1/jobs}
 * lists every job with its last run, instance and outcome; a batch whose instance stops renewing
 * its lease (here the lease is taken from it in the database, as when its instance froze past the
 * lease and another took it) writes nothing more, and the takeover job finishes it without a
 * duplicate or a gap. Waiting for leases to lapse and for the takeover job's periods, it runs
 * beside the other classes (see {@link Concurrency}), never beside those that read the second
 * territory's figures, which its lots change.
 */
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(Concurrency.SECOND_TERRITORY)
@ResourceLock(Concurrency.EVERY_TABLE)
class JobsIT {

  static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  static final List<String> JOBS =
      List.of(
          "hold-expiry", "voucher-expiry", "retention", "login-throttle-sweep", "batch-takeover");

  final URL base = Server.shared();

  @Test
  void theCoordinationSeesEachJobsLastRunInstanceAndOutcome() {
    Api admin = Api.as(base, "admin");
    JsonObject holdExpiry =
        Eventually.value(
            Duration.ofSeconds(90),
            () ->
                job(admin, "hold-expiry")
                    .filter(j -> j.containsKey("lastOutcome") && !j.isNull("lastOutcome")));
    assertThat(holdExpiry.getString("lastOutcome")).isIn("SUCCEEDED", "RUNNING");
    assertThat(holdExpiry.getString("lastInstance")).isNotBlank();
    assertThat(holdExpiry.getString("lastRunAt"))
        .matches("\\d{4}-\\d\\d-\\d\\dT.*[+-]\\d\\d:\\d\\d");
    assertThat(holdExpiry.getString("kind")).isEqualTo("SCHEDULED");
    List<String> names =
        admin.get("api/v1/jobs").structure().asJsonArray().stream()
            .map(j -> j.asJsonObject().getString("name"))
            .toList();
    assertThat(names).containsAll(JOBS);
    assertThat(Api.as(base, "national").get("api/v1/jobs").status()).isEqualTo(200);
    assertThat(Api.as(base, "relais").get("api/v1/jobs").status()).isEqualTo(403);
    assertThat(Api.anonymous(base).get("api/v1/jobs").status()).isEqualTo(401);
  }

  /**
   * A batch of tax receipts is running when its lease is taken from its instance (as if that
   * instance had frozen past the lease and another had taken it): its next step finds the lease
   * gone and writes nothing; the lease lapses, the takeover job claims it and finishes the batch.
   * Every donation of the batch has exactly one receipt, the numbers have no gap, the batch counts
   * every donation once.
   */
  @Test
  void aReceiptBatchWhoseLeaseIsLostIsFinishedElsewhereWithoutDuplicateOrGap() throws Exception {
    Api admin = Api.as(base, "admin2");
    // the ARA coordination's donors: the batch issues those waiting in its territory
    List<Integer> ours = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      ours.add(receivedDonation(base, "donateur3"));
    }
    Answer started = Eventually.value(Duration.ofSeconds(60), () -> start(admin));
    long batch = started.json().getJsonNumber("id").longValue();
    String lease = "tax-receipt-batch-" + batch;
    Eventually.until(Duration.ofSeconds(60), () -> batchOf(admin, batch).getInt("done") >= 3);
    int stolen = steal(lease);
    JsonObject finished =
        Eventually.value(
            Duration.ofSeconds(120),
            () ->
                Optional.of(batchOf(admin, batch))
                    .filter(b -> b.getString("status").equals("FINISHED")));
    int total = finished.getInt("total");
    assertThat(total).isGreaterThanOrEqualTo(ours.size());
    assertThat(
            finished.getInt("done") + finished.getInt("alreadyIssued") + finished.getInt("failed"))
        .as("every donation of the batch counted once")
        .isEqualTo(total);
    assertThat(finished.getInt("failed")).isZero();
    assertEveryDonationReceiptedOnceWithoutGap(batch);
    JsonObject job = job(Api.as(base, "admin2"), lease).orElseThrow();
    assertThat(job.getString("lastOutcome")).isEqualTo("SUCCEEDED");
    assertThat(job.getString("lastInstance")).isNotEqualTo("ghost");
    if (stolen == 1) {
      assertThat(job.getInt("takeovers")).isEqualTo(1);
    }
    assertThat(stolen).as("the lease was taken mid-run").isEqualTo(1);
    assertThat(job(Api.as(base, "admin"), lease)).as("another territory's batch").isEmpty();
  }

  /**
   * A background issuance of 30,000 vouchers whose lease is taken mid-run: the chunk that finds it
   * gone is rolled back, the takeover writes what is left, and the batch holds exactly its
   * quantity, each code once.
   */
  @Test
  void aVoucherIssuanceWhoseLeaseIsLostIsFinishedElsewhereWithExactlyItsQuantity()
      throws Exception {
    Api funder = Api.as(base, "financeur");
    int programme =
        funder
            .post("api/v1/voucher-programs", programme("IT reprise de lot", 5_000))
            .json()
            .getInt("id");
    Answer accepted =
        funder.post("api/v1/voucher-programs/" + programme + "/vouchers", "{\"quantity\":30000}");
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
    int batch = accepted.json().getInt("batchId");
    String path = "api/v1/voucher-programs/" + programme + "/batches/" + batch;
    Eventually.until(Duration.ofSeconds(60), () -> funder.get(path).json().getInt("issued") > 0);
    int stolen = steal("voucher-issuance-" + batch);
    JsonObject done =
        Eventually.value(
            Duration.ofSeconds(180),
            () ->
                Optional.of(funder.get(path).json())
                    .filter(b -> !b.getString("status").equals("RUNNING")));
    assertThat(done.getString("status")).isEqualTo("DONE");
    assertThat(done.getInt("issued")).isEqualTo(30_000);
    try (Connection db = TestDatabase.connect()) {
      assertThat(count(db, "select count(*) from voucher where batch_id = " + batch))
          .isEqualTo(30_000);
      assertThat(count(db, "select count(distinct code) from voucher where batch_id = " + batch))
          .isEqualTo(30_000);
      assertThat(
              count(
                  db,
                  "select takeovers from job_lease where name = 'voucher-issuance-" + batch + "'"))
          .isEqualTo(stolen);
    }
    assertThat(stolen).as("the lease was taken mid-run").isEqualTo(1);
  }

  /**
   * In the database: every donation of the batch has an outcome and exactly one receipt, and the
   * territory's numbers of the year have no gap and no duplicate.
   */
  static void assertEveryDonationReceiptedOnceWithoutGap(long batch) throws SQLException {
    try (Connection db = TestDatabase.connect()) {
      assertThat(
              count(
                  db,
                  "select count(*) from receipt_batch_item where batch_id = "
                      + batch
                      + " and outcome is null"))
          .isZero();
      assertThat(
              count(
                  db,
                  "select count(*) from (select i.donation_id from receipt_batch_item i join"
                      + " tax_receipt r on r.donation_id = i.donation_id and r.status = 'ISSUED'"
                      + " where i.batch_id = "
                      + batch
                      + " group by i.donation_id having count(*) <> 1) x"))
          .as("donations of the batch without exactly one receipt")
          .isZero();
      assertThat(
              count(
                  db,
                  "select count(*) from receipt_batch_item i where i.batch_id = "
                      + batch
                      + " and not exists (select 1 from tax_receipt r where r.donation_id ="
                      + " i.donation_id and r.status = 'ISSUED')"))
          .as("donations of the batch left without a receipt")
          .isZero();
      try (PreparedStatement gaps =
          db.prepareStatement(
              "select count(*), count(distinct sequence_number),"
                  + " max(sequence_number) - min(sequence_number) + 1 from tax_receipt"
                  + " where series = 'ARA' and receipt_year = ?")) {
        gaps.setInt(1, LocalDate.now(PARIS).getYear());
        try (ResultSet row = gaps.executeQuery()) {
          row.next();
          assertThat(row.getLong(2)).as("no number twice").isEqualTo(row.getLong(1));
          assertThat(row.getLong(3)).as("no gap").isEqualTo(row.getLong(1));
        }
      }
    }
  }

  /** Gives the lease to an instance that no longer renews it, lapsed a second ago. */
  static int steal(String lease) throws SQLException {
    try (Connection db = TestDatabase.connect()) {
      if (!TestDatabase.isPostgres()) {
        // the batch's step holds the lease's row until it commits (PostgreSQL waits as long)
        try (var wait = db.createStatement()) {
          wait.execute("set lock_timeout 120000");
        }
      }
      return steal(db, lease);
    }
  }

  private static int steal(Connection db, String lease) throws SQLException {
    try (PreparedStatement steal =
        db.prepareStatement(
            "update job_lease set holder = 'ghost', lease_until = ?"
                + " where name = ? and holder is not null")) {
      steal.setTimestamp(1, Timestamp.valueOf(LocalDateTime.now(PARIS).minusSeconds(1)));
      steal.setString(2, lease);
      return steal.executeUpdate();
    }
  }

  static long count(Connection db, String sql) throws SQLException {
    try (PreparedStatement query = db.prepareStatement(sql);
        ResultSet row = query.executeQuery()) {
      row.next();
      return row.getLong(1);
    }
  }

  private Optional<Answer> start(Api admin) {
    Answer started = admin.post("api/v1/tax-receipts/batches");
    // another test's batch of the territory may still be running: wait for it
    return started.status() == 202 ? Optional.of(started) : Optional.empty();
  }

  static JsonObject batchOf(Api admin, long batch) {
    return admin.get("api/v1/tax-receipts/batches/" + batch).json();
  }

  static Optional<JsonObject> job(Api user, String name) {
    return user.get("api/v1/jobs").structure().asJsonArray().stream()
        .map(j -> j.asJsonObject())
        .filter(j -> j.getString("name").equals(name))
        .findFirst();
  }

  static int receivedDonation(URL base, String donor) {
    Answer pledge =
        Api.as(base, donor)
            .post(
                "api/v1/donations",
                "{\"items\":[{\"category\":\"LAPTOP\",\"quantity\":2,\"description\":"
                    + "\"Portables HP EliteBook\",\"unitValueCents\":30000}],"
                    + "\"pickupAddress\":\"2 place Bellecour, Lyon\",\"availableFrom\":\"2026-12-01\"}");
    assertThat(pledge.status()).as(pledge.toString()).isEqualTo(201);
    int id = pledge.json().getInt("id");
    String workshop = new Scenarios(base).workshopOf(pledge.json());
    Answer received = Api.as(base, workshop).post("api/v1/donations/" + id + "/reception");
    assertThat(received.status()).as(received.toString()).isEqualTo(200);
    return id;
  }

  private static String programme(String name, long cents) {
    LocalDate today = LocalDate.now(PARIS);
    return "{\"name\":\""
        + name
        + "\",\"kind\":\"CHEQUE_EQUIPEMENT\",\"faceValueCents\":"
        + cents
        + ",\"validFrom\":\""
        + today.minusDays(1)
        + "\",\"validUntil\":\""
        + today.plusYears(1)
        + "\",\"toleranceDays\":31,\"nominative\":false,"
        + "\"postalCodePrefixes\":[\"80\"],\"conditions\":\"Un ordinateur par foyer.\"}";
  }
}
