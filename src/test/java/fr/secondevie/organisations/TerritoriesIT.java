package fr.secondevie.organisations;

import static fr.secondevie.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.devices.DeviceSteps;
import fr.secondevie.testing.Api;
import fr.secondevie.testing.Api.Answer;
import fr.secondevie.testing.Concurrency;
import fr.secondevie.testing.Scenarios;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Territories over HTTP: who reads and creates them, each territory's coordination kept to its own
 * chain, the catalogue and the relays filtered by territory; and the routing of pledged lots to the
 * workshop that fits them, each workshop seeing only its own lots and their devices (the other
 * workshops, the other territory: 404, the same answer as an id that does not exist).
 */
@ResourceLock(Concurrency.SECOND_TERRITORY)
class TerritoriesIT extends DeviceSteps {

  private static final String MISSING = "987654321";

  private final Scenarios given = new Scenarios(base);

  private static String lot(String... categories) {
    return "{\"items\":["
        + java.util.Arrays.stream(categories)
            .map(
                c ->
                    "{\"category\":\""
                        + c
                        + "\",\"quantity\":1,\"description\":\"Lot\",\"unitValueCents\":5000}")
            .collect(Collectors.joining(","))
        + "],\"pickupAddress\":\"1 rue de la Gare\",\"availableFrom\":\"2026-12-01\"}";
  }

  private JsonObject pledged(String donor, String... categories) {
    Answer created = as(donor).post("api/v1/donations", lot(categories));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json();
  }

  /** The ids of the devices on sale the catalogue lists with these filters (first 100). */
  private List<Integer> onSale(String filters) {
    return Api.anonymous(base)
        .get("api/v1/catalogue?size=100&" + filters)
        .json()
        .getJsonArray("items")
        .getValuesAs(JsonObject.class)
        .stream()
        .map(o -> o.getInt("id"))
        .toList();
  }

  private long territoryOf(String user) {
    return as(user).get("api/v1/me").json().getJsonNumber("territoryId").longValue();
  }

