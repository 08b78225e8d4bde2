package fr.secondevie.sales;

import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.testing.Api;
import fr.secondevie.testing.Race;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Opening an order at the counter: devices reserved at solidarity prices, what the counter may not
 * sell refused with a problem, and two counters racing for one device, one voucher or a person's
 * last laptop, where the database lets exactly one win.
 */
class OpeningOrdersIT extends AtTheCounter {

  // ---- opening ----

  @Test
  void anOrderReservesItsDevicesAtSolidarityPrices() {
    int first = laptop(30000);
    String person = person();
    var price = counter().get("api/v1/devices/" + first + "/price?beneficiaryId=" + person);
    Api.Answer opened = open(person, first);
    assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
    assertThat(opened.header("Location"))
        .hasValueSatisfying(l -> l.endsWith("/orders/" + opened.json().getInt("id")));
    JsonObject order = opened.json();
    assertThat(order.getString("status")).isEqualTo("OPEN");
    JsonObject line = order.getJsonArray("lines").getJsonObject(0);
    assertThat(line.getString("kind")).isEqualTo("DEVICE");
    assertThat(line.getInt("deviceId")).isEqualTo(first);
    assertThat(cents(line, "listPriceCents")).isEqualTo(30000);
    assertThat(price.status()).as(price.toString()).isEqualTo(200);
    assertThat(cents(line, "priceCents")).isEqualTo(cents(price.json(), "solidarityPriceCents"));
    assertThat(cents(line, "priceCents")).isLessThan(30000);
    assertThat(cents(order, "totalCents")).isEqualTo(cents(line, "priceCents"));
    assertThat(cents(order, "dueCents")).isEqualTo(cents(order, "totalCents"));
    assertThat(cents(order, "paidCents")).isZero();
    assertThat(order.getJsonArray("vouchers")).isEmpty();
    assertThat(order.getJsonArray("payments")).isEmpty();
    assertThat(deviceStatus(first)).isEqualTo("RESERVED");

    // no receipt before the sale is paid
    long orderId = order.getJsonNumber("id").longValue();
    assertThat(counter().get("api/v1/orders/" + orderId + "/receipt", "application/pdf").status())
        .isEqualTo(409);

    // the same device in another order, even for another person: 409
    Api.Answer again = open(person(), first);
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().getString("code")).isEqualTo("DEVICE_UNAVAILABLE");
  }

  @Test
  void openingRefusesWhatTheCounterMayNotSell() {
    String person = person();
    // another relay's counter cannot sell this relay's device: it does not exist for it
    int device = laptop(20000);
    Api.Answer otherRelay =
        Api.as(base, "relais2").post("api/v1/orders", order(person, List.of(device), null));
    assertThat(otherRelay.status()).isEqualTo(404);
    // a person with no decision is not eligible
    var stranger =
        Api.as(base, "social")
            .post(
                "api/v1/beneficiaries",
                "{\"fileReference\":\"X-1\",\"householdSize\":1,\"postalCode\":\"80000\"}");
    Api.Answer notEligible = open(stranger.json().getString("id"), device);
    assertThat(notEligible.status()).isEqualTo(422);
    assertThat(notEligible.json().getString("code")).isEqualTo("NOT_ELIGIBLE");
    // two laptops for a quota of one
    Api.Answer quota = open(person, device, laptop(20000));
    assertThat(quota.status()).isEqualTo(422);
    assertThat(quota.json().getString("code")).isEqualTo("QUOTA_EXCEEDED");
    assertThat(deviceStatus(device)).as("a refused order reserves nothing").isEqualTo("AVAILABLE");
    // a device with no person: not eligible (an order of services alone needs none: BookletsIT)
    Api.Answer nobody = counter().post("api/v1/orders", "{\"deviceIds\":[" + device + "]}");
    assertThat(nobody.status()).as(nobody.toString()).isEqualTo(422);
    assertThat(nobody.json().getString("code")).isEqualTo("NOT_ELIGIBLE");
    // bad input changes nothing
    for (String bad :
        List.of(
            "{\"beneficiaryId\":\"" + person + "\",\"deviceIds\":[]}",
            "{\"beneficiaryId\":\"" + person + "\",\"deviceIds\":[" + device + "," + device + "]}",
            "{\"beneficiaryId\":\"" + person + "\",\"deviceIds\":[\"x\"]}",
            "{\"beneficiaryId\":\""
                + person
                + "\",\"services\":[{\"serviceId\":1,\"quantity\":0}]}",
            "")) {
      Api.Answer refused = counter().post("api/v1/orders", bad);
      assertThat(refused.status()).as(bad + " → " + refused).isEqualTo(400);
      assertThat(refused.json().getString("code")).isEqualTo("INVALID_INPUT");
    }
    assertThat(deviceStatus(device)).isEqualTo("AVAILABLE");
    // roles: a social worker may not sell, nobody anonymous either
    assertThat(
            Api.as(base, "social")
                .post("api/v1/orders", order(person, List.of(device), null))
                .status())
        .isEqualTo(403);
    assertThat(
            Api.anonymous(base)
                .post("api/v1/orders", order(person, List.of(device), null))
                .status())
        .isEqualTo(401);
    // an order of one relay is not found by another relay's counter, admin reads it
    long id = openOrder(person, device);
    assertThat(Api.as(base, "relais2").get("api/v1/orders/" + id).status()).isEqualTo(404);
    assertThat(Api.as(base, "relais2").post("api/v1/orders/" + id + "/cancellation").status())
        .isEqualTo(404);
    assertThat(Api.as(base, "admin").get("api/v1/orders/" + id).status()).isEqualTo(200);
    assertThat(counter().get("api/v1/orders/999999999").status()).isEqualTo(404);
  }

  // ---- races ----

  @Test
  void twoOrdersForOneDeviceOneWins() throws Exception {
    int device = laptop(20000);
    List<String> people = List.of(person(), person());
    List<Integer> statuses = Race.of(2, n -> open(people.get(n), device).status());
    assertThat(statuses).containsExactlyInAnyOrder(201, 409);
  }

  @Test
  void fiftyOrdersForOneVoucherOneWins() throws Exception {
    long relay = scenarios().organisationOf("relais");
    int service =
        counter()
            .get("api/v1/relays/" + relay + "/services")
            .structure()
            .asJsonArray()
            .getJsonObject(0)
            .getInt("id");
    String person = person();
    List<Long> orders = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      Api.Answer opened =
          counter()
              .post(
                  "api/v1/orders",
                  order(person, List.of(), "[{\"serviceId\":" + service + ",\"quantity\":1}]"));
      assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
      orders.add(opened.json().getJsonNumber("id").longValue());
    }
    String code = scenarios().vouchers("financeur", "PASS_NUMERIQUE", 1000, 1, "80", null).get(0);
    List<Api.Answer> answers =
        Race.of(
            50,
            n ->
                counter()
                    .post(
                        "api/v1/orders/" + orders.get(n) + "/vouchers",
                        "{\"code\":\"" + code + "\"}"));
    Map<Integer, Long> byStatus =
        answers.stream().collect(Collectors.groupingBy(Api.Answer::status, Collectors.counting()));
    assertThat(byStatus)
        .as(
            answers.stream()
                .filter(a -> a.status() >= 500)
                .map(Api.Answer::toString)
                .findFirst()
                .orElse(""))
        .containsOnly(Map.entry(200, 1L), Map.entry(409, 49L));
    long holders =
        orders.stream()
            .filter(
                o -> !counter().get("api/v1/orders/" + o).json().getJsonArray("vouchers").isEmpty())
            .count();
    assertThat(holders).isEqualTo(1);
    for (long o : orders) {
      counter().post("api/v1/orders/" + o + "/cancellation");
    }
    assertThat(voucherStatus(code)).isEqualTo("ISSUED");
  }

  @Test
  void twoCountersCompletingForThePersonsLastLaptopOneWinsAndTheOtherChangesNothing()
      throws Exception {
    String person = person();
    int first = laptop(20000);
    int second = laptop(20000);
    long a = openOrder(person, first);
    long b = openOrder(person, second);
    Map<Long, String> codes = new ConcurrentHashMap<>();
    for (long o : List.of(a, b)) {
      String code =
          scenarios().vouchers("financeur", "CHEQUE_EQUIPEMENT", 1000, 1, "80", null).get(0);
      codes.put(o, code);
      long rest =
          cents(
              counter()
                  .post("api/v1/orders/" + o + "/vouchers", "{\"code\":\"" + code + "\"}")
                  .json(),
              "dueCents");
      assertThat(
              counter()
                  .post(
                      "api/v1/orders/" + o + "/payments",
                      "{\"method\":\"CASH\",\"amountCents\":" + rest + "}")
                  .status())
          .isEqualTo(201);
    }
    List<Long> orders = List.of(a, b);
    List<Api.Answer> answers =
        Race.of(2, n -> counter().post("api/v1/orders/" + orders.get(n) + "/completion"));
    assertThat(answers.stream().map(Api.Answer::status).toList())
        .containsExactlyInAnyOrder(200, 422);
    Api.Answer lost = answers.stream().filter(x -> x.status() == 422).findFirst().orElseThrow();
    assertThat(lost.json().getString("code")).isEqualTo("QUOTA_EXCEEDED");
    long winner = answers.get(0).status() == 200 ? a : b;
    long loser = winner == a ? b : a;
    int loserDevice = loser == a ? first : second;
    // the refused completion had sold its device and redeemed its voucher before the quota said no:
    // nothing of that remains
    assertThat(counter().get("api/v1/orders/" + loser).json().getString("status"))
        .isEqualTo("OPEN");
    assertThat(deviceStatus(loserDevice)).isEqualTo("RESERVED");
    assertThat(voucherStatus(codes.get(loser))).isEqualTo("HELD");
    assertThat(voucherStatus(codes.get(winner))).isEqualTo("REDEEMED");
    assertThat(
            counter()
                .get("api/v1/beneficiaries/" + person + "/eligibility")
                .json()
                .getInt("devicesLeft"))
        .isNotNegative();
  }
}
