package fr.secondevie.devices;

import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.testing.Api;
import fr.secondevie.testing.Api.Answer;
import fr.secondevie.testing.Server;
import jakarta.json.JsonObject;
import java.net.URL;
import java.util.List;
import java.util.UUID;

/**
 * The steps of the chain that device tests start from, over the API of the shared server: a pledge
 * of the demo donor, its reception by the demo workshop, devices registered with unique serial
 * numbers, refurbishment bodies. Tests build their own donations and devices, so they pass alone
 * and on a database that earlier runs filled.
 */
public abstract class DeviceSteps {

  protected final URL base = Server.shared();

  protected static final String PLEDGE =
      "{\"items\":[{\"category\":\"LAPTOP\",\"quantity\":3,\"description\":\"Portables\","
          + "\"unitValueCents\":12000},{\"category\":\"SMARTPHONE\",\"quantity\":2,"
          + "\"unitValueCents\":5000}],\"pickupAddress\":\"40 rue Delpech, Amiens\","
          + "\"availableFrom\":\"2026-12-01\"}";

  protected Api as(String user) {
    return Api.as(base, user);
  }

  protected int pledge(String donor) {
    Answer created = as(donor).post("api/v1/donations", PLEDGE);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().getInt("id");
  }

  protected int receivedDonation(String donor) {
    int id = pledge(donor);
    assertThat(as("atelier").post("api/v1/donations/" + id + "/reception").status()).isEqualTo(200);
    return id;
  }

  protected Answer register(int donation, String serial, String category) {
    return as("atelier")
        .post(
            "api/v1/donations/" + donation + "/devices",
            "{\"serialNumber\":\""
                + serial
                + "\",\"category\":\""
                + category
                + "\",\"brand\":\"Asus\",\"model\":\"ZenBook 14\"}");
  }

  protected int deviceOf(int donation, String category) {
    Answer created = register(donation, serial(), category);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().getInt("id");
  }

  protected int newDevice(String donor, String category) {
    return deviceOf(receivedDonation(donor), category);
  }

  protected long relayId() {
    return as("relais")
        .get("api/v1/me")
        .json()
        .getJsonObject("organisation")
        .getJsonNumber("id")
        .longValue();
  }

  protected static String serial() {
    return "SN" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase();
  }

  protected static String erasure(String certificate) {
    return "{\"method\":\"PURGE\",\"tool\":\"Blancco Drive Eraser 7\",\"certificateId\":\""
        + certificate
        + "\",\"erasedAt\":\"2026-11-20T10:15:00\"}";
  }

  protected static String refurbishment(long relay, String erasure, boolean testsPassed) {
    return "{\"grade\":\"B\",\"batteryHealthPercent\":88,\"specs\":{\"cpu\":\"Intel Core i5\","
        + "\"ramGb\":8,\"storageGb\":256,\"screenInches\":14.0,\"os\":\"Ubuntu 24.04\"},"
        + (erasure == null ? "" : "\"erasure\":" + erasure + ",")
        + "\"functionalTestsPassed\":"
        + testsPassed
        + ",\"relayId\":"
        + relay
        + ",\"listPriceCents\":12900}";
  }

  /** A GET that accepts CSV only. */
  protected Answer csv(String user, String path) {
    return as(user).get(path, "text/csv");
  }

  protected static List<Integer> ids(Answer list) {
    return list.structure().asJsonArray().getValuesAs(JsonObject.class).stream()
        .map(o -> o.getInt("id"))
        .toList();
  }
}
