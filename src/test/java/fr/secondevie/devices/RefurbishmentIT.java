package fr.secondevie.devices;

import static fr.secondevie.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.testing.Api;
import fr.secondevie.testing.Api.Answer;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * A device's life in the workshop over HTTP: intake with unique serials, erasure and tests before
 * any sale, recycling, the trace of each device's fate (JSON and CSV), the erasure certificate, and
 * a public body's devices marked.
 */
class RefurbishmentIT extends DeviceSteps {

  // ---- devices --------------------------------------------------------------------------------

  @Test
  void intakeRegistersDevicesAndRefusesDuplicateSerials() {
    int donation = receivedDonation("donateur");
    String serial = serial();
    Answer created = register(donation, serial.toLowerCase(), "LAPTOP");
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.json().getString("status")).isEqualTo("RECEIVED");
    assertThat(created.json().getString("serialNumber")).isEqualTo(serial);
    assertThat(created.header("Location")).get().asString().contains("/api/v1/devices/");

    Answer duplicate = register(donation, "  " + serial + " ", "LAPTOP");
    assertThat(duplicate.status()).isEqualTo(409);
    assertThat(duplicate.json().getString("code")).isEqualTo("DUPLICATE_SERIAL");

    int other = receivedDonation("donateur2");
    assertThat(register(other, serial, "LAPTOP").json().getString("code"))
        .isEqualTo("DUPLICATE_SERIAL");

