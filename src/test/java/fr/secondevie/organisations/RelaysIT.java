package fr.secondevie.organisations;

import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.devices.DeviceSteps;
import fr.secondevie.testing.Api;
import fr.secondevie.testing.Api.Answer;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Relays and their mediation services over HTTP: public, and a counter adds services to its own
 * relay only; the endpoints are described in OpenAPI.
 */
class RelaysIT extends DeviceSteps {

  // ---- relays -----------------------------------------------------------------------------------

  @Test
  void relaysAndTheirServicesArePublicAndACounterAddsToItsOwnRelay() {
    List<JsonObject> relays =
        Api.anonymous(base)
            .get("api/v1/relays")
            .structure()
            .asJsonArray()
            .getValuesAs(JsonObject.class);
    assertThat(relays).isNotEmpty();
    assertThat(relays)
        .filteredOn(r -> r.getString("name").startsWith("Relais numérique A"))
        .as("the demo relays show their opening hours")
        .hasSizeGreaterThanOrEqualTo(2)
        .allSatisfy(r -> assertThat(r.containsKey("openingHours")).isTrue());
    JsonObject me = as("relais").get("api/v1/me").json();
    long own = me.getJsonObject("organisation").getJsonNumber("id").longValue();
    long other =
        as("relais2")
            .get("api/v1/me")
            .json()
            .getJsonObject("organisation")
            .getJsonNumber("id")
            .longValue();
    assertThat(relays).extracting(r -> r.getJsonNumber("id").longValue()).contains(own, other);

    String name = "Atelier smartphone " + UUID.randomUUID().toString().substring(0, 6);
    Answer added =
        as("relais")
            .post(
                "api/v1/relays/" + own + "/services",
                "{\"name\":\"" + name + "\",\"durationMinutes\":90,\"priceCents\":1000}");
    assertThat(added.status()).as(added.toString()).isEqualTo(201);
    assertThat(added.json().getInt("durationMinutes")).isEqualTo(90);
    assertThat(Api.anonymous(base).get("api/v1/relays/" + own + "/services").body()).contains(name);

    assertThat(
            as("relais")
                .post(
                    "api/v1/relays/" + other + "/services",
                    "{\"name\":\"x\",\"durationMinutes\":90,\"priceCents\":1000}")
                .status())
        .isEqualTo(403);
    assertThat(
            as("admin")
                .post(
                    "api/v1/relays/" + other + "/services",
                    "{\"name\":\"Aide CAF\",\"durationMinutes\":60,\"priceCents\":0}")
                .status())
        .isEqualTo(201);
    assertThat(
            as("relais")
                .post(
                    "api/v1/relays/" + own + "/services",
                    "{\"name\":\"\",\"durationMinutes\":0,\"priceCents\":1000}")
                .status())
        .isEqualTo(400);
    assertThat(as("donateur").post("api/v1/relays/" + own + "/services", "{}").status())
        .isEqualTo(403);
    assertThat(Api.anonymous(base).get("api/v1/relays/987654321/services").status()).isEqualTo(404);
  }

  @Test
  void theEndpointsAreInOpenApi() {
    Answer openapi = Api.anonymous(base).get("/openapi");
    assertThat(openapi.body())
        .contains("/api/v1/catalogue")
        .contains("/api/v1/devices/{id}/refurbishment")
        .contains("/api/v1/relays/{id}/services");
  }
}
