package fr.secondevie.sales;

import static fr.secondevie.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.testing.Api;
import fr.secondevie.testing.Pdfs;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Paying at the counter with vouchers and cash, through the API and on the counter's screen in
 * Chromium: amounts that add up to the cent on the order, the funders' reconciliation and the
 * receipt; vouchers that may not pay refused and changing nothing.
 */
class CounterPaymentsIT extends AtTheCounter {

  // ---- vouchers, cash, completion, receipt ----

  @Test
  void aSalePaidByTwoFundersAndCashAddsUpToTheCent() {
    int device = laptop(40000);
    String person = person();
    long id = openOrder(person, device);
    long total = cents(counter().get("api/v1/orders/" + id).json(), "totalCents");
    String somme =
        scenarios().vouchers("financeur", "CHEQUE_EQUIPEMENT", 5000, 1, "80", null).get(0);
    String other =
        scenarios().vouchers("financeur2", "CHEQUE_EQUIPEMENT", 3000, 1, "8", person).get(0);

    Api.Answer first =
        counter().post("api/v1/orders/" + id + "/vouchers", "{\"code\":\"" + somme + "\"}");
    assertThat(first.status()).as(first.toString()).isEqualTo(200);
    assertThat(
            first
                .json()
                .getJsonArray("vouchers")
                .getJsonObject(0)
                .getJsonNumber("appliedCents")
                .longValue())
        .isEqualTo(Math.min(5000, total));
    // the same voucher again answers the same
    assertThat(
            counter()
                .post("api/v1/orders/" + id + "/vouchers", "{\"code\":\"" + somme + "\"}")
                .json()
                .getJsonArray("vouchers"))
        .hasSize(1);
    Api.Answer second =
        counter().post("api/v1/orders/" + id + "/vouchers", "{\"code\":\"" + other + "\"}");
    assertThat(second.status()).as(second.toString()).isEqualTo(200);
    JsonObject order = second.json();
    long vouchersCents = cents(order, "vouchersCents");
    long due = cents(order, "dueCents");
    assertThat(vouchersCents + due).isEqualTo(total);
    assertThat(voucherStatus(somme)).isEqualTo("HELD");

    // cash: more than due is refused, then the exact rest
    Api.Answer tooMuch =
        counter()
            .post(
                "api/v1/orders/" + id + "/payments",
                "{\"method\":\"CASH\",\"amountCents\":" + (due + 1) + "}");
    assertThat(tooMuch.status()).isEqualTo(422);
    assertThat(tooMuch.json().getString("code")).isEqualTo("AMOUNT_EXCEEDS_DUE");
    Api.Answer early = counter().post("api/v1/orders/" + id + "/completion");
    assertThat(early.status()).isEqualTo(409);
    assertThat(early.json().getString("code")).isEqualTo("BALANCE_DUE");
    Api.Answer cash =
        counter()
            .post(
                "api/v1/orders/" + id + "/payments",
                "{\"method\":\"CASH\",\"amountCents\":" + due + "}");
    assertThat(cash.status()).as(cash.toString()).isEqualTo(201);
    assertThat(cash.json().getString("status")).isEqualTo("SUCCEEDED");
    assertThat(cash.json().getString("method")).isEqualTo("CASH");
    assertThat(cash.json().get("clientSecret")).isIn(null, JsonValue.NULL);

    Api.Answer done = counter().post("api/v1/orders/" + id + "/completion");
    assertThat(done.status()).as(done.toString()).isEqualTo(200);
    assertThat(done.json().getString("status")).isEqualTo("PAID");
    assertThat(cents(done.json(), "paidCents")).isEqualTo(total);
    assertThat(cents(done.json(), "dueCents")).isZero();
    assertThat(deviceStatus(device)).isEqualTo("SOLD");
    assertThat(voucherStatus(somme)).isEqualTo("REDEEMED");
    assertThat(voucherStatus(other)).isEqualTo("REDEEMED");
    // completing again answers the same; nothing can change a paid order
    assertThat(
            counter().post("api/v1/orders/" + id + "/completion").json().getString("receiptNumber"))
        .isEqualTo(done.json().getString("receiptNumber"));
    assertThat(counter().post("api/v1/orders/" + id + "/cancellation").json().getString("code"))
        .isEqualTo("ORDER_NOT_OPEN");

    // each funder sees its own share in its reconciliation, at this relay
    long relay = scenarios().organisationOf("relais");
    for (String[] funderAndCode : new String[][] {{"financeur", somme}, {"financeur2", other}}) {
      JsonObject voucher = counter().get("api/v1/vouchers/" + funderAndCode[1]).json();
      int programme = voucher.getJsonObject("program").getInt("id");
      JsonObject reconciliation =
          Api.as(base, funderAndCode[0])
              .get("api/v1/voucher-programs/" + programme + "/reconciliation")
              .json();
      long applied =
          order.getJsonArray("vouchers").getValuesAs(JsonObject.class).stream()
              .filter(
                  v ->
                      v.getString("code")
                          .replace("-", "")
                          .equals(funderAndCode[1].replace("-", "")))
              .mapToLong(v -> cents(v, "appliedCents"))
              .sum();
      assertThat(cents(reconciliation, "redeemedAppliedCents")).isEqualTo(applied);
      assertThat(reconciliation.getJsonArray("byRelay").getJsonObject(0).getInt("relayId"))
          .isEqualTo((int) relay);
    }

    // the receipt: one page, the number, the serial, the warranty, amounts that add up
    Api.Answer pdf = counter().get("api/v1/orders/" + id + "/receipt", "application/pdf");
    assertThat(pdf.status()).isEqualTo(200);
    assertThat(pdf.header("Content-Type")).hasValueSatisfying(t -> t.startsWith("application/pdf"));
    String text = Pdfs.text(pdf.bytes());
    assertThat(Pdfs.pages(pdf.bytes())).isEqualTo(1);
    assertThat(text)
        .contains(done.json().getString("receiptNumber"))
        .contains(done.json().getJsonArray("lines").getJsonObject(0).getString("serialNumber"))
        .contains("Garantie légale de conformité")
        .contains("12 mois")
        .contains("Département de la Somme")
        .contains("Payé en espèces");
    assertThat(euros(text, "Total à payer")).isEqualTo(total);
    long funders =
        text.lines().filter(l -> l.startsWith("Payé par ")).mapToLong(l -> lastAmount(l)).sum();
    assertThat(funders + euros(text, "Payé en espèces")).isEqualTo(total);
    assertThat(euros(text, "Reste dû")).isZero();
    assertThat(text).doesNotContain(person);
  }

