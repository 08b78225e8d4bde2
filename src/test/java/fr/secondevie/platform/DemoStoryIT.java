package fr.secondevie.platform;

import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.testing.Api;
import fr.secondevie.testing.Server;
import fr.secondevie.testing.TestDatabase;
import jakarta.json.JsonObject;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A new demo instance, on a database of its own, plays the demo story at its first request: three
 * months of the chain's life through the API. Afterwards the pages have figures, and they add up:
 * the sales of past months, paid by a voucher and cash, in closed cash sessions whose journal
 * verifies; statements of the finished months agreed and paid (the last one drawn only); a tax
 * receipt per laptop lot; the funder's reconciliation equal to the vouchers applied.
 */
class DemoStoryIT {

  @Test
  void aNewDemoInstanceTellsAFewMonthsOfTheChainsLife() throws Exception {
    String url = freshDatabase();
    String user = TestDatabase.isPostgres() ? System.getProperty("it.db.user", "postgres") : "sa";
    Server.Instance instance =
        Server.start(
            "story-instance",
            Map.of(
                "SECONDEVIE_DB_URL", url,
                "SECONDEVIE_DB_USER", user,
                "SECONDEVIE_DB_PASSWORD", "",
                "SECONDEVIE_DEMO", "true",
                "SECONDEVIE_DEMO_STORY", "true"));
    try {
      checkTheStory(instance, url, user);
    } finally {
      instance.stop();
    }
  }

  private static void checkTheStory(Server.Instance instance, String url, String user)
      throws Exception {
    try (Connection db = DriverManager.getConnection(url, user, "")) {
      String outcome = awaitStory(db);
      assertThat(outcome).as("the story's outcome (see story-instance.log)").isEqualTo("played");

      assertThat(number(db, "select count(*) from sale_order where status = 'PAID'")).isEqualTo(6);
      assertThat(
              number(
                  db,
                  "select count(distinct extract(month from closed_at)) from sale_order"
                      + " where status = 'PAID'"))
          .as("sales in several months")
          .isGreaterThanOrEqualTo(2);
      assertThat(
              number(
                  db,
                  "select count(*) from sale_order where status = 'PAID'"
                      + " and closed_at < current_timestamp - interval '20' day"))
          .as("sales in the past")
          .isEqualTo(6);
      assertThat(number(db, "select count(*) from cash_session where status = 'CLOSED'"))
          .isEqualTo(3);
      assertThat(number(db, "select min(counted_cents - expected_cents) from cash_session"))
          .as("one drawer closed a euro short")
          .isEqualTo(-100);
      assertThat(
              number(
                  db,
                  "select count(*) from voucher_statement where status = 'PAID'"
                      + " and kind = 'RELAY_PAYMENT'"))
          .as("statements of the finished months paid")
          .isGreaterThanOrEqualTo(1);
      assertThat(
              number(
                  db,
                  "select count(*) from voucher_statement where status = 'DRAFT'"
                      + " and kind = 'RELAY_PAYMENT'"))
          .as("the last month's statement drawn, waiting for the funder")
          .isEqualTo(1);
    }

    Api admin = Api.as(instance.base(), "admin");
    List<JsonObject> receipts =
        admin
            .get("api/v1/tax-receipts?year=" + java.time.Year.now().getValue())
            .structure()
            .asJsonArray()
            .getValuesAs(JsonObject.class);
    List<JsonObject> lastYear =
        admin
            .get("api/v1/tax-receipts?year=" + (java.time.Year.now().getValue() - 1))
            .structure()
            .asJsonArray()
            .getValuesAs(JsonObject.class);
    assertThat(receipts.size() + lastYear.size()).as("a receipt per laptop lot").isEqualTo(3);

    Api counter = Api.as(instance.base(), "relais");
    long relay =
        counter
            .get("api/v1/me")
            .json()
            .getJsonObject("organisation")
            .getJsonNumber("id")
            .longValue();
    JsonObject verification =
        counter.get("api/v1/relays/" + relay + "/journal/verification").json();
    assertThat(verification.getBoolean("valid")).as(verification.toString()).isTrue();
    assertThat(verification.getInt("entries")).as("6 sales and 3 closings").isEqualTo(9);

    JsonObject programme =
        Api.as(instance.base(), "financeur")
            .get("api/v1/voucher-programs")
            .structure()
            .asJsonArray()
            .getValuesAs(JsonObject.class)
            .stream()
            .filter(p -> p.getString("name").startsWith("Chèque équipement numérique"))
            .findFirst()
            .orElseThrow();
    JsonObject reconciliation =
        Api.as(instance.base(), "financeur")
            .get("api/v1/voucher-programs/" + programme.getInt("id") + "/reconciliation")
            .json();
    assertThat(reconciliation.getInt("redeemedCount")).isEqualTo(6);
    assertThat(reconciliation.getJsonNumber("redeemedAppliedCents").longValue())
        .isEqualTo(6 * 5000);

    String home = Api.anonymous(instance.base()).get("").body();
    assertThat(home)
        .as("the home page's impact figures")
        .containsPattern("<strong>([6-9]|\\d\\d+)</strong> appareils réemployés");
  }

  private static String awaitStory(Connection db) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    while (Instant.now().isBefore(deadline)) {
      try (Statement s = db.createStatement();
          ResultSet row = s.executeQuery("select outcome from demo_story where id = 1")) {
        if (row.next() && row.getString(1) != null) {
          return row.getString(1);
        }
      } catch (SQLException notYetMigrated) {
        // the instance is still building its schema
      }
      Thread.sleep(500);
    }
    throw new AssertionError("The demo story did not finish within 3 minutes");
  }

  private static long number(Connection db, String sql) throws SQLException {
    try (Statement s = db.createStatement();
        ResultSet row = s.executeQuery(sql)) {
      row.next();
      return row.getLong(1);
    }
  }

  /** A database of the story's own, on the same server as the build's (H2 file or PostgreSQL). */
  private static String freshDatabase() throws SQLException, IOException {
    if (TestDatabase.isPostgres()) {
      String name = "secondevie_story_it";
      try (Connection db = TestDatabase.connect();
          Statement s = db.createStatement()) {
        s.execute("drop database if exists " + name);
        s.execute("create database " + name);
      }
      String url = TestDatabase.url();
      return url.substring(0, url.lastIndexOf('/') + 1) + name;
    }
    Path dir = new File("target/story-db").toPath();
    if (Files.exists(dir)) {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    return "jdbc:h2:" + dir.toAbsolutePath() + "/secondevie;MODE=LEGACY;AUTO_SERVER=TRUE";
  }
}
