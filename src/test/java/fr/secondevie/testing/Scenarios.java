package fr.secondevie.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * The situations other capabilities' tests start from, built through the API as the people of the
 * chain would: a device on sale at a relay, an eligible person, a public-body donor.
 */
public final class Scenarios {

  public static final String PASSWORD = "mot de passe de test";

  private final URL base;

  public Scenarios(URL base) {
    this.base = base;
  }

  /** The organisation of a user, demo or created by a test. */
  public long organisationOf(String username) {
    return user(username)
        .get("api/v1/me")
        .json()
        .getJsonObject("organisation")
        .getJsonNumber("id")
        .longValue();
  }

  /**
   * The demo user of the workshop a pledge was routed to: phones and tablets alone go to the phone
   * workshop of Hauts-de-France ({@code atelier2}), the rest to {@code atelier}, and a lot of the
   * second territory to {@code atelier3}.
   */
  public String workshopOf(jakarta.json.JsonObject pledge) {
    assertThat(pledge.get("workshop"))
        .as("the lot's workshop: " + pledge)
        .isInstanceOf(jakarta.json.JsonObject.class);
    long id = pledge.getJsonObject("workshop").getJsonNumber("id").longValue();
    for (String user : List.of("atelier", "atelier2", "atelier3")) {
      if (WORKSHOPS.computeIfAbsent(user, this::organisationOf) == id) {
        return user;
      }
    }
    throw new AssertionError("No demo workshop has id " + id);
  }

  private static final java.util.Map<String, Long> WORKSHOPS =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** A donor user of a new company that is a public body (its devices are price-capped). */
  public String publicBodyDonor() {
    Api admin = Api.as(base, "admin");
    var company =
        admin.post(
            "api/v1/organisations",
            "{\"name\":\"Mairie de Corbie\",\"kind\":\"COMPANY\",\"publicBody\":true}");
    assertThat(company.status()).as(company.toString()).isEqualTo(201);
    String username = "mairie" + UUID.randomUUID().toString().substring(0, 6);
    var user =
        admin.post(
            "api/v1/organisations/" + company.json().getInt("id") + "/users",
            "{\"username\":\""
                + username
                + "\",\"password\":\""
                + PASSWORD
                + "\",\"role\":\"donor\"}");
    assertThat(user.status()).as(user.toString()).isEqualTo(201);
    return username;
  }

  /** A counter user of a new relay of its own (for tests that close its cash sessions). */
  public String newRelayCounter(String relayName) {
    Api admin = Api.as(base, "admin");
    var relay =
        admin.post(
            "api/v1/organisations",
            "{\"name\":\"" + relayName + "\",\"kind\":\"RELAY\",\"publicBody\":false}");
    assertThat(relay.status()).as(relay.toString()).isEqualTo(201);
    String username = "caisse" + UUID.randomUUID().toString().substring(0, 6);
    var user =
        admin.post(
            "api/v1/organisations/" + relay.json().getInt("id") + "/users",
            "{\"username\":\""
                + username
                + "\",\"password\":\""
                + PASSWORD
                + "\",\"role\":\"counter\"}");
    assertThat(user.status()).as(user.toString()).isEqualTo(201);
    return username;
  }

  /** The demo users (password {@code demo}); the tests create others with {@link #PASSWORD}. */
  static final java.util.Set<String> DEMO_USERS =
      java.util.Set.of(
          "admin",
          "atelier",
          "relais",
          "relais2",
          "social",
          "donateur",
          "donateur2",
          "financeur",
          "financeur2",
          "admin2",
          "atelier2",
          "atelier3",
          "relais3",
          "social2",
          "donateur3",
          "financeur3",
          "mairie",
          "national");

  /** A demo user with the demo password, another with the tests' password. */
  public Api user(String username) {
    return DEMO_USERS.contains(username)
        ? Api.as(base, username)
        : Api.anonymous(base).withCredentials(username, PASSWORD);
  }

  /**
   * Opens the cash session of the counter user's relay with a float of 50 €, unless one is open
   * already; answers its id.
   */
  public long openCashDrawer(String counterUser) {
    Api counter = user(counterUser);
    long relay = organisationOf(counterUser);
    var opened =
        counter.post("api/v1/relays/" + relay + "/cash-sessions", "{\"openingFloatCents\":5000}");
    assertThat(opened.status()).as(opened.toString()).isIn(201, 409);
    return opened.json().getJsonNumber(opened.status() == 201 ? "id" : "sessionId").longValue();
  }

  private Api donor(String username) {
    return username.startsWith("donateur")
        ? Api.as(base, username)
        : Api.anonymous(base).withCredentials(username, PASSWORD);
  }

