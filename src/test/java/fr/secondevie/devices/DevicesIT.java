package fr.secondevie.devices;

import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.testing.Api;
import fr.secondevie.testing.Api.Answer;
import fr.secondevie.testing.Browser;
import fr.secondevie.testing.Deployments;
import fr.secondevie.testing.Eventually;
import fr.secondevie.testing.TestDatabase;
import jakarta.json.JsonObject;
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Donations, refurbishment, traceability and the public catalogue over real HTTP against the
 * packaged WAR (H2, or PostgreSQL with -Dit.db.url). Tests create their own donations and unique
 * serial numbers, so they pass on a database that earlier runs filled.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DevicesIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.application();
  }

  @ArquillianResource URL base;

  private static final String PLEDGE =
      "{\"items\":[{\"category\":\"LAPTOP\",\"quantity\":3,\"description\":\"Portables\","
          + "\"unitValueCents\":12000},{\"category\":\"SMARTPHONE\",\"quantity\":2,"
          + "\"unitValueCents\":5000}],\"pickupAddress\":\"40 rue Delpech, Amiens\","
          + "\"availableFrom\":\"2026-12-01\"}";

  // ---- donations ------------------------------------------------------------------------------

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
  void aRefurbishedDeviceIsInTheCatalogueWithItsErasureAndWarranty() {
    int device = newDevice("donateur", "LAPTOP");
    String certificate = "CERT-" + UUID.randomUUID();
    long relay = relayId();
    Answer done =
        as("atelier")
            .post(
                "api/v1/devices/" + device + "/refurbishment",
                refurbishment(relay, erasure(certificate), true));
    assertThat(done.status()).as(done.toString()).isEqualTo(200);
    assertThat(done.json().getString("status")).isEqualTo("AVAILABLE");

    JsonObject detail = Api.anonymous(base).get("api/v1/devices/" + device).json();
    assertThat(detail.getString("category")).isEqualTo("LAPTOP");
    assertThat(detail.getString("grade")).isEqualTo("B");
    assertThat(detail.getInt("warrantyMonths")).isEqualTo(24);
    assertThat(detail.getJsonObject("erasure").getString("method")).isEqualTo("PURGE");
    assertThat(detail.getJsonObject("erasure").getString("erasedAt")).startsWith("2026-11-20");
    assertThat(detail.getJsonObject("refurbisher").getString("name"))
        .isEqualTo("Atelier Réemploi Picard");
    assertThat(detail.getJsonObject("specs").getInt("ramGb")).isEqualTo(8);
    assertThat(detail.getJsonNumber("listPriceCents").longValue()).isEqualTo(12900);
    assertThat(detail.containsKey("serialNumber") && !detail.isNull("serialNumber")).isFalse();

    JsonObject page =
        Api.anonymous(base)
            .get("api/v1/catalogue?category=LAPTOP&grade=B&relay=" + relay + "&q=zenbook&size=100")
            .json();
    assertThat(page.getJsonNumber("total").longValue()).isPositive();
    JsonObject item =
        page.getJsonArray("items").getValuesAs(JsonObject.class).stream()
            .filter(i -> i.getInt("id") == device)
            .findFirst()
            .orElseThrow();
    assertThat(item.getJsonObject("relay").getJsonNumber("id").longValue()).isEqualTo(relay);
    assertThat(item.getJsonObject("relay").getString("city")).isNotBlank();
    assertThat(item.getString("brand")).isEqualTo("Asus");
    assertThat(item.getJsonObject("specs").getString("os")).isEqualTo("Ubuntu 24.04");

    Answer again =
        as("atelier")
            .post(
                "api/v1/devices/" + device + "/refurbishment",
                refurbishment(relay, erasure(certificate), true));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().getString("code")).isEqualTo("ILLEGAL_TRANSITION");
  }

  /**
   * A device changed by another instance (here, straight in the database, as another instance's
   * transaction would) reaches this instance's catalogue within about a second: the database stamps
   * the row, and the catalogue reads the rows changed since its last look.
   */
  @Test
  void aChangeMadeElsewhereReachesTheCatalogueWithinSeconds() throws Exception {
    long relay = relayId();
    int device = newDevice("donateur", "TABLET");
    Answer done =
        as("atelier")
            .post(
                "api/v1/devices/" + device + "/refurbishment",
                refurbishment(relay, erasure("CERT-" + UUID.randomUUID()), true));
    assertThat(done.status()).as(done.toString()).isEqualTo(200);
    String search = "api/v1/catalogue?category=TABLET&relay=" + relay + "&q=zenbook&size=100";
    assertThat(catalogueIds(search)).contains(device);

    writeInTheDatabase("update device set list_price_cents = 4321 where id = ?", device);
    long seen = Eventually.millisUntil(() -> priceIn(search, device) == 4_321);
    assertThat(seen).as("ms until the new price showed").isLessThan(3_000);

    writeInTheDatabase(
        "update device set status = 'RECYCLED', recycling_reason = 'écran cassé',"
            + " recycled_at = current_timestamp where id = ?",
        device);
    long gone = Eventually.millisUntil(() -> !catalogueIds(search).contains(device));
    assertThat(gone).as("ms until the recycled device left").isLessThan(3_000);
  }

  /** Writes one device row as another instance's transaction would, beside this one. */
  private static void writeInTheDatabase(String update, int device) throws SQLException {
    try (Connection db = TestDatabase.connect();
        PreparedStatement statement = db.prepareStatement(update)) {
      statement.setLong(1, device);
      assertThat(statement.executeUpdate()).isEqualTo(1);
    }
  }

  private List<JsonObject> catalogueItems(String search) {
    return Api.anonymous(base)
        .get(search)
        .json()
        .getJsonArray("items")
        .getValuesAs(JsonObject.class);
  }

  private List<Integer> catalogueIds(String search) {
    return catalogueItems(search).stream().map(i -> i.getInt("id")).toList();
  }

  private long priceIn(String search, int device) {
    return catalogueItems(search).stream()
        .filter(i -> i.getInt("id") == device)
        .mapToLong(i -> i.getJsonNumber("listPriceCents").longValue())
        .findFirst()
        .orElse(-1);
  }

  @Test
  void theCatalogueFiltersAndPages() {
    JsonObject all = Api.anonymous(base).get("api/v1/catalogue?size=2").json();
    assertThat(all.getInt("page")).isZero();
    assertThat(all.getInt("size")).isEqualTo(2);
    assertThat(all.getJsonArray("items").size()).isLessThanOrEqualTo(2);
    long total = all.getJsonNumber("total").longValue();
    assertThat(total).isPositive();
    JsonObject phones = Api.anonymous(base).get("api/v1/catalogue?category=SMARTPHONE").json();
    assertThat(phones.getJsonArray("items").getValuesAs(JsonObject.class))
        .allMatch(i -> i.getString("category").equals("SMARTPHONE"));
    assertThat(phones.getJsonNumber("total").longValue()).isLessThanOrEqualTo(total);
    JsonObject none = Api.anonymous(base).get("api/v1/catalogue?q=" + UUID.randomUUID()).json();
    assertThat(none.getJsonNumber("total").longValue()).isZero();
    assertThat(Api.anonymous(base).get("api/v1/catalogue?category=PRINTER").status())
        .isEqualTo(400);
    assertThat(Api.anonymous(base).get("api/v1/catalogue?size=1000").status()).isEqualTo(400);
    assertThat(Api.anonymous(base).get("api/v1/catalogue?page=-1").status()).isEqualTo(400);
    JsonObject beyond = Api.anonymous(base).get("api/v1/catalogue?page=99999").json();
    assertThat(beyond.getJsonArray("items")).isEmpty();
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
      assertThat(text).contains(serial).contains(certificate).contains("PURGE");
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

  // ---- public pages -----------------------------------------------------------------------------

  @Test
  void thePublicCataloguePagesAreOpenAndListWhatIsOnSale() {
    int device = newDevice("donateur", "SMARTPHONE");
    long relay = relayId();
    assertThat(
            as("atelier")
                .post(
                    "api/v1/devices/" + device + "/refurbishment",
                    refurbishment(relay, erasure("C-" + UUID.randomUUID()), true))
                .status())
        .isEqualTo(200);

    Answer page =
        Api.anonymous(base).get("catalogue/index.xhtml?category=SMARTPHONE&relay=" + relay);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body())
        .contains("lang=\"fr\"")
        .contains("catalogue/device.xhtml?id=" + device)
        .contains("<label for=\"category\">")
        .contains("value=\"SMARTPHONE\" selected=\"selected\"");
    Answer cached =
        Api.anonymous(base).get("catalogue/index.xhtml?category=SMARTPHONE&relay=" + relay);
    assertThat(cached.body()).isEqualTo(page.body());
    assertThat(cached.header("Set-Cookie")).isEmpty();
    assertThat(cached.header("Content-Security-Policy")).isPresent();

    Answer detail = Api.anonymous(base).get("catalogue/device.xhtml?id=" + device);
    assertThat(detail.status()).isEqualTo(200);
    assertThat(detail.body())
        .contains("Asus ZenBook 14")
        .contains("24 mois de garantie")
        .contains("NIST Purge")
        .contains("Atelier Réemploi Picard");
    assertThat(Api.anonymous(base).get("catalogue/device.xhtml?id=987654321").status())
        .isEqualTo(404);

    Answer relays = Api.anonymous(base).get("catalogue/relays.xhtml");
    assertThat(relays.status()).isEqualTo(200);
    assertThat(relays.body()).contains("Relais numérique Amiens Nord").contains("Premiers pas");
  }

  // ---- browser journey --------------------------------------------------------------------------

  @Test
  void aDonationGoesFromPledgeToThePublicCatalogueInABrowser() {
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage");
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File("/usr/bin/chromedriver"))
            .build();
    WebDriver browser = new ChromeDriver(service, options);
    try {
      WebDriverWait wait = Browser.waiting(browser, Duration.ofSeconds(20));
      Browser.logIn(browser, base, "donateur", "demo");
      browser.get(base + "app/donor/donations.xhtml");
      browser.findElement(By.id("pledge:lines:0:quantity")).sendKeys("1");
      browser.findElement(By.id("pledge:lines:0:unitValue")).sendKeys("150");
      browser.findElement(By.id("pledge:pickupAddress")).sendKeys("40 rue Delpech, Amiens");
      ((JavascriptExecutor) browser)
          .executeScript("document.getElementById('pledge:availableFrom').value = '2026-12-15';");
      browser.findElement(By.id("pledge:submit")).click();
      String thanks =
          wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#messages li")))
              .getText();
      assertThat(thanks).contains("Merci");
      String donation = thanks.replaceAll("\\D+", " ").trim().split(" ")[0];

      browser.manage().deleteAllCookies();
      Browser.logIn(browser, base, "atelier", "demo");
      browser.get(base + "app/workshop/reception.xhtml");
      browser
          .findElement(By.xpath("//input[@value='Marquer comme reçu " + donation + "']"))
          .click();
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "reçu"));

      browser.get(base + "app/workshop/intake.xhtml?donation=" + donation);
      String serial = serial();
      WebElement field = browser.switchTo().activeElement();
      assertThat(field.getAttribute("id")).isEqualTo("intake:serial");
      field.sendKeys(serial + Keys.ENTER);
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("devices"), serial));
      assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("intake:serial");

      browser.get(base + "app/workshop/devices.xhtml");
      browser.findElement(By.partialLinkText(serial)).click();
      new Select(wait.until(ExpectedConditions.elementToBeClickable(By.id("refurbish:grade"))))
          .selectByValue("A");
      browser.findElement(By.id("refurbish:battery")).sendKeys("93");
      String cpu = "cpu" + serial.toLowerCase();
      browser.findElement(By.id("refurbish:cpu")).sendKeys(cpu);
      new Select(browser.findElement(By.id("refurbish:method"))).selectByValue("PURGE");
      browser.findElement(By.id("refurbish:tool")).sendKeys("nwipe 0.35");
      browser.findElement(By.id("refurbish:certificate")).sendKeys("CERT-" + serial);
      ((JavascriptExecutor) browser)
          .executeScript("document.getElementById('refurbish:erasedAt').value = '2026-11-20';");
      browser.findElement(By.id("refurbish:tests")).click();
      new Select(browser.findElement(By.id("refurbish:relay"))).selectByIndex(1);
      browser.findElement(By.id("refurbish:price")).sendKeys("129");
      browser.findElement(By.id("refurbish:submit")).click();
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "mis en vente"));

      browser.manage().deleteAllCookies();
      browser.get(base + "catalogue/index.xhtml?q=" + cpu);
      WebElement card = browser.findElement(By.cssSelector("#devices a"));
      assertThat(browser.findElement(By.id("result-count")).getText()).contains("1 appareil");
      String href = card.getAttribute("href");
      long id = Long.parseLong(href.substring(href.indexOf("id=") + 3));
      browser.get(base + "catalogue/device.xhtml?id=" + id);
      assertThat(browser.findElement(By.id("warranty")).getText()).contains("24 mois");
      assertThat(browser.findElement(By.id("erasure")).getText()).contains("NIST Purge");
      assertThat(browser.getPageSource()).contains("129,00");
    } finally {
      browser.quit();
    }
  }

  // ---- helpers ----------------------------------------------------------------------------------

  private Api as(String user) {
    return Api.as(base, user);
  }

  private int pledge(String donor) {
    Answer created = as(donor).post("api/v1/donations", PLEDGE);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().getInt("id");
  }

  private int receivedDonation(String donor) {
    int id = pledge(donor);
    assertThat(as("atelier").post("api/v1/donations/" + id + "/reception").status()).isEqualTo(200);
    return id;
  }

  private Answer register(int donation, String serial, String category) {
    return as("atelier")
        .post(
            "api/v1/donations/" + donation + "/devices",
            "{\"serialNumber\":\""
                + serial
                + "\",\"category\":\""
                + category
                + "\",\"brand\":\"Asus\",\"model\":\"ZenBook 14\"}");
  }

  private int deviceOf(int donation, String category) {
    Answer created = register(donation, serial(), category);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().getInt("id");
  }

  private int newDevice(String donor, String category) {
    return deviceOf(receivedDonation(donor), category);
  }

  private long relayId() {
    return as("relais")
        .get("api/v1/me")
        .json()
        .getJsonObject("organisation")
        .getJsonNumber("id")
        .longValue();
  }

  private static String serial() {
    return "SN" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase();
  }

  private static String erasure(String certificate) {
    return "{\"method\":\"PURGE\",\"tool\":\"Blancco Drive Eraser 7\",\"certificateId\":\""
        + certificate
        + "\",\"erasedAt\":\"2026-11-20T10:15:00\"}";
  }

  private static String refurbishment(long relay, String erasure, boolean testsPassed) {
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
  private Answer csv(String user, String path) {
    try {
      HttpResponse<byte[]> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(base.toURI().resolve(path))
                      .header("Accept", "text/csv")
                      .header(
                          "Authorization",
                          "Basic "
                              + Base64.getEncoder()
                                  .encodeToString(
                                      (user + ":demo").getBytes(StandardCharsets.UTF_8)))
                      .build(),
                  HttpResponse.BodyHandlers.ofByteArray());
      return new Answer(response.statusCode(), response.headers().map(), response.body());
    } catch (IOException | InterruptedException | java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<Integer> ids(Answer list) {
    return list.structure().asJsonArray().getValuesAs(JsonObject.class).stream()
        .map(o -> o.getInt("id"))
        .toList();
  }
}
