package fr.secondevie.payments;

import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.testing.Deployments;
import fr.secondevie.testing.FakeStripe;
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
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Stripe's webhook as Stripe calls it: over real HTTP, without credentials, signed with the secret
 * the build gives the server, against the packaged WAR and the test database. What a forged, stale,
 * repeated or doubled delivery does is checked in the database itself (stored events, audit trail).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StripeWebhookIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.application();
  }

  @ArquillianResource URL base;

  private static FakeStripe stripe;

  @BeforeAll
  static void startStripe() {
    stripe = FakeStripe.start();
  }

  @AfterAll
  static void stopStripe() {
    stripe.close();
  }

  @Test
  void aForgedOrUnsignedDeliveryIs400AndStoresNothing() throws SQLException {
    String payload = stripe.succeededEvent("pi_it_forged");

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
    assertThat(auditEntries("pi_it_forged")).isZero();
  }

  @Test
  void aDeliveryOlderThanFiveMinutesIsRefused() throws SQLException {
    String payload = stripe.succeededEvent("pi_it_stale");

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
    String payload = stripe.succeededEvent("pi_it_unknown");

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
        assertThat(row.getString(2)).isEqualTo("pi_it_unknown");
        assertThat(row.getString(3)).isEqualTo("APPLIED");
      }
    }
    assertThat(auditEntries("pi_it_unknown")).isEqualTo(1);
  }

  @Test
  void aRedeliveredEventIsAcknowledgedAsADuplicateAndChangesNothing() throws SQLException {
    String payload = stripe.failedEvent("pi_it_twice", "Your card was declined.");

    assertThat(stripe.deliver(base, payload)).isEqualTo(200);
    var again = FakeStripe.post(base, payload, signedNow(payload));

    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(json(again.body()).getBoolean("duplicate")).isTrue();
    assertThat(storedEvents(eventId(payload))).isEqualTo(1);
    assertThat(auditEntries("pi_it_twice")).isEqualTo(1);
  }

  @Test
  void anEventTypeThatSettlesNothingIsStoredAndIgnored() throws SQLException {
    String payload =
        stripe
            .succeededEvent("pi_it_other")
            .replace("payment_intent.succeeded", "payment_intent.created");

    assertThat(stripe.deliver(base, payload)).isEqualTo(200);

    assertThat(storedEvents(eventId(payload))).isEqualTo(1);
    assertThat(auditEntries("pi_it_other")).isZero();
  }

  @Test
  void tenSimultaneousDeliveriesOfOneEventApplyItOnce() throws Exception {
    String payload = stripe.succeededEvent("pi_it_race");
    String signature = signedNow(payload);
    int deliveries = 10;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(deliveries);
    List<HttpResponse<String>> answers = new ArrayList<>();
    try {
      List<Future<HttpResponse<String>>> pending = new ArrayList<>();
      for (int i = 0; i < deliveries; i++) {
        Callable<HttpResponse<String>> delivery =
            () -> {
              start.await();
              return FakeStripe.post(base, payload, signature);
            };
        pending.add(pool.submit(delivery));
      }
      start.countDown();
      for (Future<HttpResponse<String>> answer : pending) {
        answers.add(answer.get(90, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(answers)
        .as("every delivery acknowledged, none failed")
        .allSatisfy(a -> assertThat(a.statusCode()).as(a.body()).isEqualTo(200));
    assertThat(answers)
        .filteredOn(a -> !json(a.body()).containsKey("duplicate"))
        .as("deliveries that applied the event")
        .hasSize(1);
    assertThat(storedEvents(eventId(payload))).isEqualTo(1);
    assertThat(auditEntries("pi_it_race")).isEqualTo(1);
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
