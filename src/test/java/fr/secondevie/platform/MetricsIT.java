package fr.secondevie.platform;

import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.testing.Api;
import fr.secondevie.testing.Api.Answer;
import fr.secondevie.testing.Scenarios;
import fr.secondevie.testing.Server;
import jakarta.json.JsonObject;
import java.net.URL;
import org.junit.jupiter.api.Test;

/**
 * What an operator watches: {@code /metrics} counts a sale (read before, a checkout at the counter,
 * read after), times its steps and reads the open cash drawers from the database; {@code
 * /health/ready} reports the catalogue copy and the jobs' leases.
 */
class MetricsIT {

  final URL base = Server.shared();

  @Test
  void metricsCountASaleTimeItsStepsAndReadTheOpenDrawers() {
    Scenarios scenarios = new Scenarios(base);
    int device = scenarios.availableDevice("donateur", "LAPTOP", "relais", 12_000);
    String person = scenarios.eligibleBeneficiary("RSA");
    String code = scenarios.vouchers("financeur", "CHEQUE_EQUIPEMENT", 1000, 1, "80", null).get(0);
    Metrics before = Metrics.read(base);

    long order = scenarios.openOrder("relais", person, device);
    Api counter = Api.as(base, "relais");
    Answer voucher =
        counter.post("api/v1/orders/" + order + "/vouchers", "{\"code\":\"" + code + "\"}");
    assertThat(voucher.status()).as(voucher.toString()).isEqualTo(200);
    long due = voucher.json().getJsonNumber("dueCents").longValue();
    Answer cash =
        counter.post(
            "api/v1/orders/" + order + "/payments",
            "{\"method\":\"CASH\",\"amountCents\":" + due + "}");
    assertThat(cash.status()).as(cash.toString()).isEqualTo(201);
    Answer completed = counter.post("api/v1/orders/" + order + "/completion");
    assertThat(completed.status()).as(completed.toString()).isEqualTo(200);
    Metrics after = Metrics.read(base);

    assertThat(after.sum("orders_completed_total") - before.sum("orders_completed_total"))
        .as("orders completed")
        .isEqualTo(1.0);
    assertThat(after.sum("vouchers_redeemed_total") - before.sum("vouchers_redeemed_total"))
        .as("vouchers redeemed")
        .isEqualTo(1.0);
    for (String step : new String[] {"open", "voucher", "payment", "completion"}) {
      assertThat(
              after.sum("checkout_step_seconds_count", "step=\"" + step + "\"")
                  - before.sum("checkout_step_seconds_count", "step=\"" + step + "\""))
          .as("step " + step + " timed")
          .isGreaterThanOrEqualTo(1.0);
    }
    assertThat(after.sum("cash_sessions_open"))
        .as("the demo relays' drawers the suite opened, read from the database")
        .isGreaterThanOrEqualTo(2.0);
    assertThat(after.names()).contains("catalogue_copy_age_seconds", "catalogue_copy_devices");
    assertThat(after.sum("batches_running", "kind=\"tax-receipts\"")).isGreaterThanOrEqualTo(0);
  }

  @Test
  void readinessReportsTheCatalogueCopyAndTheJobLeases() {
    Answer ready = Api.anonymous(base).get("health/ready");
    assertThat(ready.status()).isEqualTo(200);
    JsonObject checks = byName(ready.json());
    assertThat(checks.getJsonObject("catalogue-copy").getString("status")).isEqualTo("UP");
    // Payara's health check writes the data's numbers as strings
    var devices = checks.getJsonObject("catalogue-copy").getJsonObject("data").get("devices");
    assertThat(Long.parseLong(devices.toString().replace("\"", ""))).isPositive();
    JsonObject leases = checks.getJsonObject("job-leases");
    assertThat(leases.getString("status")).isEqualTo("UP");
    assertThat(leases.getJsonObject("data").keySet())
        .contains("instance", "hold-expiry", "batchesToTakeOver");
    assertThat(checks.getJsonObject("database").getString("status")).isEqualTo("UP");
  }

  private static JsonObject byName(JsonObject health) {
    var named = jakarta.json.Json.createObjectBuilder();
    health.getJsonArray("checks").forEach(c -> named.add(c.asJsonObject().getString("name"), c));
    return named.build();
  }

  /** The Prometheus text of {@code /metrics}, read as name, labels and value per line. */
  record Metrics(java.util.List<String> lines) {

    static Metrics read(URL base) {
      Answer answer = Api.anonymous(base).get("metrics", "text/plain");
      assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
      return new Metrics(answer.body().lines().filter(l -> !l.startsWith("#")).toList());
    }

    java.util.Set<String> names() {
      return lines.stream()
          .map(l -> l.split("[{ ]", 2)[0])
          .collect(java.util.stream.Collectors.toSet());
    }

    /** The sum of the samples of a metric (every tag set), or of those with the label given. */
    double sum(String name, String... labels) {
      return lines.stream()
          .filter(l -> l.split("[{ ]", 2)[0].equals(name))
          .filter(l -> java.util.Arrays.stream(labels).allMatch(l::contains))
          .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
          .sum();
    }
  }
}
