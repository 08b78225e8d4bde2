package fr.secondevie.sales;

import static fr.secondevie.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.secondevie.testing.Api;
import fr.secondevie.testing.Pdfs;
import fr.secondevie.testing.Race;
import fr.secondevie.testing.Scenarios;
import fr.secondevie.testing.Server;
import fr.secondevie.testing.TestDatabase;
import jakarta.json.JsonObject;
import java.net.URL;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A relay's cash sessions and its inalterable journal (API.md second part, "The counter,
 * complete"), each test on a relay of its own so that closing a session disturbs no other test.
 */
class CashSessionsIT {

  final URL base = Server.shared();
  final Scenarios scenarios = new Scenarios(base);

  record Relay(String counterUser, long id, Api counter) {}

  Relay newRelay() {
    String user =
        scenarios.newRelayCounter("Relais caisse " + UUID.randomUUID().toString().substring(0, 4));
    return new Relay(user, scenarios.organisationOf(user), scenarios.user(user));
  }

  /** A sale of one device at the relay, opened for an eligible person: the order's id and total. */
  long[] openSale(Relay relay, long listCents) {
    int device = scenarios.availableDevice("donateur", "LAPTOP", relay.counterUser(), listCents);
    String person = scenarios.eligibleBeneficiary("RSA");
    long order = scenarios.openOrder(relay.counterUser(), person, device);
    long total =
        relay.counter().get("api/v1/orders/" + order).json().getJsonNumber("dueCents").longValue();
    return new long[] {order, total};
  }

  Api.Answer payCash(Relay relay, long order, long cents) {
    return relay
        .counter()
        .post(
            "api/v1/orders/" + order + "/payments",
            "{\"method\":\"CASH\",\"amountCents\":" + cents + "}");
  }

  String sessions(Relay relay) {
    return "api/v1/relays/" + relay.id() + "/cash-sessions";
  }

  @Test
  void cashGoesIntoTheOpenSessionAndTheClosingCountsItOnce() {
    Relay relay = newRelay();
    long[] sale = openSale(relay, 12_000);
    long order = sale[0];
    long due = sale[1];

    assertProblem(payCash(relay, order, due), 409, "NO_OPEN_CASH_SESSION");
    assertThat(
            relay
                .counter()
                .get("api/v1/orders/" + order)
                .json()
                .getJsonNumber("dueCents")
                .longValue())
        .as("nothing was taken")
        .isEqualTo(due);

    var opened = relay.counter().post(sessions(relay), "{\"openingFloatCents\":5000}");
    assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
    long session = opened.json().getJsonNumber("id").longValue();
    assertThat(opened.json().getString("status")).isEqualTo("OPEN");
    assertThat(opened.json().getString("openedAt")).matches(".*[+-]\\d\\d:\\d\\d$");
    var second = relay.counter().post(sessions(relay), "{\"openingFloatCents\":0}");
    assertProblem(second, 409, "CASH_SESSION_ALREADY_OPEN");
    assertThat(second.json().getJsonNumber("sessionId").longValue()).isEqualTo(session);

    assertThat(payCash(relay, order, due).status()).isEqualTo(201);
    assertThat(relay.counter().post("api/v1/orders/" + order + "/completion").status())
        .isEqualTo(200);

    var closed =
        relay
            .counter()
            .post(
                sessions(relay) + "/" + session + "/closing",
                "{\"countedCents\":" + (5000 + due - 150) + "}");
    assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
    JsonObject closing = closed.json();
    assertThat(closing.getString("status")).isEqualTo("CLOSED");
    assertThat(closing.getJsonNumber("closingNumber").longValue()).isEqualTo(1);
    assertThat(closing.getJsonNumber("expectedCents").longValue()).isEqualTo(5000 + due);
    assertThat(closing.getJsonNumber("countedCents").longValue()).isEqualTo(5000 + due - 150);
    assertThat(closing.getJsonNumber("differenceCents").longValue()).isEqualTo(-150);
    assertThat(closing.getInt("salesCount")).isEqualTo(1);
    JsonObject totals = closing.getJsonObject("totalsByMethod");
    assertThat(totals.getJsonNumber("CASH").longValue()).isEqualTo(due);
    assertThat(totals.getJsonNumber("CARD").longValue()).isZero();
    assertThat(totals.getJsonNumber("VOUCHER").longValue()).isZero();
    // closing again answers the same closing
    var again =
        relay.counter().post(sessions(relay) + "/" + session + "/closing", "{\"countedCents\":1}");
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().getJsonNumber("countedCents").longValue()).isEqualTo(5000 + due - 150);

    // no session any more: the next cash is refused
    long[] next = openSale(relay, 3_000);
    assertProblem(payCash(relay, next[0], next[1]), 409, "NO_OPEN_CASH_SESSION");

    String report =
        Pdfs.text(relay.counter().get(sessions(relay) + "/" + session + "/report").bytes());
    assertThat(report)
        .contains("Clôture de caisse n° 1")
        .contains("Écart (manque)")
        .contains("1,50 €")
        .contains("Espèces attendues")
        .contains("Grand total perpétuel");

