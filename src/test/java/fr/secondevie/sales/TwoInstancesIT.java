package fr.secondevie.sales;

import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.testing.Api;
import fr.secondevie.testing.Concurrency;
import fr.secondevie.testing.Eventually;
import fr.secondevie.testing.Race;
import fr.secondevie.testing.Scenarios;
import fr.secondevie.testing.Server;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Two Payara Micro instances on one PostgreSQL database, as behind a load balancer: the shared
 * server of the suite, and the suite's second instance of the same WAR ({@link Server#second()}).
 * Counters on both race for one voucher and for one device; the database lets exactly one win. An
 * embedded H2 file belongs to one process, so on H2 the class is skipped before anything starts; CI
 * runs it on PostgreSQL.
 */
@EnabledIf(
    value = "fr.secondevie.testing.TestDatabase#isPostgres",
    disabledReason =
        "two instances share a PostgreSQL database only (-Dit.db.url=jdbc:postgresql:...)")
@ResourceLock(Concurrency.SECOND_INSTANCE)
class TwoInstancesIT {

  final URL base = Server.shared();

  /** The second instance the tests of several instances share, started on first use. */
  private static URL second() {
    return Server.second().base();
  }

  /**
   * The login throttle counts in the database, so guesses spread over both instances share one
   * limit: of 40 wrong passwords at once for one user from one address, five are checked (401) and
   * the rest refused unchecked (429), whichever instance each reached.
   */
  @Test
  void fortyGuessesSpreadOverTwoInstancesAreCheckedFiveTimes() throws Exception {
    URL other = second();
    String agent = "agent" + java.util.UUID.randomUUID().toString().substring(0, 8);
    long relay = new Scenarios(base).organisationOf("relais");
    var created =
        Api.as(base, "admin")
            .post(
                "api/v1/organisations/" + relay + "/users",
                "{\"username\":\""
                    + agent
                    + "\",\"password\":\""
                    + Scenarios.PASSWORD
                    + "\",\"role\":\"counter\"}");
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String address = "2001:db8:" + Integer.toHexString(agent.hashCode() & 0xffff) + ":0:0:0:0:1";
    List<Api> guessers =
        List.of(base, other).stream()
            .map(
                instance ->
                    Api.anonymous(instance)
                        .withHeader("X-Forwarded-For", address)
                        .withCredentials(agent, "pas le bon mot de passe"))
            .toList();

    List<Integer> statuses = Race.of(40, i -> guessers.get(i % 2).get("api/v1/me").status());

    Map<Integer, Long> byStatus =
        statuses.stream().collect(Collectors.groupingBy(s -> s, Collectors.counting()));
    assertThat(byStatus).containsOnly(Map.entry(401, 5L), Map.entry(429, 35L));
  }

  @Test
  void fiftyOrdersOnTwoInstancesRaceForOneVoucherAndOneWins() throws Exception {
    URL other = second();
    Scenarios scenarios = new Scenarios(base);
    long relay = scenarios.organisationOf("relais");
    int service =
        Api.as(base, "relais")
            .get("api/v1/relays/" + relay + "/services")
            .structure()
            .asJsonArray()
            .getJsonObject(0)
            .getInt("id");
    String person = scenarios.eligibleBeneficiary("RSA");
    List<Api> counters = List.of(Api.as(base, "relais"), Api.as(other, "relais"));
    List<String> orders = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      var opened =
          counters
              .get(i % 2)
              .post(
                  "api/v1/orders",
                  "{\"beneficiaryId\":\""
                      + person
                      + "\",\"services\":[{\"serviceId\":"
                      + service
                      + ",\"quantity\":1}]}");
      assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
      orders.add("api/v1/orders/" + opened.json().getJsonNumber("id").longValue());
    }
    String code = scenarios.vouchers("financeur", "PASS_NUMERIQUE", 1000, 1, "80", null).get(0);

    List<java.util.concurrent.Callable<Integer>> acts = new ArrayList<>();
    for (int i = 0; i < orders.size(); i++) {
      Api counter = counters.get(i % 2);
      String order = orders.get(i);
      acts.add(() -> counter.post(order + "/vouchers", "{\"code\":\"" + code + "\"}").status());
    }
    Map<Integer, Long> byStatus =
        Race.of(acts).stream().collect(Collectors.groupingBy(s -> s, Collectors.counting()));
    assertThat(byStatus).containsOnly(Map.entry(200, 1L), Map.entry(409, 49L));
    long holders =
        orders.stream()
            .filter(o -> !counters.get(0).get(o).json().getJsonArray("vouchers").isEmpty())
            .count();
    assertThat(holders).isEqualTo(1);
    // read from the other instance: the same single holder
    assertThat(counters.get(1).get("api/v1/vouchers/" + code).json().getString("status"))
        .isEqualTo("HELD");
  }

  @Test
  void twoInstancesOpeningOrdersForOneDeviceOneWins() throws Exception {
    URL other = second();
    Scenarios scenarios = new Scenarios(base);
    int device = scenarios.availableDevice("donateur", "LAPTOP", "relais", 20_000);
    List<String> people =
        List.of(scenarios.eligibleBeneficiary("RSA"), scenarios.eligibleBeneficiary("RSA"));
    List<URL> instances = List.of(base, other);
    List<java.util.concurrent.Callable<Integer>> acts = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      URL instance = instances.get(i);
      String person = people.get(i);
      acts.add(
          () ->
              Api.as(instance, "relais")
                  .post(
                      "api/v1/orders",
                      "{\"beneficiaryId\":\"" + person + "\",\"deviceIds\":[" + device + "]}")
                  .status());
    }
    assertThat(Race.of(acts)).containsExactlyInAnyOrder(201, 409);
  }

  /**
   * Each instance holds the catalogue in memory. A device put on sale on one instance shows in the
   * other's catalogue within about a second, and leaves it as soon as the first reserves it; on the
   * instance that made the change, at once.
   */
  @Test
  void aDeviceOnSaleOrReservedOnOneInstanceShowsOnTheOtherWithinSeconds() throws Exception {
    URL other = second();
    Scenarios scenarios = new Scenarios(base);
    long relay = scenarios.organisationOf("relais");
    String search = "api/v1/catalogue?category=LAPTOP&relay=" + relay + "&q=thinkpad&size=100";
    catalogueIds(other, search); // the other instance has read its catalogue before the change

    int device = scenarios.availableDevice("donateur", "LAPTOP", "relais", 15_000);
    assertThat(catalogueIds(base, search)).contains(device);
    long shown = Eventually.millisUntil(() -> catalogueIds(other, search).contains(device));
    assertThat(shown).as("ms until the other instance showed the device").isLessThan(3_000);

    scenarios.openOrder("relais", scenarios.eligibleBeneficiary("RSA"), device);
    assertThat(catalogueIds(base, search)).doesNotContain(device);
    long gone = Eventually.millisUntil(() -> !catalogueIds(other, search).contains(device));
    assertThat(gone).as("ms until the other instance dropped the device").isLessThan(3_000);
  }

  private static List<Integer> catalogueIds(URL instance, String search) {
    return Api.anonymous(instance).get(search).json().getJsonArray("items").stream()
        .map(item -> item.asJsonObject().getInt("id"))
        .toList();
  }
}
