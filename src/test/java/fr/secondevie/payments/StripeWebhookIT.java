package fr.secondevie.payments;

import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.testing.FakeStripe;
import fr.secondevie.testing.Server;
import fr.secondevie.testing.TestDatabase;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Stripe's webhook as Stripe calls it: over real HTTP, without credentials, signed with the secret
 * the build gives the server, against the packaged WAR and the test database. What a forged, stale,
 * repeated or doubled delivery does is checked in the database itself (stored events, audit trail).
 */
class StripeWebhookIT {

  final URL base = Server.shared();

  /** Intent ids unique to this run, since the database may outlive it (PostgreSQL). */
  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

  private final FakeStripe stripe = FakeStripe.shared();

  @Test
  void aForgedOrUnsignedDeliveryIs400AndStoresNothing() throws SQLException {
    String payload = stripe.succeededEvent("pi_it_forged_" + RUN);

    var forged =
        FakeStripe.post(
            base, payload, FakeStripe.signature(payload, "whsec_guess", FakeStripe.now()));
    var unsigned = FakeStripe.post(base, payload, null);

    for (var answer : List.of(forged, unsigned)) {
      assertThat(answer.statusCode()).isEqualTo(400);
      assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
      assertThat(json(answer.body()).getString("code")).isEqualTo("INVALID_SIGNATURE");
    }
    assertThat(storedEvents(eventId(payload))).isZero();
    assertThat(auditEntries("pi_it_forged_" + RUN)).isZero();
  }

  @Test
  void aDeliveryOlderThanFiveMinutesIsRefused() throws SQLException {
    String payload = stripe.succeededEvent("pi_it_stale_" + RUN);

    var stale =
        FakeStripe.post(
            base,
            payload,
            FakeStripe.signature(payload, FakeStripe.WEBHOOK_SECRET, FakeStripe.now() - 301));

    assertThat(stale.statusCode()).isEqualTo(400);
    assertThat(json(stale.body()).getString("code")).isEqualTo("INVALID_SIGNATURE");
    assertThat(storedEvents(eventId(payload))).isZero();
  }

  @Test
  void aSucceededEventIsStoredAppliedAndAuditedEvenForAnIntentNoSaleKnows() throws SQLException {
    String payload = stripe.succeededEvent("pi_it_unknown_" + RUN);

    var answer = FakeStripe.post(base, payload, signedNow(payload));

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(json(answer.body()).getBoolean("received")).isTrue();
    assertThat(json(answer.body()).containsKey("duplicate")).isFalse();
    try (Connection db = TestDatabase.connect();
        PreparedStatement query =
            db.prepareStatement(
                "select event_type, intent_id, outcome from stripe_event where id = ?")) {
      query.setString(1, eventId(payload));
      try (ResultSet row = query.executeQuery()) {
        assertThat(row.next()).as("the event is stored").isTrue();
        assertThat(row.getString(1)).isEqualTo("payment_intent.succeeded");
        assertThat(row.getString(2)).isEqualTo("pi_it_unknown_" + RUN);
        assertThat(row.getString(3)).isEqualTo("APPLIED");
      }
    }
    assertThat(auditEntries("pi_it_unknown_" + RUN)).isEqualTo(1);
  }

  @Test
  void aRedeliveredEventIsAcknowledgedAsADuplicateAndChangesNothing() throws SQLException {
    String payload = stripe.failedEvent("pi_it_twice_" + RUN, "Your card was declined.");

    assertThat(stripe.deliver(base, payload)).isEqualTo(200);
    var again = FakeStripe.post(base, payload, signedNow(payload));

    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(json(again.body()).getBoolean("duplicate")).isTrue();
    assertThat(storedEvents(eventId(payload))).isEqualTo(1);
    assertThat(auditEntries("pi_it_twice_" + RUN)).isEqualTo(1);
  }

  @Test
  void anEventTypeThatSettlesNothingIsStoredAndIgnored() throws SQLException {
    String payload =
        stripe
            .succeededEvent("pi_it_other_" + RUN)
            .replace("payment_intent.succeeded", "payment_intent.created");

    assertThat(stripe.deliver(base, payload)).isEqualTo(200);

    assertThat(storedEvents(eventId(payload))).isEqualTo(1);
    assertThat(auditEntries("pi_it_other_" + RUN)).isZero();
  }