    var journal = relay.counter().get("api/v1/relays/" + relay.id() + "/journal");
    assertThat(journal.status()).as(journal.toString()).isEqualTo(200);
    var entries = journal.structure().asJsonArray().getValuesAs(JsonObject.class);
    assertThat(entries).extracting(e -> e.getString("kind")).containsExactly("SALE", "CLOSING");
    assertThat(entries.get(0).getJsonNumber("amountCents").longValue()).isEqualTo(due);
    assertThat(entries.get(1).getString("previousHash"))
        .isEqualTo(entries.get(0).getString("hash"));
    assertThat(entries.get(0).getString("at")).matches(".*[+-]\\d\\d:\\d\\d$");
    JsonObject verification =
        relay.counter().get("api/v1/relays/" + relay.id() + "/journal/verification").json();
    assertThat(verification.getBoolean("valid")).isTrue();
    assertThat(verification.getJsonNumber("entries").longValue()).isEqualTo(2);
    assertThat(verification.getJsonNumber("grandTotalCents").longValue()).isEqualTo(due);
  }

  @Test
  void anotherRelaysDrawerAndJournalAreNotFound() {
    Relay relay = newRelay();
    Api relais = Api.as(base, "relais");
    assertProblem(relais.get(sessions(relay)), 404, "NOT_FOUND");
    assertProblem(relais.post(sessions(relay), "{\"openingFloatCents\":0}"), 404, "NOT_FOUND");
    assertProblem(relais.get("api/v1/relays/" + relay.id() + "/journal"), 404, "NOT_FOUND");
    assertProblem(
        relais.get("api/v1/relays/" + relay.id() + "/journal/verification"), 404, "NOT_FOUND");
    assertProblem(
        relay.counter().post(sessions(relay), "{\"openingFloatCents\":-1}"), 400, "INVALID_INPUT");
    assertProblem(
        relay.counter().get("api/v1/relays/" + relay.id() + "/journal?from=hier"),
        400,
        "INVALID_INPUT");
  }

  @Test
  void eightOpeningsAtOnceOpenOneSessionAndEightClosingsAtOnceCloseItOnce() throws Exception {
    Relay relay = newRelay();
    List<Api.Answer> openings =
        Race.of(8, i -> relay.counter().post(sessions(relay), "{\"openingFloatCents\":2000}"));
    assertThat(openings).extracting(Api.Answer::status).containsOnly(201, 409);
    assertThat(openings.stream().filter(a -> a.status() == 201)).hasSize(1);
    long session =
        openings.stream()
            .filter(a -> a.status() == 201)
            .findFirst()
            .orElseThrow()
            .json()
            .getJsonNumber("id")
            .longValue();
    openings.stream()
        .filter(a -> a.status() == 409)
        .forEach(
            a -> {
              assertThat(a.json().getString("code")).isEqualTo("CASH_SESSION_ALREADY_OPEN");
              assertThat(a.json().getJsonNumber("sessionId").longValue()).isEqualTo(session);
            });
    List<Api.Answer> closings =
        Race.of(
            8,
            i ->
                relay
                    .counter()
                    .post(
                        sessions(relay) + "/" + session + "/closing",
                        "{\"countedCents\":" + (2000 + i) + "}"));
    assertThat(closings).extracting(Api.Answer::status).containsOnly(200);
    assertThat(closings)
        .extracting(a -> a.json().getJsonNumber("countedCents").longValue())
        .containsOnly(closings.get(0).json().getJsonNumber("countedCents").longValue());
    assertThat(closings)
        .extracting(a -> a.json().getJsonNumber("closingNumber").longValue())
        .containsOnly(1L);
    var entries =
        relay.counter().get("api/v1/relays/" + relay.id() + "/journal").structure().asJsonArray();
    assertThat(entries).hasSize(1);
    assertThat(
            relay
                .counter()
                .get("api/v1/relays/" + relay.id() + "/journal/verification")
                .json()
                .getBoolean("valid"))
        .isTrue();
  }

  @Test
  void aJournalEntryAlteredInTheDatabaseIsNamedByTheVerification() throws Exception {
    Relay relay = newRelay();
    scenarios.openCashDrawer(relay.counterUser());
    for (long price : new long[] {4_000, 5_000, 6_000}) {
      long[] sale = openSale(relay, price);
      assertThat(payCash(relay, sale[0], sale[1]).status()).isEqualTo(201);
      assertThat(relay.counter().post("api/v1/orders/" + sale[0] + "/completion").status())
          .isEqualTo(200);
    }
    String verify = "api/v1/relays/" + relay.id() + "/journal/verification";
    assertThat(relay.counter().get(verify).json().getBoolean("valid")).isTrue();
    String alter =
        "update sales_journal set amount_cents = amount_cents - 100, cash_cents = cash_cents - 100"
            + " where relay_id = "
            + relay.id()
            + " and seq = 2";
    try (Connection db = TestDatabase.connect();
        Statement sql = db.createStatement()) {
      if (TestDatabase.isPostgres()) {
        assertThatThrownBy(() -> sql.executeUpdate(alter))
            .isInstanceOf(SQLException.class)
            .hasMessageContaining("append-only");
        // a tamperer with the database owner's rights can still switch the trigger off
        sql.execute("set session_replication_role = replica");
      }
      assertThat(sql.executeUpdate(alter)).isEqualTo(1);
      if (TestDatabase.isPostgres()) {
        sql.execute("set session_replication_role = origin");
      }
    }
    JsonObject verification = relay.counter().get(verify).json();
    assertThat(verification.getBoolean("valid")).isFalse();
    assertThat(verification.getJsonNumber("firstInvalidSeq").longValue()).isEqualTo(2);
  }
}