    Answer bad =
        as("atelier")
            .post(
                "api/v1/donations/" + donation + "/devices",
                "{\"serialNumber\":\"\",\"category\":\"LAPTOP\"}");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().getJsonArray("errors").getJsonObject(0).getString("field"))
        .isEqualTo("serialNumber");
    assertThat(as("donateur").post("api/v1/donations/" + donation + "/devices", "{}").status())
        .isEqualTo(403);
    assertThat(as("atelier").get("api/v1/donations/" + donation + "/devices").structure())
        .asString()
        .contains(serial);
  }

  @Test
  void noErasureNoSaleAndNoPassedTestsNoSale() {
    int device = newDevice("donateur", "LAPTOP");
    Answer noErasure =
        as("atelier")
            .post(
                "api/v1/devices/" + device + "/refurbishment",
                refurbishment(relayId(), null, true));
    assertThat(noErasure.status()).isEqualTo(422);
    assertThat(noErasure.json().getString("code")).isEqualTo("ERASURE_REQUIRED");

    Answer incomplete =
        as("atelier")
            .post(
                "api/v1/devices/" + device + "/refurbishment",
                refurbishment(relayId(), "{\"method\":\"PURGE\",\"tool\":\"nwipe\"}", true));
    assertThat(incomplete.json().getString("code")).isEqualTo("ERASURE_REQUIRED");

    Answer failed =
        as("atelier")
            .post(
                "api/v1/devices/" + device + "/refurbishment",
                refurbishment(relayId(), erasure("CERT-" + UUID.randomUUID()), false));
    assertThat(failed.status()).isEqualTo(422);
    assertThat(failed.json().getString("code")).isEqualTo("TESTS_NOT_PASSED");
    assertThat(Api.anonymous(base).get("api/v1/devices/" + device).status()).isEqualTo(404);
  }

  @Test
  void badRefurbishmentInputIs400() {
    int device = newDevice("donateur", "LAPTOP");
    Answer answer =
        as("atelier")
            .post(
                "api/v1/devices/" + device + "/refurbishment",
                "{\"grade\":\"Z\",\"relayId\":1,\"listPriceCents\":100}");
    assertThat(answer.status()).isEqualTo(400);
    Answer battery =
        as("atelier")
            .post(
                "api/v1/devices/" + device + "/refurbishment",
                "{\"grade\":\"A\",\"batteryHealthPercent\":140,\"relayId\":1,"
                    + "\"listPriceCents\":-5}");
    assertThat(battery.status()).isEqualTo(400);
    assertThat(battery.json().getJsonArray("errors").getValuesAs(JsonObject.class))
        .extracting(e -> e.getString("field"))
        .containsExactly("batteryHealthPercent", "listPriceCents");
    Answer date =
        as("atelier")
            .post(
                "api/v1/devices/" + device + "/refurbishment",
                refurbishment(
                    relayId(),
                    "{\"method\":\"PURGE\",\"tool\":\"t\",\"certificateId\":\"c\","
                        + "\"erasedAt\":\"hier\"}",
                    true));
    assertThat(date.status()).isEqualTo(400);
    assertThat(date.json().getJsonArray("errors").getJsonObject(0).getString("field"))
        .isEqualTo("erasure.erasedAt");
  }

  @Test
  void aDeviceRegisteredByMistakeIsDeletedNotRecycledAndOnlyBeforeRefurbishment() {
    int device = newDevice("donateur", "SCREEN");
    assertThat(as("relais").delete("api/v1/devices/" + device + "?reason=doublon").status())
        .isEqualTo(403);
    assertProblem(as("atelier").delete("api/v1/devices/" + device), 400, "INVALID_INPUT");
    Answer deleted =
        as("atelier").delete("api/v1/devices/" + device + "?reason=Scann%C3%A9+deux+fois");
    assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
    assertThat(as("atelier").get("api/v1/devices/" + device).status()).isEqualTo(404);
    assertThat(as("atelier").delete("api/v1/devices/" + device + "?reason=encore").status())
        .isEqualTo(404);

    int refurbished = newDevice("donateur", "LAPTOP");
    as("atelier")
        .post(
            "api/v1/devices/" + refurbished + "/refurbishment",
            refurbishment(relayId(), erasure("C-" + UUID.randomUUID()), true));
    assertProblem(
        as("atelier").delete("api/v1/devices/" + refurbished + "?reason=doublon"),
        409,
        "NOT_A_MISSCAN");
    assertThat(as("atelier").get("api/v1/devices/" + refurbished).status()).isEqualTo(200);
  }

  @Test
  void aDeviceOnSaleIsRepricedOrWithdrawnBackToTheWorkshop() {
    int device = newDevice("donateur", "LAPTOP");
    as("atelier")
        .post(
            "api/v1/devices/" + device + "/refurbishment",
            refurbishment(relayId(), erasure("C-" + UUID.randomUUID()), true));
    Answer repriced = listPrice(device, 12345);
    assertThat(repriced.status()).as(repriced.toString()).isEqualTo(200);
    assertThat(as("atelier").get("api/v1/devices/" + device).json().getInt("listPriceCents"))
        .isEqualTo(12345);
    assertProblem(listPrice(device, -1), 400, "INVALID_INPUT");

    String reason = "{\"reason\":\"Clavier défectueux\"}";
    assertThat(as("relais").post("api/v1/devices/" + device + "/withdrawal", reason).status())
        .isEqualTo(403);
    Answer withdrawn = as("atelier").post("api/v1/devices/" + device + "/withdrawal", reason);
    assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(200);
    assertThat(withdrawn.json().getString("status")).isEqualTo("RECEIVED");
    Answer again = as("atelier").post("api/v1/devices/" + device + "/withdrawal", reason);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().getString("status")).isEqualTo("RECEIVED");
    assertProblem(listPrice(device, 100), 409, "ILLEGAL_TRANSITION");
    // back at the workshop: it can be put on sale again
    Answer resold =
        as("atelier")
            .post(
                "api/v1/devices/" + device + "/refurbishment",
                refurbishment(relayId(), erasure("C-" + UUID.randomUUID()), true));
    assertThat(resold.status()).as(resold.toString()).isEqualTo(200);
  }

  private Answer listPrice(int device, long cents) {
    return as("atelier")
        .send(
            "PUT",
            "api/v1/devices/" + device + "/list-price",
            "application/json",
            "{\"listPriceCents\":" + cents + "}");
  }

  @Test
  void recyclingEndsTheLifeCycle() {
    int device = newDevice("donateur", "SCREEN");
    Answer recycled =
        as("atelier")
            .post("api/v1/devices/" + device + "/recycling", "{\"reason\":\"Dalle fissurée\"}");
    assertThat(recycled.status()).as(recycled.toString()).isEqualTo(200);
    assertThat(recycled.json().getString("status")).isEqualTo("RECYCLED");
    assertThat(
            as("atelier")
                .post("api/v1/devices/" + device + "/recycling", "{\"reason\":\"encore\"}")
                .json()
                .getString("status"))
        .isEqualTo("RECYCLED");
    Answer refurbish =
        as("atelier")
            .post(
                "api/v1/devices/" + device + "/refurbishment",
                refurbishment(relayId(), erasure("C-" + UUID.randomUUID()), true));
    assertThat(refurbish.status()).isEqualTo(409);
    assertThat(refurbish.json().getString("code")).isEqualTo("ILLEGAL_TRANSITION");
    assertThat(
            as("atelier")
                .post("api/v1/devices/" + device + "/recycling", "{\"reason\":\"\"}")
                .status())
        .isEqualTo(400);
    assertThat(
            as("relais")
                .post("api/v1/devices/" + device + "/recycling", "{\"reason\":\"x\"}")
                .status())
        .isEqualTo(403);
  }

  @Test
  void theTraceTellsTheFateOfEachDeviceInJsonAndCsv() {
    int donation = receivedDonation("donateur");
    int sold = deviceOf(donation, "LAPTOP");
    String certificate = "CERT-" + UUID.randomUUID();
    as("atelier")
        .post(
            "api/v1/devices/" + sold + "/refurbishment",
            refurbishment(relayId(), erasure(certificate), true));
    int recycled = deviceOf(donation, "SMARTPHONE");
    as("atelier").post("api/v1/devices/" + recycled + "/recycling", "{\"reason\":\"HS\"}");
    deviceOf(donation, "SMARTPHONE");

    Answer trace = as("donateur").get("api/v1/donations/" + donation + "/trace");
    assertThat(trace.status()).as(trace.toString()).isEqualTo(200);
    JsonObject summary = trace.json().getJsonObject("summary");
    assertThat(summary.getInt("received")).isEqualTo(3);
    assertThat(summary.getInt("available")).isEqualTo(1);
    assertThat(summary.getInt("sold")).isZero();
    assertThat(summary.getInt("recycled")).isEqualTo(1);
    List<JsonObject> devices = trace.json().getJsonArray("devices").getValuesAs(JsonObject.class);
    assertThat(devices).hasSize(3);
    assertThat(devices)
        .anySatisfy(d -> assertThat(d.getString("erasureCertificateId")).isEqualTo(certificate));
    assertThat(trace.body()).doesNotContain("buyer").doesNotContain("beneficiary");

    Answer csv = csv("donateur", "api/v1/donations/" + donation + "/trace");
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.header("Content-Type")).get().asString().startsWith("text/csv");
    String[] lines = csv.body().split("\r\n");
    assertThat(lines[0])
        .isEqualTo(
            "serial_number,category,status,erasure_certificate_id,erased_at,sold_at,recycled_at");
    assertThat(lines).hasSize(4);
    assertThat(csv.body()).contains(certificate).contains("RECYCLED");

    assertThat(as("admin").get("api/v1/donations/" + donation + "/trace").status()).isEqualTo(200);
    assertThat(as("atelier").get("api/v1/donations/" + donation + "/trace").status())
        .isEqualTo(403);
  }

  @Test
  void theErasureCertificateIsAPdfForTheDonorOfOriginOnly() throws IOException {
    int donation = receivedDonation("donateur");
    int device = deviceOf(donation, "LAPTOP");
    String certificate = "CERT-" + UUID.randomUUID();
    as("atelier")
        .post(
            "api/v1/devices/" + device + "/refurbishment",
            refurbishment(relayId(), erasure(certificate), true));
    String serial = as("atelier").get("api/v1/devices/" + device).json().getString("serialNumber");

    Answer pdf =
        as("donateur").get("api/v1/devices/" + device + "/erasure-certificate", "application/pdf");
    assertThat(pdf.status()).as(pdf.toString()).isEqualTo(200);
    assertThat(pdf.header("Content-Type")).get().asString().startsWith("application/pdf");
    try (PDDocument doc = Loader.loadPDF(pdf.bytes())) {
      String text = new PDFTextStripper().getText(doc);
      assertThat(text)
          .contains(serial)
          .contains(certificate)
          .contains("Méthode (NIST SP 800-88) : Effacement renforcé (NIST Purge)")
          .contains("Appareil : Ordinateur portable")
          .contains("Date : 20 novembre 2026 à 10 h 15")
          .doesNotContain("PURGE")
          .doesNotContain("LAPTOP");
      assertThat(text).contains("Atelier Réemploi Picard").contains("effacement");
    }
    assertThat(
            as("atelier")
                .get("api/v1/devices/" + device + "/erasure-certificate", "application/pdf")
                .status())
        .isEqualTo(200);
    assertThat(
            as("admin")
                .get("api/v1/devices/" + device + "/erasure-certificate", "application/pdf")
                .status())
        .isEqualTo(200);
    assertThat(
            as("donateur2")
                .get("api/v1/devices/" + device + "/erasure-certificate", "application/pdf")
                .status())
        .isEqualTo(404);
    assertThat(
            as("relais")
                .get("api/v1/devices/" + device + "/erasure-certificate", "application/pdf")
                .status())
        .isEqualTo(403);
    int notErased = deviceOf(donation, "TABLET");
    assertThat(
            as("donateur")
                .get("api/v1/devices/" + notErased + "/erasure-certificate", "application/pdf")
                .status())
        .isEqualTo(404);
  }

  @Test
  void aPublicBodysDonationAndDevicesAreMarked() {
    Api admin = as("admin");
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    int body =
        admin
            .post(
                "api/v1/organisations",
                "{\"name\":\"Mairie " + suffix + "\",\"kind\":\"AUTHORITY\",\"publicBody\":true}")
            .json()
            .getInt("id");
    String user = "mairie" + suffix;
    assertThat(
            admin
                .post(
                    "api/v1/organisations/" + body + "/users",
                    "{\"username\":\""
                        + user
                        + "\",\"password\":\"un mot de passe solide\",\"role\":\"donor\"}")
                .status())
        .isEqualTo(201);
    Api mairie = Api.anonymous(base).withCredentials(user, "un mot de passe solide");
    Answer pledged = mairie.post("api/v1/donations", PLEDGE);
    assertThat(pledged.json().getBoolean("publicOrigin")).isTrue();
    int donation = pledged.json().getInt("id");
    as("atelier").post("api/v1/donations/" + donation + "/reception");
    Answer device = register(donation, serial(), "TABLET");
    assertThat(device.json().getBoolean("publicOrigin")).isTrue();
    Answer privateDevice = register(receivedDonation("donateur"), serial(), "TABLET");
    assertThat(privateDevice.json().getBoolean("publicOrigin")).isFalse();
  }
}