  @Test
  void tenSimultaneousDeliveriesOfOneEventApplyItOnce() throws Exception {
    String payload = stripe.succeededEvent("pi_it_race_" + RUN);
    ExecutorService pool = Executors.newFixedThreadPool(DELIVERIES);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<HttpResponse<String>>> pending = deliverAll(pool, payload, start);
      start.countDown();

      assertAppliedOnce(answers(pending), payload, "pi_it_race_" + RUN);
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * The race made certain: while a transaction of the test holds an uncommitted row for the event,
   * every delivery of it has to wait on the primary key; when that transaction rolls back, one
   * delivery inserts the row and the others meet a unique violation, which must read as a
   * duplicate, not as a 500. (H2 gives up waiting for a lock after 2 s, so the row is held for 1 s
   * at most there.)
   */
  @Test
  void deliveriesWaitingOnAnotherTransactionOfTheSameEventApplyItOnce() throws Exception {
    String payload = stripe.succeededEvent("pi_it_held_" + RUN);
    ExecutorService pool = Executors.newFixedThreadPool(DELIVERIES);
    try (Connection holder = TestDatabase.connect()) {
      holder.setAutoCommit(false);
      try (PreparedStatement hold =
          holder.prepareStatement(
              "insert into stripe_event (id, event_type, received_at, outcome)"
                  + " values (?, 'held.by.test', current_timestamp, 'IGNORED')")) {
        hold.setString(1, eventId(payload));
        hold.executeUpdate();
      }
      List<Future<HttpResponse<String>>> pending = deliverAll(pool, payload, new CountDownLatch(0));
      int waiting = waitForBlockedDeliveries(TestDatabase.isPostgres() ? 30_000 : 1_000);
      holder.rollback();
      List<HttpResponse<String>> answers = answers(pending);

      assertThat(waiting).as("deliveries seen waiting on the held row").isGreaterThanOrEqualTo(2);
      assertAppliedOnce(answers, payload, "pi_it_held_" + RUN);
    } finally {
      pool.shutdownNow();
    }
  }

  private static final int DELIVERIES = 10;

  private List<Future<HttpResponse<String>>> deliverAll(
      ExecutorService pool, String payload, CountDownLatch start) {
    String signature = signedNow(payload);
    List<Future<HttpResponse<String>>> pending = new ArrayList<>();
    for (int i = 0; i < DELIVERIES; i++) {
      Callable<HttpResponse<String>> delivery =
          () -> {
            start.await();
            return FakeStripe.post(base, payload, signature);
          };
      pending.add(pool.submit(delivery));
    }
    return pending;
  }

  private static List<HttpResponse<String>> answers(List<Future<HttpResponse<String>>> pending)
      throws Exception {
    List<HttpResponse<String>> answers = new ArrayList<>();
    for (Future<HttpResponse<String>> answer : pending) {
      answers.add(answer.get(90, TimeUnit.SECONDS));
    }
    return answers;
  }

  private static void assertAppliedOnce(
      List<HttpResponse<String>> answers, String payload, String intentId) throws SQLException {
    assertThat(answers)
        .as("every delivery acknowledged, none failed")
        .allSatisfy(a -> assertThat(a.statusCode()).as(a.body()).isEqualTo(200));
    assertThat(answers)
        .extracting(HttpResponse::body)
        .allMatch(b -> json(b).getBoolean("received"));
    assertThat(answers)
        .filteredOn(a -> !json(a.body()).containsKey("duplicate"))
        .as("deliveries that applied the event")
        .hasSize(1);
    assertThat(storedEvents(eventId(payload))).isEqualTo(1);
    assertThat(auditEntries(intentId)).isEqualTo(1);
  }

  /** How many sessions waited on a lock at most, polled until all deliveries wait or time is up. */
  private static int waitForBlockedDeliveries(long millis) throws Exception {
    String sql =
        TestDatabase.isPostgres()
            ? "select count(*) from pg_stat_activity"
                + " where datname = current_database() and wait_event_type = 'Lock'"
            : "select count(*) from information_schema.sessions"
                + " where lower(executing_statement) like 'insert into stripe_event%'";
    long deadline = System.currentTimeMillis() + millis;
    int most = 0;
    try (Connection db = TestDatabase.connect();
        PreparedStatement query = db.prepareStatement(sql)) {
      while (most < DELIVERIES && System.currentTimeMillis() < deadline) {
        try (ResultSet rows = query.executeQuery()) {
          rows.next();
          most = Math.max(most, rows.getInt(1));
        }
        Thread.sleep(20);
      }
    }
    return most;
  }

  private static String signedNow(String payload) {
    return FakeStripe.signature(payload, FakeStripe.WEBHOOK_SECRET, FakeStripe.now());
  }

  private static JsonObject json(String body) {
    try (var reader = Json.createReader(new StringReader(body))) {
      return reader.readObject();
    }
  }

  private static String eventId(String payload) {
    return json(payload).getString("id");
  }

  private static int storedEvents(String eventId) throws SQLException {
    return count("select count(*) from stripe_event where id = ?", eventId);
  }

  private static int auditEntries(String intentId) throws SQLException {
    return count(
        "select count(*) from audit_entry where record_type = 'PaymentIntent' and record_id = ?",
        intentId);
  }

  private static int count(String sql, String parameter) throws SQLException {
    try (Connection db = TestDatabase.connect();
        PreparedStatement query = db.prepareStatement(sql)) {
      query.setString(1, parameter);
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    }
  }
}