  private static long euros(String text, String label) {
    return text.lines()
        .filter(l -> l.startsWith(label))
        .findFirst()
        .map(CounterPaymentsIT::lastAmount)
        .orElseThrow(() -> new AssertionError(label + " not in\n" + text));
  }

  /** "Total à payer 123,45 €" → 12345. */
  private static long lastAmount(String line) {
    var m = java.util.regex.Pattern.compile("(\\d[\\d  ]*),(\\d\\d) €\\s*$").matcher(line);
    if (!m.find()) {
      throw new AssertionError("no amount in " + line);
    }
    return Long.parseLong(m.group(1).replaceAll("[^\\d]", "")) * 100 + Long.parseLong(m.group(2));
  }

  @Test
  void vouchersThatMayNotPayAreRefusedAndAReleasedOneIsFreeAgain() {
    int device = laptop(30000);
    String person = person();
    long id = openOrder(person, device);
    String path = "api/v1/orders/" + id + "/vouchers";
    // a pass numérique pays services, not devices
    String pass = scenarios().vouchers("financeur", "PASS_NUMERIQUE", 1000, 1, "80", null).get(0);
    assertProblem(
        counter().post(path, "{\"code\":\"" + pass + "\"}"), 422, "VOUCHER_NOT_APPLICABLE");
    // another territory (the person lives in 80000)
    String paris =
        scenarios().vouchers("financeur", "CHEQUE_EQUIPEMENT", 1000, 1, "75", null).get(0);
    assertProblem(
        counter().post(path, "{\"code\":\"" + paris + "\"}"), 422, "VOUCHER_NOT_APPLICABLE");
    // bound to someone else
    String nominative =
        scenarios().vouchers("financeur", "CHEQUE_EQUIPEMENT", 1000, 1, "80", person()).get(0);
    assertProblem(
        counter().post(path, "{\"code\":\"" + nominative + "\"}"), 422, "VOUCHER_NOT_APPLICABLE");
    // a typo is refused before any lookup; an unknown code is not found
    String good =
        scenarios().vouchers("financeur", "CHEQUE_EQUIPEMENT", 1000, 1, "80", null).get(0);
    String typo = good.substring(0, good.length() - 1) + (good.endsWith("A") ? "B" : "A");
    assertProblem(counter().post(path, "{\"code\":\"" + typo + "\"}"), 400, "MALFORMED_CODE");
    assertProblem(counter().post(path, "{\"code\":\"\"}"), 400, "INVALID_INPUT");
    // held by another order
    long other = openOrder(person(), laptop(30000));
    assertThat(
            counter()
                .post("api/v1/orders/" + other + "/vouchers", "{\"code\":\"" + good + "\"}")
                .status())
        .isEqualTo(200);
    assertProblem(counter().post(path, "{\"code\":\"" + good + "\"}"), 409, "VOUCHER_UNAVAILABLE");
    // released by the other order, it is free for this one
    Api.Answer released = counter().delete("api/v1/orders/" + other + "/vouchers/" + good);
    assertThat(released.status()).as(released.toString()).isEqualTo(200);
    assertThat(released.json().getJsonArray("vouchers")).isEmpty();
    assertThat(voucherStatus(good)).isEqualTo("ISSUED");
    assertThat(counter().post(path, "{\"code\":\"" + good + "\"}").status()).isEqualTo(200);
    assertThat(counter().delete("api/v1/orders/" + other + "/vouchers/" + good).status())
        .isEqualTo(404);
    // none of the refusals took anything
    for (String code : List.of(pass, paris, nominative)) {
      assertThat(voucherStatus(code)).isEqualTo("ISSUED");
    }
    // nothing left to pay on devices: a voucher worth more than the price covers the price only,
    // and a further one is not applicable
    String big =
        scenarios().vouchers("financeur", "CHEQUE_EQUIPEMENT", 100000, 2, "80", null).get(0);
    JsonObject withBig = counter().post(path, "{\"code\":\"" + big + "\"}").json();
    assertThat(cents(withBig, "dueCents")).isZero();
    long applied =
        withBig.getJsonArray("vouchers").getValuesAs(JsonObject.class).stream()
            .mapToLong(v -> cents(v, "appliedCents"))
            .sum();
    assertThat(applied).isEqualTo(cents(withBig, "totalCents"));
    String more = scenarios().vouchers("financeur", "CHEQUE_EQUIPEMENT", 500, 1, "80", null).get(0);
    assertProblem(
        counter().post(path, "{\"code\":\"" + more + "\"}"), 422, "VOUCHER_NOT_APPLICABLE");
  }