  @Test
  void territoriesArePublicAndOnlyTheNationalCoordinationCreatesThem() {
    List<JsonObject> all =
        Api.anonymous(base)
            .get("api/v1/territories")
            .structure()
            .asJsonArray()
            .getValuesAs(JsonObject.class);
    JsonObject hdf =
        all.stream().filter(t -> t.getString("code").equals("HDF")).findFirst().orElseThrow();
    assertThat(hdf.getString("name")).isEqualTo("Hauts-de-France");
    assertThat(hdf.getJsonArray("departments").getValuesAs(v -> v.toString()))
        .containsExactly("\"02\"", "\"59\"", "\"60\"", "\"62\"", "\"80\"");
    assertThat(hdf.getJsonObject("coordination").getString("name")).isEqualTo("Seconde Vie Somme");
    assertThat(all).extracting(t -> t.getString("code")).contains("ARA");
    assertThat(territoryOf("admin")).isEqualTo(hdf.getJsonNumber("id").longValue());
    assertThat(territoryOf("admin2")).isNotEqualTo(territoryOf("admin"));
    assertThat(territoryOf("atelier2")).isEqualTo(territoryOf("admin"));
    assertThat(territoryOf("mairie")).isEqualTo(territoryOf("admin"));
    assertThat(as("national").get("api/v1/me").json().getJsonArray("roles").toString())
        .contains("national");

    Set<String> taken =
        all.stream()
            .flatMap(t -> t.getJsonArray("departments").getValuesAs(v -> v.toString()).stream())
            .map(d -> d.replace("\"", ""))
            .collect(Collectors.toSet());
    String free =
        IntStream.rangeClosed(1, 95)
            .mapToObj(n -> String.format("%02d", n))
            .filter(d -> !d.equals("20") && !taken.contains(d))
            .findFirst()
            .orElseThrow();
    String code = "T" + UUID.randomUUID().toString().replaceAll("[^0-9]", "").substring(0, 5);
    String body =
        "{\"code\":\"" + code + "\",\"name\":\"Essai\",\"departments\":[\"" + free + "\"]}";
    for (String user : List.of("admin", "admin2", "donateur")) {
      assertProblem(as(user).post("api/v1/territories", body), 403, "FORBIDDEN");
    }
    assertThat(Api.anonymous(base).post("api/v1/territories", body).status()).isEqualTo(401);
    Answer created = as("national").post("api/v1/territories", body);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.json().getString("code")).isEqualTo(code);
    assertThat(created.json().containsKey("coordination")).isFalse();
    assertProblem(as("national").post("api/v1/territories", body), 409, "DUPLICATE_TERRITORY");
    assertProblem(
        as("national")
            .post(
                "api/v1/territories",
                "{\"code\":\"X" + code + "\",\"name\":\"Essai\",\"departments\":[\"80\"]}"),
        409,
        "DUPLICATE_TERRITORY");
    assertProblem(
        as("national")
            .post(
                "api/v1/territories",
                "{\"code\":\"Y" + code + "\",\"name\":\"\",\"departments\":[\"8\"]}"),
        400,
        "INVALID_INPUT");
    assertThat(Api.anonymous(base).get("api/v1/territories").body()).doesNotContain("X" + code);
  }

  @Test
  void eachCoordinationSeesAndActsOnItsOwnTerritoryOnly() {
    long relay2 = given.organisationOf("relais2");
    long relay3 = given.organisationOf("relais3");
    JsonObject lot = pledged("donateur", "LAPTOP");
    int donation = lot.getInt("id");

    List<JsonObject> mine =
        as("admin2")
            .get("api/v1/organisations")
            .structure()
            .asJsonArray()
            .getValuesAs(JsonObject.class);
    assertThat(mine).extracting(o -> o.getJsonNumber("id").longValue()).contains(relay3);
    assertThat(mine).extracting(o -> o.getJsonNumber("id").longValue()).doesNotContain(relay2);
    assertThat(mine)
        .allSatisfy(
            o ->
                assertThat(o.getJsonNumber("territoryId").longValue())
                    .isEqualTo(territoryOf("admin2")));
    assertThat(as("national").get("api/v1/organisations").body())
        .contains("\"id\":" + relay2)
        .contains("\"id\":" + relay3);

    for (String path :
        List.of(
            "api/v1/organisations/" + relay2,
            "api/v1/donations/" + donation,
            "api/v1/donations/" + donation + "/trace")) {
      assertProblem(as("admin2").get(path), 404, "NOT_FOUND");
      assertThat(as("admin").get(path).status()).as(path).isEqualTo(200);
    }
    assertProblem(as("admin2").get("api/v1/organisations/" + MISSING), 404, "NOT_FOUND");
    assertThat(ids(as("admin2").get("api/v1/donations"))).doesNotContain(donation);
    assertThat(ids(as("admin").get("api/v1/donations"))).contains(donation);
    assertProblem(
        as("admin2")
            .post(
                "api/v1/organisations/" + relay2 + "/users",
                "{\"username\":\"intrus"
                    + UUID.randomUUID().toString().substring(0, 6)
                    + "\",\"password\":\"un mot de passe\",\"role\":\"counter\"}"),
        404,
        "NOT_FOUND");
    assertProblem(
        as("admin2")
            .post(
                "api/v1/relays/" + relay2 + "/services",
                "{\"name\":\"Intrus\",\"durationMinutes\":60,\"priceCents\":0}"),
        404,
        "NOT_FOUND");
    assertProblem(
        as("admin2")
            .post(
                "api/v1/donations/" + donation + "/assignment",
                "{\"workshopId\":" + given.organisationOf("atelier3") + "}"),
        404,
        "NOT_FOUND");
    // a new organisation of the second coordination belongs to its territory
    Answer registered =
        as("admin2")
            .post(
                "api/v1/organisations",
                "{\"name\":\"Relais numérique Grenoble\",\"kind\":\"RELAY\",\"postalCode\":\"38000\"}");
    assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
    assertThat(registered.json().getJsonNumber("territoryId").longValue())
        .isEqualTo(territoryOf("admin2"));
  }

  @Test
  void theCatalogueAndTheRelaysFilterByTerritory() {
    long relay3 = given.organisationOf("relais3");
    long relay = given.organisationOf("relais");
    int device = given.availableDevice("donateur3", "LAPTOP", "relais3", 11_000);
    assertThat(onSale("territory=ARA")).contains(device);
    assertThat(onSale("territory=HDF")).doesNotContain(device);
    assertThat(onSale("territory=" + territoryOf("admin2"))).contains(device);
    assertThat(onSale("territory=ara&category=LAPTOP")).contains(device);
    assertProblem(Api.anonymous(base).get("api/v1/catalogue?territory=ZZZ"), 404, "NOT_FOUND");
    assertProblem(
        Api.anonymous(base).get("api/v1/catalogue?territory=%3Cb%3E"), 400, "INVALID_INPUT");

    assertThat(ids(Api.anonymous(base).get("api/v1/relays?territory=ARA")))
        .contains((int) relay3)
        .doesNotContain((int) relay);
    assertThat(ids(Api.anonymous(base).get("api/v1/relays"))).contains((int) relay3, (int) relay);
    // a visitor of Lyon finds the relays of the Rhône, whatever the territory chosen
    assertThat(ids(Api.anonymous(base).get("api/v1/relays?cp=69008&territory=HDF")))
        .contains((int) relay3)
        .doesNotContain((int) relay);
    assertProblem(Api.anonymous(base).get("api/v1/relays?cp=6900"), 400, "INVALID_INPUT");
  }

  @Test
  void aLotGoesToTheWorkshopThatFitsItAndNoOtherSeesIt() {
    JsonObject laptops = pledged("donateur", "LAPTOP", "SMARTPHONE");
    JsonObject phones = pledged("mairie", "SMARTPHONE", "TABLET");
    JsonObject lyon = pledged("donateur3", "SMARTPHONE");
    assertThat(laptops.getJsonObject("workshop").getJsonNumber("id").longValue())
        .isEqualTo(given.organisationOf("atelier"));
    assertThat(phones.getJsonObject("workshop").getJsonNumber("id").longValue())
        .isEqualTo(given.organisationOf("atelier2"));
    assertThat(phones.getJsonObject("workshop").getString("name"))
        .isEqualTo("Tech Solidaire Lille");
    assertThat(phones.getBoolean("publicOrigin")).isTrue();
    assertThat(lyon.getJsonObject("workshop").getJsonNumber("id").longValue())
        .isEqualTo(given.organisationOf("atelier3"));
    int laptopLot = laptops.getInt("id");
    int phoneLot = phones.getInt("id");

    // the donor sees which workshop has its lot
    assertThat(
            as("mairie")
                .get("api/v1/donations/" + phoneLot)
                .json()
                .getJsonObject("workshop")
                .getString("name"))
        .isEqualTo("Tech Solidaire Lille");

    assertThat(ids(as("atelier2").get("api/v1/donations")))
        .contains(phoneLot)
        .doesNotContain(laptopLot);
    assertThat(ids(as("atelier").get("api/v1/donations")))
        .contains(laptopLot)
        .doesNotContain(phoneLot);
    assertThat(ids(as("atelier3").get("api/v1/donations")))
        .doesNotContain(laptopLot, phoneLot)
        .contains(lyon.getInt("id"));
    for (String other : List.of("atelier2", "atelier3")) {
      assertProblem(as(other).get("api/v1/donations/" + laptopLot), 404, "NOT_FOUND");
      assertProblem(
          as(other).post("api/v1/donations/" + laptopLot + "/reception"), 404, "NOT_FOUND");
      assertProblem(as(other).post("api/v1/donations/" + MISSING + "/reception"), 404, "NOT_FOUND");
    }
    assertThat(as("atelier").post("api/v1/donations/" + laptopLot + "/reception").status())
        .isEqualTo(200);
    int device = deviceOf(laptopLot, "LAPTOP");
    for (String other : List.of("atelier2", "atelier3")) {
      assertProblem(
          as(other)
              .post(
                  "api/v1/donations/" + laptopLot + "/devices",
                  "{\"serialNumber\":\"" + serial() + "\",\"category\":\"LAPTOP\"}"),
          404,
          "NOT_FOUND");
      assertProblem(as(other).get("api/v1/donations/" + laptopLot + "/devices"), 404, "NOT_FOUND");
      assertProblem(
          as(other)
              .post(
                  "api/v1/devices/" + device + "/refurbishment",
                  refurbishment(relayId(), erasure("C-" + serial()), true)),
          404,
          "NOT_FOUND");
      assertProblem(
          as(other)
              .post("api/v1/devices/" + device + "/recycling", "{\"reason\":\"Hors service\"}"),
          404,
          "NOT_FOUND");
      assertProblem(
          as(other).delete("api/v1/devices/" + device + "?reason=doublon"), 404, "NOT_FOUND");
    }
    // a workshop puts devices on sale at its own territory's relays only
    Answer elsewhere =
        as("atelier")
            .post(
                "api/v1/devices/" + device + "/refurbishment",
                refurbishment(given.organisationOf("relais3"), erasure("C-" + serial()), true));
    assertThat(elsewhere.status()).as(elsewhere.toString()).isBetween(400, 499);
    Answer refurbished =
        as("atelier")
            .post(
                "api/v1/devices/" + device + "/refurbishment",
                refurbishment(relayId(), erasure("C-" + serial()), true));
    assertThat(refurbished.status()).as(refurbished.toString()).isEqualTo(200);
  }

  @Test
  void aLotNoWorkshopFitsWaitsForItsCoordination() {
    long workshop = given.organisationOf("atelier3");
    String profile = "api/v1/organisations/" + workshop + "/workshop-profile";
    String all =
        "{\"categories\":[\"LAPTOP\",\"DESKTOP\",\"TABLET\",\"SMARTPHONE\",\"SCREEN\"],"
            + "\"monthlyCapacity\":200}";
    assertProblem(
        as("atelier").send("PUT", profile, "application/json", "{\"categories\":[\"LAPTOP\"]}"),
        404,
        "NOT_FOUND");
    assertProblem(
        as("admin").send("PUT", profile, "application/json", "{\"categories\":[\"LAPTOP\"]}"),
        404,
        "NOT_FOUND");
    assertProblem(
        as("atelier3").send("PUT", profile, "application/json", "{\"categories\":[]}"),
        400,
        "INVALID_INPUT");
    Answer narrowed =
        as("atelier3")
            .send(
                "PUT",
                profile,
                "application/json",
                "{\"categories\":[\"LAPTOP\"],\"monthlyCapacity\":40}");
    assertThat(narrowed.status()).as(narrowed.toString()).isEqualTo(200);
    assertThat(narrowed.json().getJsonArray("categories").toString()).isEqualTo("[\"LAPTOP\"]");
    try {
      JsonObject screens = pledged("donateur3", "SCREEN");
      assertThat(screens.isNull("workshop")).as(screens.toString()).isTrue();
      int lot = screens.getInt("id");
      assertThat(ids(as("admin2").get("api/v1/donations/unassigned"))).contains(lot);
      assertThat(ids(as("admin").get("api/v1/donations/unassigned"))).doesNotContain(lot);
      assertProblem(
          as("atelier3").post("api/v1/donations/" + lot + "/reception"), 404, "NOT_FOUND");
      assertProblem(
          as("admin2")
              .post(
                  "api/v1/donations/" + lot + "/assignment",
                  "{\"workshopId\":" + given.organisationOf("atelier") + "}"),
          404,
          "NOT_FOUND");
      assertProblem(
          as("atelier3")
              .post("api/v1/donations/" + lot + "/assignment", "{\"workshopId\":" + workshop + "}"),
          403,
          "FORBIDDEN");
      Answer assigned =
          as("admin2")
              .post("api/v1/donations/" + lot + "/assignment", "{\"workshopId\":" + workshop + "}");
      assertThat(assigned.status()).as(assigned.toString()).isEqualTo(200);
      assertThat(assigned.json().getJsonObject("workshop").getJsonNumber("id").longValue())
          .isEqualTo(workshop);
      assertThat(ids(as("admin2").get("api/v1/donations/unassigned"))).doesNotContain(lot);
      assertThat(as("atelier3").post("api/v1/donations/" + lot + "/reception").status())
          .isEqualTo(200);
      assertProblem(
          as("admin2")
              .post("api/v1/donations/" + lot + "/assignment", "{\"workshopId\":" + workshop + "}"),
          409,
          "DONATION_ALREADY_RECEIVED");
    } finally {
      assertThat(as("admin2").send("PUT", profile, "application/json", all).status())
          .isEqualTo(200);
    }
  }
}
