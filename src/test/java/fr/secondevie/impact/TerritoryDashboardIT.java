package fr.secondevie.impact;

import static fr.secondevie.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.testing.Api;
import fr.secondevie.testing.Concurrency;
import fr.secondevie.testing.Pdfs;
import fr.secondevie.testing.Scenarios;
import fr.secondevie.testing.Server;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.URL;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * A territory's dashboard counts what the chain did (a lot pledged, received, one laptop
 * refurbished with its insertion hours and sold with a voucher, one recycled), is read by its
 * coordination, its funders and the national coordination only (another territory's: 404), and its
 * yearly report prints the same figures, read back from the PDF.
 */
@ResourceLock(Concurrency.SECOND_TERRITORY)
class TerritoryDashboardIT {

  final URL base = Server.shared();
  final Scenarios scenarios = new Scenarios(base);
  final int year = LocalDate.now(ZoneId.of("Europe/Paris")).getYear();

  long territoryOf(String user) {
    return Api.as(base, user).get("api/v1/me").json().getJsonNumber("territoryId").longValue();
  }

  JsonObject dashboard(String user, long territory) {
    var answer = Api.as(base, user).get(path(territory));
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    return answer.json();
  }

  String path(long territory) {
    return "api/v1/territories/" + territory + "/dashboard?year=" + year;
  }

  static long at(JsonObject o, String part, String field) {
    return o.getJsonObject(part).getJsonNumber(field).longValue();
  }

  static BigDecimal decimal(JsonObject o, String part, String field) {
    return o.getJsonObject(part).getJsonNumber(field).bigDecimalValue();
  }

  static JsonObject category(JsonObject o, String part, String category) {
    return o.getJsonObject(part).getJsonArray("byCategory").stream()
        .map(v -> v.asJsonObject())
        .filter(c -> category.equals(c.getString("category", null)))
        .findFirst()
        .orElseThrow();
  }

  static JsonObject workshop(JsonObject o, long id) {
    return o.getJsonArray("workshops").stream()
        .map(v -> v.asJsonObject())
        .filter(w -> w.getJsonNumber("id").longValue() == id)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void theDashboardCountsWhatTheChainDidThisYear() {
    long hdf = territoryOf("admin");
    JsonObject before = dashboard("admin", hdf);

    var pledge =
        Api.as(base, "donateur")
            .post(
                "api/v1/donations",
                "{\"items\":[{\"category\":\"LAPTOP\",\"quantity\":2,\"description\":\"Portables\","
                    + "\"unitValueCents\":10000}],\"pickupAddress\":\"1 rue de la Gare, Amiens\","
                    + "\"availableFrom\":\"2026-12-01\"}");
    assertThat(pledge.status()).as(pledge.toString()).isEqualTo(201);
    int donation = pledge.json().getInt("id");
    String workshopUser = scenarios.workshopOf(pledge.json());
    long workshopId = scenarios.organisationOf(workshopUser);
    Api workshop = Api.as(base, workshopUser);
    assertThat(workshop.post("api/v1/donations/" + donation + "/reception").status())
        .isEqualTo(200);
    int sold = register(workshop, donation);
    int recycled = register(workshop, donation);
    var refurbished =
        workshop.post(
            "api/v1/devices/" + sold + "/refurbishment",
            "{\"grade\":\"A\",\"batteryHealthPercent\":91,\"erasure\":{\"method\":\"PURGE\","
                + "\"tool\":\"nwipe 0.37\",\"certificateId\":\"C-"
                + UUID.randomUUID()
                + "\",\"erasedAt\":\"2026-11-20T10:15:00\"},\"functionalTestsPassed\":true,"
                + "\"relayId\":"
                + scenarios.organisationOf("relais")
                + ",\"listPriceCents\":15000,\"insertionHours\":2.5}");
    assertThat(refurbished.status()).as(refurbished.toString()).isEqualTo(200);
    var recycling =
        workshop.post(
            "api/v1/devices/" + recycled + "/recycling",
            "{\"reason\":\"Carte mère hors service\"}");
    assertThat(recycling.status()).as(recycling.toString()).isEqualTo(200);

    String person = scenarios.eligibleBeneficiary("RSA");
    scenarios.eligibleBeneficiary("AAH");
    String voucher =
        scenarios.vouchers("financeur", "CHEQUE_EQUIPEMENT", 5_000, 3, "80", null).get(0);
    Api counter = Api.as(base, "relais");
    scenarios.openCashDrawer("relais");
    long order = scenarios.openOrder("relais", person, sold);
    var applied =
        counter.post("api/v1/orders/" + order + "/vouchers", "{\"code\":\"" + voucher + "\"}");
    assertThat(applied.status()).as(applied.toString()).isEqualTo(200);
    long share =
        applied
            .json()
            .getJsonArray("vouchers")
            .getJsonObject(0)
            .getJsonNumber("appliedCents")
            .longValue();
    long due = applied.json().getJsonNumber("dueCents").longValue();
    if (due > 0) {
      var cash =
          counter.post(
              "api/v1/orders/" + order + "/payments",
              "{\"method\":\"CASH\",\"amountCents\":" + due + "}");
      assertThat(cash.status()).as(cash.toString()).isEqualTo(201);
    }
    var completed = counter.post("api/v1/orders/" + order + "/completion");
    assertThat(completed.status()).as(completed.toString()).isEqualTo(200);

    JsonObject after = dashboard("admin", hdf);
    assertThat(at(after, "supply", "pledgedItems") - at(before, "supply", "pledgedItems"))
        .isEqualTo(2);
    assertThat(at(after, "supply", "received") - at(before, "supply", "received")).isEqualTo(2);
    assertThat(at(after, "supply", "refurbished") - at(before, "supply", "refurbished"))
        .isEqualTo(1);
    assertThat(at(after, "supply", "recycled") - at(before, "supply", "recycled")).isEqualTo(1);
    JsonObject laptops = category(after, "supply", "LAPTOP");
    JsonObject laptopsBefore = category(before, "supply", "LAPTOP");
    assertThat(laptops.getInt("reused") - laptopsBefore.getInt("reused")).isEqualTo(1);
    assertThat(laptops.getInt("pledgedItems") - laptopsBefore.getInt("pledgedItems")).isEqualTo(2);

    assertThat(decimal(after, "impact", "kgCo2eAvoided"))
        .as("one laptop reused: ADEME's 27 kg")
        .isEqualByComparingTo(decimal(before, "impact", "kgCo2eAvoided").add(new BigDecimal("27")));
    assertThat(decimal(after, "impact", "kgRawMaterialsAvoided"))
        .isEqualByComparingTo(
            decimal(before, "impact", "kgRawMaterialsAvoided").add(new BigDecimal("127")));
    assertThat(decimal(after, "impact", "insertionHours"))
        .isEqualByComparingTo(
            decimal(before, "impact", "insertionHours").add(new BigDecimal("2.5")));
    assertThat(decimal(after, "impact", "fullTimeEquivalents"))
        .isEqualByComparingTo(
            decimal(after, "impact", "insertionHours")
                .divide(new BigDecimal("1607"), 2, java.math.RoundingMode.HALF_UP));
    assertThat(after.getJsonObject("impact").getInt("hoursPerFte")).isEqualTo(1607);
    assertThat(at(after, "impact", "peopleEquipped") - at(before, "impact", "peopleEquipped"))
        .isEqualTo(1);

    assertThat(at(after, "demand", "diagnosed") - at(before, "demand", "diagnosed")).isEqualTo(2);
    assertThat(at(after, "demand", "eligible") - at(before, "demand", "eligible")).isEqualTo(2);
    assertThat(at(after, "demand", "equipped") - at(before, "demand", "equipped")).isEqualTo(1);
    assertThat(at(after, "demand", "waiting") - at(before, "demand", "waiting"))
        .as("the second person, eligible with no device yet")
        .isEqualTo(1);
    assertThat(after.getJsonObject("demand").getJsonNumber("medianWaitDays"))
        .as("the first person was equipped the day of the diagnosis")
        .isNotNull();

    assertThat(at(after, "vouchers", "issued") - at(before, "vouchers", "issued")).isEqualTo(3);
    assertThat(at(after, "vouchers", "redeemed") - at(before, "vouchers", "redeemed")).isEqualTo(1);
    assertThat(
            at(after, "vouchers", "redeemedAppliedCents")
                - at(before, "vouchers", "redeemedAppliedCents"))
        .isEqualTo(share);
    assertThat(at(after, "vouchers", "outstanding") - at(before, "vouchers", "outstanding"))
        .isEqualTo(2);

    JsonObject w = workshop(after, workshopId);
    JsonObject wBefore = workshop(before, workshopId);
    assertThat(w.getInt("takenIn") - wBefore.getInt("takenIn")).isEqualTo(2);
    assertThat(w.getInt("refurbished") - wBefore.getInt("refurbished")).isEqualTo(1);

    JsonObject national = dashboard("national", hdf);
    assertThat(national.getJsonObject("supply")).isEqualTo(after.getJsonObject("supply"));
    JsonObject ara = dashboard("national", territoryOf("admin2"));
    assertThat(at(ara, "supply", "pledgedItems"))
        .as("HDF's lot is not ARA's")
        .isEqualTo(at(dashboard("admin2", territoryOf("admin2")), "supply", "pledgedItems"));
  }

  private static int register(Api workshop, int donation) {
    var device =
        workshop.post(
            "api/v1/donations/" + donation + "/devices",
            "{\"serialNumber\":\"DB"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 14).toUpperCase()
                + "\",\"category\":\"LAPTOP\",\"brand\":\"Dell\",\"model\":\"Latitude 5490\"}");
    assertThat(device.status()).as(device.toString()).isEqualTo(201);
    return device.json().getInt("id");
  }

  @Test
  void onlyTheTerritorysCoordinationFundersAndTheNationalCoordinationReadIt() {
    long hdf = territoryOf("admin");
    long ara = territoryOf("admin2");
    for (String user : new String[] {"admin", "financeur", "financeur2", "national"}) {
      assertThat(Api.as(base, user).get(path(hdf)).status()).as(user).isEqualTo(200);
    }
    for (String user : new String[] {"admin2", "financeur3"}) {
      assertProblem(Api.as(base, user).get(path(hdf)), 404, "NOT_FOUND");
      assertProblem(
          Api.as(base, user).get("api/v1/territories/" + hdf + "/impact-report"), 404, "NOT_FOUND");
    }
    assertThat(Api.as(base, "financeur3").get(path(ara)).status()).isEqualTo(200);
    assertProblem(Api.as(base, "national").get(path(999_999_999)), 404, "NOT_FOUND");
    assertThat(Api.as(base, "donateur").get(path(hdf)).status()).isEqualTo(403);
    assertThat(Api.as(base, "relais").get(path(hdf)).status()).isEqualTo(403);
    assertThat(Api.anonymous(base).get(path(hdf)).status()).isEqualTo(401);
    for (String year : new String[] {"abc", "1999", "2101", "20260"}) {
      assertProblem(
          Api.as(base, "admin").get("api/v1/territories/" + hdf + "/dashboard?year=" + year),
          400,
          "INVALID_INPUT");
    }
    var noYear = Api.as(base, "admin").get("api/v1/territories/" + hdf + "/dashboard");
    assertThat(noYear.json().getInt("year")).isEqualTo(year);
  }

  @Test
  void theYearlyReportPrintsTheDashboardsFiguresWithItsMethodSourcesAndLimits() {
    long hdf = territoryOf("financeur");
    scenarios.availableDevice("donateur", "TABLET", "relais", 6_000);
    JsonObject d = dashboard("financeur", hdf);
    var report =
        Api.as(base, "financeur")
            .get("api/v1/territories/" + hdf + "/impact-report?year=" + year, "application/pdf");
    assertThat(report.status()).as(report.toString()).isEqualTo(200);
    assertThat(report.header("Content-Type").orElseThrow()).startsWith("application/pdf");
    String text = Pdfs.text(report.bytes()).replace('\u00a0', ' ').replace('\u202f', ' ');
    NumberFormat fr = NumberFormat.getIntegerInstance(Locale.FRENCH);
    assertThat(text).contains("Rapport d'impact " + year + " — Hauts-de-France");
    assertThat(line(text, "Appareils réemployés"))
        .isEqualTo(count(fr, at(d, "impact", "devicesReused")));
    assertThat(line(text, "Personnes équipées"))
        .isEqualTo(count(fr, at(d, "impact", "peopleEquipped")));
    assertThat(line(text, "CO2e évité (estimé)"))
        .isEqualTo(french(decimal(d, "impact", "kgCo2eAvoided")) + " kg");
    assertThat(line(text, "Heures de travail en insertion"))
        .isEqualTo(french(decimal(d, "impact", "insertionHours")) + " h");
    assertThat(line(text, "Équivalents temps plein"))
        .isEqualTo(french(decimal(d, "impact", "fullTimeEquivalents")));
    assertThat(line(text, "Appareils reçus par les ateliers"))
        .isEqualTo(count(fr, at(d, "supply", "received")));
    assertThat(line(text, "Appareils promis par les donateurs"))
        .isEqualTo(count(fr, at(d, "supply", "pledgedItems")));
    assertThat(line(text, "Bons utilisés")).isEqualTo(count(fr, at(d, "vouchers", "redeemed")));
    assertThat(line(text, "Personnes diagnostiquées"))
        .isEqualTo(count(fr, at(d, "demand", "diagnosed")));
    assertThat(text)
        .contains("Méthode", "Sources et constantes", "Limites", "ADEME 2022", "L3121-41")
        .contains("Estimés", "Comptés");

    var english =
        Api.as(base, "financeur")
            .get("api/v1/territories/" + hdf + "/impact-report?year=" + year + "&lang=en");
    String en = Pdfs.text(english.bytes());
    NumberFormat uk = NumberFormat.getIntegerInstance(Locale.ENGLISH);
    assertThat(en).contains("Impact report " + year, "Method", "Limits");
    assertThat(line(en, "Devices reused")).isEqualTo(uk.format(at(d, "impact", "devicesReused")));
  }

  /** The rest of the report's line that starts with the label. */
  private static String line(String text, String label) {
    return text.lines()
        .filter(l -> l.startsWith(label + " "))
        .findFirst()
        .map(l -> l.substring(label.length()).strip())
        .orElseThrow(() -> new AssertionError("no line " + label + " in\n" + text));
  }

  private static String count(NumberFormat format, long n) {
    return format.format(n).replace('\u00a0', ' ').replace('\u202f', ' ');
  }

  private static String french(BigDecimal n) {
    NumberFormat f = NumberFormat.getNumberInstance(Locale.FRENCH);
    f.setMinimumFractionDigits(2);
    f.setMaximumFractionDigits(2);
    return f.format(n).replace('\u00a0', ' ').replace('\u202f', ' ');
  }
}