  @Test
  void aPassNumeriquePaysTheServicesOfAnOrder() {
    long relay = scenarios().organisationOf("relais");
    JsonObject service =
        counter()
            .get("api/v1/relays/" + relay + "/services")
            .structure()
            .asJsonArray()
            .getJsonObject(0);
    String person = person();
    Api.Answer opened =
        counter()
            .post(
                "api/v1/orders",
                order(
                    person,
                    List.of(),
                    "[{\"serviceId\":" + service.getInt("id") + ",\"quantity\":2}]"));
    assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
    JsonObject line = opened.json().getJsonArray("lines").getJsonObject(0);
    assertThat(line.getString("kind")).isEqualTo("SERVICE");
    assertThat(cents(line, "priceCents")).isEqualTo(2 * cents(service, "priceCents"));
    long id = opened.json().getJsonNumber("id").longValue();
    String pass = scenarios().vouchers("financeur", "PASS_NUMERIQUE", 1000, 1, "80", null).get(0);
    Api.Answer paid =
        counter().post("api/v1/orders/" + id + "/vouchers", "{\"code\":\"" + pass + "\"}");
    assertThat(paid.status()).as(paid.toString()).isEqualTo(200);
    long rest = cents(paid.json(), "dueCents");
    if (rest > 0) {
      assertThat(
              counter()
                  .post(
                      "api/v1/orders/" + id + "/payments",
                      "{\"method\":\"CASH\",\"amountCents\":" + rest + "}")
                  .status())
          .isEqualTo(201);
    }
    assertThat(counter().post("api/v1/orders/" + id + "/completion").json().getString("status"))
        .isEqualTo("PAID");
  }

