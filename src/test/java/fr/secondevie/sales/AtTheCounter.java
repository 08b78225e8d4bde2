package fr.secondevie.sales;

import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.testing.Api;
import fr.secondevie.testing.Scenarios;
import fr.secondevie.testing.Server;
import jakarta.json.JsonObject;
import java.net.URL;
import java.util.List;

/**
 * What the sales tests share: the demo relay's counter calling the API of the shared server, and
 * the situations a sale starts from (a laptop on sale at the relay, an eligible person). Each test
 * builds its own devices, people and vouchers, so it passes alone.
 */
abstract class AtTheCounter {

  final URL base = Server.shared();

  Api counter() {
    return Api.as(base, "relais");
  }

  Scenarios scenarios() {
    return new Scenarios(base);
  }

  /** A laptop donated, refurbished and on sale at the demo relay at that list price. */
  int laptop(long listCents) {
    return scenarios().availableDevice("donateur", "LAPTOP", "relais", listCents);
  }

  /** A person of the demo social structure, eligible on the RSA. */
  String person() {
    return scenarios().eligibleBeneficiary("RSA");
  }

  static String order(String beneficiary, List<Integer> devices, String services) {
    return "{\"beneficiaryId\":\""
        + beneficiary
        + "\",\"deviceIds\":"
        + devices
        + (services == null ? "" : ",\"services\":" + services)
        + "}";
  }

  Api.Answer open(String beneficiary, Integer... devices) {
    return counter().post("api/v1/orders", order(beneficiary, List.of(devices), null));
  }

  long openOrder(String beneficiary, Integer... devices) {
    Api.Answer opened = open(beneficiary, devices);
    assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
    return opened.json().getJsonNumber("id").longValue();
  }

  String deviceStatus(int deviceId) {
    return counter().get("api/v1/devices/" + deviceId).json().getString("status");
  }

  String voucherStatus(String code) {
    return counter().get("api/v1/vouchers/" + code).json().getString("status");
  }

  static long cents(JsonObject json, String field) {
    return json.getJsonNumber(field).longValue();
  }
}
