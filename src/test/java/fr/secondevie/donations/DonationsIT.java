package fr.secondevie.donations;

import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.devices.DeviceSteps;
import fr.secondevie.testing.Api;
import fr.secondevie.testing.Api.Answer;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * Donations over HTTP: a company pledges, only its own donations are found, a workshop receives
 * them; bad pledges are refused field by field.
 */
class DonationsIT extends DeviceSteps {

  @Test
  void aDonorPledgesAndSeesItsDonation() {
    Answer created = as("donateur").post("api/v1/donations", PLEDGE);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.header("Location")).get().asString().contains("/api/v1/donations/");
    JsonObject donation = created.json();
    assertThat(donation.getString("status")).isEqualTo("PLEDGED");
    assertThat(donation.getJsonNumber("totalValueCents").longValue()).isEqualTo(46000);
    assertThat(donation.getJsonArray("items")).hasSize(2);
    assertThat(donation.getBoolean("publicOrigin")).isFalse();
    int id = donation.getInt("id");

    assertThat(as("donateur").get("api/v1/donations/" + id).json().getString("status"))
        .isEqualTo("PLEDGED");
    assertThat(ids(as("donateur").get("api/v1/donations"))).contains(id);
    assertThat(ids(as("atelier").get("api/v1/donations?status=PLEDGED"))).contains(id);
    assertThat(as("admin").get("api/v1/donations/" + id).status()).isEqualTo(200);
  }

  @Test
  void anotherCompanysDonationIsNotFound() {
    int id = pledge("donateur");
    Answer other = as("donateur2").get("api/v1/donations/" + id);
    assertThat(other.status()).isEqualTo(404);
    assertThat(other.json().getString("code")).isEqualTo("NOT_FOUND");
    assertThat(ids(as("donateur2").get("api/v1/donations"))).doesNotContain(id);
    assertThat(as("donateur2").get("api/v1/donations/" + id + "/trace").status()).isEqualTo(404);
  }

  @Test
  void onlyDonorsPledgeAndOnlyRefurbishersReceive() {
    assertThat(as("relais").post("api/v1/donations", PLEDGE).status()).isEqualTo(403);
    assertThat(Api.anonymous(base).post("api/v1/donations", PLEDGE).status()).isEqualTo(401);
    int id = pledge("donateur");
    assertThat(as("donateur").post("api/v1/donations/" + id + "/reception").status())
        .isEqualTo(403);
    assertThat(as("relais").get("api/v1/donations").status()).isEqualTo(403);
  }

  @Test
  void badPledgesAre400WithTheFields() {
    Answer answer =
        as("donateur")
            .post(
                "api/v1/donations",
                "{\"items\":[{\"category\":\"LAPTOP\",\"quantity\":0,\"unitValueCents\":-1}],"
                    + "\"pickupAddress\":\"\",\"availableFrom\":\"2026-12-01\"}");
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().getString("code")).isEqualTo("INVALID_INPUT");
    assertThat(answer.json().getJsonArray("errors").getValuesAs(JsonObject.class))
        .extracting(e -> e.getString("field"))
        .contains("items[0].quantity", "items[0].unitValueCents", "pickupAddress");

    Answer category =
        as("donateur").post("api/v1/donations", PLEDGE.replace("\"SMARTPHONE\"", "\"PRINTER\""));
    assertThat(category.status()).isEqualTo(400);
    Answer empty =
        as("donateur")
            .post(
                "api/v1/donations",
                "{\"items\":[],\"pickupAddress\":\"x\",\"availableFrom\":\"2026-12-01\"}");
    assertThat(empty.status()).isEqualTo(400);
  }

  @Test
  void receptionIsIdempotentAndIntakeNeedsAReceivedDonation() {
    int id = pledge("donateur");
    Answer early = register(id, serial(), "LAPTOP");
    assertThat(early.status()).isEqualTo(422);
    assertThat(early.json().getString("code")).isEqualTo("DONATION_NOT_RECEIVED");

    Answer received = as("atelier").post("api/v1/donations/" + id + "/reception");
    assertThat(received.status()).as(received.toString()).isEqualTo(200);
    assertThat(received.json().getString("status")).isEqualTo("RECEIVED");
    Answer again = as("atelier").post("api/v1/donations/" + id + "/reception");
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().getString("receivedAt"))
        .startsWith(received.json().getString("receivedAt").substring(0, 19));
    assertThat(as("atelier").post("api/v1/donations/987654321/reception").status()).isEqualTo(404);
  }
}