  // ---- a line taken off an open order ----

  @Test
  void aLineTakenOffAnOpenOrderPutsItsDeviceBackOnSaleAndGivesBackTheVouchersItNeeded() {
    long relay = scenarios().organisationOf("relais");
    JsonObject service =
        counter()
            .get("api/v1/relays/" + relay + "/services")
            .structure()
            .asJsonArray()
            .getJsonObject(0);
    int laptop = laptop(30000);
    int phone = scenarios().availableDevice("donateur", "SMARTPHONE", "relais", 9000);
    String person = person();
    Api.Answer opened =
        counter()
            .post(
                "api/v1/orders",
                order(
                    person,
                    List.of(laptop, phone),
                    "[{\"serviceId\":" + service.getInt("id") + ",\"quantity\":1}]"));
    assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
    long id = opened.json().getJsonNumber("id").longValue();
    String path = "api/v1/orders/" + id;
    String pass = scenarios().vouchers("financeur", "PASS_NUMERIQUE", 1000, 1, "80", null).get(0);
    String cheque =
        scenarios().vouchers("financeur", "CHEQUE_EQUIPEMENT", 1000, 1, "80", null).get(0);
    for (String code : List.of(pass, cheque)) {
      Api.Answer added = counter().post(path + "/vouchers", "{\"code\":\"" + code + "\"}");
      assertThat(added.status()).as(added.toString()).isEqualTo(200);
    }
    // another relay's counter does not find the order; a line that is not there is not found
    assertProblem(Api.as(base, "relais2").delete(path + "/lines/1"), 404, "NOT_FOUND");
    assertProblem(counter().delete(path + "/lines/99"), 404, "NOT_FOUND");

    // the phone goes: it is on sale again, the cheque still pays the laptop
    Api.Answer noPhone = counter().delete(path + "/lines/" + lineOf(opened.json(), phone));
    assertThat(noPhone.status()).as(noPhone.toString()).isEqualTo(200);
    assertThat(noPhone.json().getJsonArray("lines")).hasSize(2);
    assertThat(deviceStatus(phone)).isEqualTo("AVAILABLE");
    assertThat(deviceStatus(laptop)).isEqualTo("RESERVED");
    assertThat(voucherStatus(cheque)).isEqualTo("HELD");

    // the service goes: the pass numérique pays nothing any more and is given back
    int serviceLine =
        noPhone.json().getJsonArray("lines").getValuesAs(JsonObject.class).stream()
            .filter(l -> l.getString("kind").equals("SERVICE"))
            .findFirst()
            .orElseThrow()
            .getInt("lineNumber");
    Api.Answer noService = counter().delete(path + "/lines/" + serviceLine);
    assertThat(noService.status()).as(noService.toString()).isEqualTo(200);
    JsonObject left = noService.json();
    assertThat(left.getJsonArray("vouchers").getValuesAs(JsonObject.class))
        .extracting(v -> v.getString("code"))
        .containsExactly(cheque.replace("-", ""));
    assertThat(voucherStatus(pass)).isEqualTo("ISSUED");
    assertThat(cents(left, "vouchersCents") + cents(left, "dueCents"))
        .isEqualTo(cents(left, "totalCents"));

    // the last line is not taken off: the order is cancelled instead
    assertProblem(counter().delete(path + "/lines/" + lineOf(left, laptop)), 409, "LAST_LINE");
    assertThat(
            counter()
                .post(
                    path + "/payments",
                    "{\"method\":\"CASH\",\"amountCents\":" + cents(left, "dueCents") + "}")
                .status())
        .isEqualTo(201);
    assertThat(counter().post(path + "/completion").json().getString("status")).isEqualTo("PAID");
    assertProblem(counter().delete(path + "/lines/" + lineOf(left, laptop)), 409, "ORDER_NOT_OPEN");
  }