  /** A device pledged by the donor, received, erased, tested and on sale at the relay. */
  public int availableDevice(String donorUser, String category, String relayUser, long listCents) {
    var pledge =
        donor(donorUser)
            .post(
                "api/v1/donations",
                "{\"items\":[{\"category\":\""
                    + category
                    + "\",\"quantity\":1,"
                    + "\"description\":\"Don\",\"unitValueCents\":10000}],"
                    + "\"pickupAddress\":\"1 rue de la Gare, Amiens\","
                    + "\"availableFrom\":\"2026-12-01\"}");
    assertThat(pledge.status()).as(pledge.toString()).isEqualTo(201);
    int donation = pledge.json().getInt("id");
    Api workshop = Api.as(base, workshopOf(pledge.json()));
    assertThat(workshop.post("api/v1/donations/" + donation + "/reception").status())
        .isEqualTo(200);
    var device =
        workshop.post(
            "api/v1/donations/" + donation + "/devices",
            "{\"serialNumber\":\"SN"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase()
                + "\",\"category\":\""
                + category
                + "\",\"brand\":\"Lenovo\","
                + "\"model\":\"ThinkPad T480\"}");
    assertThat(device.status()).as(device.toString()).isEqualTo(201);
    int id = device.json().getInt("id");
    var refurbished =
        workshop.post(
            "api/v1/devices/" + id + "/refurbishment",
            "{\"grade\":\"A\",\"batteryHealthPercent\":91,\"specs\":{\"cpu\":\"Intel Core i5\","
                + "\"ramGb\":8,\"storageGb\":256,\"screenInches\":14.0,\"os\":\"Ubuntu 24.04\"},"
                + "\"erasure\":{\"method\":\"PURGE\",\"tool\":\"nwipe 0.37\",\"certificateId\":\"C-"
                + UUID.randomUUID()
                + "\",\"erasedAt\":\"2026-11-20T10:15:00\"},\"functionalTestsPassed\":true,"
                + "\"relayId\":"
                + organisationOf(relayUser)
                + ",\"listPriceCents\":"
                + listCents
                + "}");
    assertThat(refurbished.status()).as(refurbished.toString()).isEqualTo(200);
    return id;
  }

  /** The id of an order the counter user opened for the person with this device. */
  public long openOrder(String counterUser, String person, int device) {
    var order =
        user(counterUser)
            .post(
                "api/v1/orders",
                "{\"beneficiaryId\":\"" + person + "\",\"deviceIds\":[" + device + "]}");
    assertThat(order.status()).as(order.toString()).isEqualTo(201);
    return order.json().getJsonNumber("id").longValue();
  }

  /** A person of the demo social structure, decided eligible on the given criterion. */
  public String eligibleBeneficiary(String criterion) {
    Api social = Api.as(base, "social");
    var created =
        social.post(
            "api/v1/beneficiaries",
            "{\"fileReference\":\"S-"
                + UUID.randomUUID().toString().substring(0, 8)
                + "\",\"householdSize\":2,\"postalCode\":\"80000\"}");
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String id = created.json().getString("id");
    var decided =
        social.post(
            "api/v1/beneficiaries/" + id + "/eligibility-decisions",
            "{\"criteria\":[\""
                + criterion
                + "\"],\"proofType\":\"Attestation\",\"proofDate\":\""
                + LocalDate.now(ZoneId.of("Europe/Paris")).minusDays(1)
                + "\"}");
    assertThat(decided.json().getString("decision")).isEqualTo("ELIGIBLE");
    return id;
  }

  /**
   * The codes of {@code quantity} vouchers of a new programme of the funder user, valid from ten
   * days ago for a year, for the postal codes starting with {@code prefix}, bound to {@code
   * nominee} when one is given.
   */
  public List<String> vouchers(
      String funder, String kind, long faceCents, int quantity, String prefix, String nominee) {
    Api api = Api.as(base, funder);
    var programme =
        api.post(
            "api/v1/voucher-programs",
            "{\"name\":\"IT "
                + kind
                + "\",\"kind\":\""
                + kind
                + "\",\"faceValueCents\":"
                + faceCents
                + ",\"validFrom\":\""
                + LocalDate.now().minusDays(10)
                + "\",\"validUntil\":\""
                + LocalDate.now().plusYears(1)
                + "\",\"toleranceDays\":0,\"nominative\":"
                + (nominee != null)
                + ",\"postalCodePrefixes\":[\""
                + prefix
                + "\"]}");
    assertThat(programme.status()).as(programme.toString()).isEqualTo(201);
    var issued =
        api.post(
            "api/v1/voucher-programs/" + programme.json().getInt("id") + "/vouchers",
            "{\"quantity\":"
                + quantity
                + (nominee == null ? "" : ",\"beneficiaryId\":\"" + nominee + "\"")
                + "}");
    assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
    return issued
        .json()
        .getJsonArray("codes")
        .getValuesAs(v -> ((jakarta.json.JsonString) v).getString());
  }
}