  @Test
  void aLineIsNotTakenOffWhenCashAlreadyPaysMoreThanWouldBeLeft() {
    int laptop = laptop(30000);
    int phone = scenarios().availableDevice("donateur", "SMARTPHONE", "relais", 9000);
    long id = openOrder(person(), laptop, phone);
    String path = "api/v1/orders/" + id;
    JsonObject order = counter().get(path).json();
    assertThat(
            counter()
                .post(
                    path + "/payments",
                    "{\"method\":\"CASH\",\"amountCents\":" + cents(order, "dueCents") + "}")
                .status())
        .isEqualTo(201);
    assertProblem(
        counter().delete(path + "/lines/" + lineOf(order, phone)), 409, "LINE_ALREADY_PAID");
    assertThat(counter().get(path).json().getJsonArray("lines")).hasSize(2);
    assertThat(deviceStatus(phone)).isEqualTo("RESERVED");
  }

  private static int lineOf(JsonObject order, int device) {
    return order.getJsonArray("lines").getValuesAs(JsonObject.class).stream()
        .filter(l -> l.containsKey("deviceId") && !l.isNull("deviceId"))
        .filter(l -> l.getJsonNumber("deviceId").longValue() == device)
        .findFirst()
        .orElseThrow()
        .getInt("lineNumber");
  }

  // ---- the counter's screen, in Chromium ----

  @Test
  void theQuotaIsToldBeforeReservingNotAfter() {
    String person = person();
    String first =
        counter().get("api/v1/devices/" + laptop(20000)).json().getString("serialNumber");
    String second =
        counter().get("api/v1/devices/" + laptop(21000)).json().getString("serialNumber");
    SaleJourney.BeforeReserving one = SaleJourney.scanFor(base, person, first);
    assertThat(one.quotaWarning()).isEmpty();
    assertThat(one.canReserve()).isTrue();
    // two laptops for a quota of one: said on the screen, and "Réserver" is not offered
    SaleJourney.BeforeReserving two = SaleJourney.scanFor(base, person, first, second);
    assertThat(two.quotaWarning())
        .contains("Quota « Ordinateur portable » : 2 scanné(s)")
        .contains("encore 1 pendant la période");
    assertThat(two.canReserve()).isFalse();
    assertThat(two.canReserveWithoutTheLast())
        .as("the second laptop taken off the list: the quota fits again")
        .isTrue();
  }

  @Test
  void aFullSaleWithAVoucherAndCashAtTheCounterScreen() throws Exception {
    int device = laptop(22000);
    String serial = counter().get("api/v1/devices/" + device).json().getString("serialNumber");
    int phone = scenarios().availableDevice("donateur", "SMARTPHONE", "relais", 9000);
    String phoneSerial = counter().get("api/v1/devices/" + phone).json().getString("serialNumber");
    String person = person();
    String code =
        scenarios().vouchers("financeur", "CHEQUE_EQUIPEMENT", 5000, 1, "80", null).get(0);
    SaleJourney.Seen seen =
        SaleJourney.sellWithAVoucherAndCash(base, person, serial, phoneSerial, code);
    assertThat(seen.totalBefore()).isEqualTo(seen.totalAfter());
    assertThat(seen.receiptHref()).contains("/api/v1/orders/").endsWith("/receipt");
    assertThat(deviceStatus(device)).isEqualTo("SOLD");
    assertThat(deviceStatus(phone)).as("the phone taken off the order").isEqualTo("AVAILABLE");
    assertThat(voucherStatus(code)).isEqualTo("REDEEMED");
    String href = seen.receiptHref();
    String receipt =
        Pdfs.text(
            counter().get(href.substring(href.indexOf("api/v1/")), "application/pdf").bytes());
    assertThat(receipt).contains(serial).contains("Payé en espèces");
  }
}
