package fr.secondevie.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.testing.Api;
import fr.secondevie.testing.Pdfs;
import fr.secondevie.testing.Scenarios;
import fr.secondevie.testing.Server;
import fr.secondevie.testing.TestDatabase;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Beneficiaries, decisions, the counter's panel, attestations, rules and retention over HTTP. */
class EligibilityIT {

  static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Paris"));

  final URL base = Server.shared();

  private String register(String fileReference) {
    var created =
        Api.as(base, "social")
            .post(
                "api/v1/beneficiaries",
                "{\"fileReference\":\""
                    + fileReference
                    + "\",\"householdSize\":3,"
                    + "\"postalCode\":\"80090\"}");
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().getString("id");
  }

  private JsonObject decide(String id, String criteria, Long quotient) {
    var decided =
        Api.as(base, "social")
            .post(
                "api/v1/beneficiaries/" + id + "/eligibility-decisions",
                "{\"criteria\":["
                    + criteria
                    + "],\"proofType\":\"Attestation CAF\",\"proofDate\":\""
                    + TODAY.minusDays(5)
                    + "\""
                    + (quotient == null ? "" : ",\"familyQuotientCents\":" + quotient)
                    + "}");
    assertThat(decided.status()).as(decided.toString()).isEqualTo(201);
    return decided.json();
  }

  @Test
  void aSocialWorkerRegistersAndValidatesAndTheCounterSeesOnlyThePanel() {
    String id = register("CCAS-2026-" + UUID.randomUUID().toString().substring(0, 6));
    assertThat(id).matches("[2-9A-HJKMNP-Z]{16}");

    JsonObject decision = decide(id, "\"RSA\"", null);
    assertThat(decision.getString("decision")).isEqualTo("ELIGIBLE");
    assertThat(decision.getInt("tier")).isEqualTo(1);
    assertThat(decision.getString("validUntil")).isEqualTo(TODAY.plusMonths(12).toString());

    var panel = Api.as(base, "relais").get("api/v1/beneficiaries/" + id + "/eligibility");
    assertThat(panel.status()).isEqualTo(200);
    assertThat(panel.json().getBoolean("eligible")).isTrue();
    assertThat(panel.json().getInt("tier")).isEqualTo(1);
    assertThat(panel.json().getInt("devicesLeft")).isEqualTo(5);
    assertThat(panel.body()).doesNotContain("RSA").doesNotContain("CAF").doesNotContain("CCAS");

    String displayed =
        id.substring(0, 4)
            + "-"
            + id.substring(4, 8)
            + "-"
            + id.substring(8, 12)
            + "-"
            + id.substring(12).toLowerCase();
    assertThat(
            Api.as(base, "relais2")
                .get("api/v1/beneficiaries/" + displayed + "/eligibility")
                .json()
                .getBoolean("eligible"))
        .as("typed with dashes and lower case at another relay")
        .isTrue();
  }

  @Test
  void aRefusalKeepsItsReason() {
    String id = register("REFUS-" + UUID.randomUUID().toString().substring(0, 6));
    JsonObject decision = decide(id, "", 95_000L);
    assertThat(decision.getString("decision")).isEqualTo("REFUSED");
    assertThat(decision.getString("reason")).contains("Quotient familial de 950,00");
    assertThat(decision.get("validUntil")).isIn(null, JsonValue.NULL);
    assertThat(
            Api.as(base, "relais")
                .get("api/v1/beneficiaries/" + id + "/eligibility")
                .json()
                .getBoolean("eligible"))
        .isFalse();
    assertThat(
            Api.as(base, "social")
                .get("api/v1/beneficiaries/" + id + "/eligibility-decisions")
                .structure()
                .asJsonArray()
                .getJsonObject(0)
                .getString("reason"))
        .contains("800,00");
  }

  @Test
  void anotherStructuresPersonIsNotFound() {
    String id = register("AUTRE-" + UUID.randomUUID().toString().substring(0, 6));
    Api admin = Api.as(base, "admin");
    int structure =
        admin
            .post(
                "api/v1/organisations",
                "{\"name\":\"CAF de la Somme\",\"kind\":\"SOCIAL_STRUCTURE\"}")
            .json()
            .getInt("id");
    String username = "caf" + UUID.randomUUID().toString().substring(0, 6);
    assertThat(
            admin
                .post(
                    "api/v1/organisations/" + structure + "/users",
                    "{\"username\":\""
                        + username
                        + "\",\"password\":\"mot de passe caf\","
                        + "\"role\":\"social-worker\"}")
                .status())
        .isEqualTo(201);
    Api other = Api.anonymous(base).withCredentials(username, "mot de passe caf");

    assertThat(other.get("api/v1/beneficiaries/" + id).status()).isEqualTo(404);
    assertThat(other.get("api/v1/beneficiaries/" + id + "/eligibility").status()).isEqualTo(404);
    assertThat(other.get("api/v1/beneficiaries/" + id + "/attestation").status()).isEqualTo(404);
    assertThat(other.get("api/v1/beneficiaries/" + id + "/export").status()).isEqualTo(404);
    assertThat(
            other
                .post(
                    "api/v1/beneficiaries/" + id + "/eligibility-decisions",
                    "{\"criteria\":[\"RSA\"],\"proofType\":\"x\",\"proofDate\":\"" + TODAY + "\"}")
                .status())
        .isEqualTo(404);
    assertThat(other.get("api/v1/beneficiaries").body()).doesNotContain(id);
  }

  @Test
  void badInputIsRefusedAndChangesNothing() {
    Api social = Api.as(base, "social");
    var missing =
        social.post("api/v1/beneficiaries", "{\"fileReference\":\"\",\"householdSize\":0}");
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.body())
        .contains("fileReference")
        .contains("householdSize")
        .contains("postalCode");

    String id = register("INPUT-" + UUID.randomUUID().toString().substring(0, 6));
    String path = "api/v1/beneficiaries/" + id + "/eligibility-decisions";
    assertThat(
            social
                .post(
                    path,
                    "{\"criteria\":[\"RSA\"],\"proofType\":\"x\",\"proofDate\":\""
                        + TODAY.plusDays(1)
                        + "\"}")
                .status())
        .as("proof in the future")
        .isEqualTo(400);
    assertThat(
            social
                .post(
                    path,
                    "{\"criteria\":[\"LOTO\"],\"proofType\":\"x\",\"proofDate\":\"" + TODAY + "\"}")
                .json()
                .getString("detail"))
        .contains("LOTO");
    assertThat(social.get(path).structure().asJsonArray()).isEmpty();
    // no criterion ticked is no mistake: it is a refusal (API.md, second part; RevocationIT)
    assertThat(
            social
                .post(path, "{\"criteria\":[],\"proofType\":\"x\",\"proofDate\":\"" + TODAY + "\"}")
                .json()
                .getString("decision"))
        .as("no criterion ticked")
        .isEqualTo("REFUSED");
    assertThat(
            Api.as(base, "relais")
                .post(
                    "api/v1/beneficiaries",
                    "{\"fileReference\":\"x\",\"householdSize\":1,\"postalCode\":\"80000\"}")
                .status())
        .isEqualTo(403);
  }

  @Test
  void anExpiredValidityIsNotEligible() throws SQLException {
    String id = register("EXPIRE-" + UUID.randomUUID().toString().substring(0, 6));
    decide(id, "\"RSA\"", null);
    execute(
        "update eligibility_decision set valid_until = ? where beneficiary_id = ?",
        java.sql.Date.valueOf(TODAY.minusDays(1)),
        id);
    JsonObject panel =
        Api.as(base, "relais").get("api/v1/beneficiaries/" + id + "/eligibility").json();
    assertThat(panel.getBoolean("eligible")).isFalse();
    assertThat(panel.getString("validUntil")).isEqualTo(TODAY.minusDays(1).toString());
    assertThat(panel.getInt("devicesLeft")).isZero();
  }

  @Test
  void devicesBoughtComeOffTheQuota() throws SQLException {
    String id = register("QUOTA-" + UUID.randomUUID().toString().substring(0, 6));
    decide(id, "\"JOB_SEEKER\"", null);
    execute(
        "insert into quota_use (beneficiary_id, category, reference, used_at)"
            + " values (?, 'LAPTOP', 'order-1', current_timestamp)",
        id);
    JsonObject panel =
        Api.as(base, "relais").get("api/v1/beneficiaries/" + id + "/eligibility").json();
    assertThat(panel.getInt("tier")).isEqualTo(2);
    assertThat(panel.getInt("devicesLeft")).isEqualTo(4);
    assertThat(panel.getJsonObject("devicesLeftByCategory").getInt("LAPTOP")).isZero();
  }

  @Test
  void theAttestationCarriesTheIdentifierAsQrCodeAndNoPersonalData() {
    String reference = "PDF-" + UUID.randomUUID().toString().substring(0, 6);
    String id = register(reference);
    decide(id, "\"CSS\"", null);
    var pdf = Api.as(base, "social").get("api/v1/beneficiaries/" + id + "/attestation");
    assertThat(pdf.status()).isEqualTo(200);
    assertThat(pdf.header("Content-Type")).hasValue("application/pdf");
    assertThat(Pdfs.pages(pdf.bytes())).isEqualTo(1);
    String text = Pdfs.text(pdf.bytes());
    assertThat(text)
        .contains("Attestation d'éligibilité")
        .contains(id.substring(0, 4) + "-" + id.substring(4, 8))
        .contains("Valable jusqu'au")
        .contains("CCAS d'Amiens")
        .doesNotContain(reference)
        .doesNotContain("CSS");
    assertThat(Pdfs.qrCode(pdf.bytes(), 0)).isEqualTo(id);
  }

  @Test
  void newRulesApplyToNewDecisionsOnly() {
    String before = register("RULES-" + UUID.randomUUID().toString().substring(0, 6));
    JsonObject earlier = decide(before, "\"JOB_SEEKER\"", null);
    assertThat(earlier.getString("decision")).isEqualTo("ELIGIBLE");

    Api admin = Api.as(base, "admin");
    JsonObject current = admin.get("api/v1/eligibility-rules").json();
    var published =
        admin.post(
            "api/v1/eligibility-rules",
            "{\"validityMonths\":6,\"quotaPeriodMonths\":12,\"proofMaxAgeMonths\":6,"
                + "\"criteria\":[{\"code\":\"RSA\",\"tier\":1}],"
                + "\"familyQuotientTiers\":[{\"maxCents\":70000,\"tier\":1}],"
                + "\"quotas\":[{\"category\":\"LAPTOP\",\"quantity\":1}],"
                + "\"note\":\"Demandeurs d'emploi retirés\"}");
    try {
      assertThat(published.status()).as(published.toString()).isEqualTo(201);
      int version = published.json().getInt("version");
      assertThat(version).isEqualTo(current.getInt("version") + 1);

      JsonObject refused =
          decide(
              register("RULES2-" + UUID.randomUUID().toString().substring(0, 6)),
              "\"JOB_SEEKER\"",
              null);
      assertThat(refused.getString("decision")).isEqualTo("REFUSED");
      assertThat(refused.getString("reason"))
          .contains("Critères non retenus")
          .contains("JOB_SEEKER");
      assertThat(refused.getInt("rulesVersion")).isEqualTo(version);
      JsonObject shorter =
          decide(
              register("RULES3-" + UUID.randomUUID().toString().substring(0, 6)), "\"RSA\"", null);
      assertThat(shorter.getString("validUntil")).isEqualTo(TODAY.plusMonths(6).toString());

      JsonObject kept =
          Api.as(base, "social")
              .get("api/v1/beneficiaries/" + before + "/eligibility-decisions")
              .structure()
              .asJsonArray()
              .getJsonObject(0);
      assertThat(kept.getString("decision")).isEqualTo("ELIGIBLE");
      assertThat(kept.getInt("rulesVersion")).isEqualTo(earlier.getInt("rulesVersion"));
      assertThat(
              Api.as(base, "relais")
                  .get("api/v1/beneficiaries/" + before + "/eligibility")
                  .json()
                  .getInt("devicesLeft"))
          .as("the earlier decision keeps the quotas of its own version")
          .isEqualTo(5);

      assertThat(Api.as(base, "social").post("api/v1/eligibility-rules", "{}").status())
          .isEqualTo(403);
      assertThat(
              admin
                  .post(
                      "api/v1/eligibility-rules",
                      "{\"validityMonths\":6,\"quotaPeriodMonths\":12,\"proofMaxAgeMonths\":6,"
                          + "\"criteria\":[{\"code\":\"LOTO\",\"tier\":1}],\"familyQuotientTiers\":[],"
                          + "\"quotas\":[]}")
                  .json()
                  .getString("code"))
          .isEqualTo("INVALID_RULES");
    } finally {
      restoreVersion1Rules(admin);
    }
  }

  private void restoreVersion1Rules(Api admin) {
    assertThat(
            admin
                .post(
                    "api/v1/eligibility-rules",
                    "{\"validityMonths\":12,\"quotaPeriodMonths\":12,\"proofMaxAgeMonths\":6,"
                        + "\"criteria\":[{\"code\":\"RSA\",\"tier\":1},{\"code\":\"ASS\",\"tier\":1},"
                        + "{\"code\":\"AAH\",\"tier\":1},{\"code\":\"ASPA\",\"tier\":1},"
                        + "{\"code\":\"CSS\",\"tier\":1},{\"code\":\"JOB_SEEKER\",\"tier\":2},"
                        + "{\"code\":\"STUDENT_GRANT\",\"tier\":2},{\"code\":\"MISSION_LOCALE\",\"tier\":2},"
                        + "{\"code\":\"REFUGEE\",\"tier\":2}],"
                        + "\"familyQuotientTiers\":[{\"maxCents\":60000,\"tier\":1},"
                        + "{\"maxCents\":80000,\"tier\":2}],"
                        + "\"quotas\":[{\"category\":\"LAPTOP\",\"quantity\":1},"
                        + "{\"category\":\"DESKTOP\",\"quantity\":1},{\"category\":\"TABLET\",\"quantity\":1},"
                        + "{\"category\":\"SMARTPHONE\",\"quantity\":1},{\"category\":\"SCREEN\",\"quantity\":1}],"
                        + "\"note\":\"Retour au règlement initial\"}")
                .status())
        .isEqualTo(201);
  }

  @Test
  void aPersonIsAnonymisedAfterTheRetentionPeriodAndTheExportSaysSo() throws SQLException {
    String reference = "RGPD-" + UUID.randomUUID().toString().substring(0, 6);
    String id = register(reference);
    decide(id, "\"AAH\"", null);
    JsonObject export = Api.as(base, "social").get("api/v1/beneficiaries/" + id + "/export").json();
    assertThat(export.getJsonObject("beneficiary").getString("fileReference")).isEqualTo(reference);
    assertThat(
            export.getJsonArray("decisions").getJsonObject(0).getJsonArray("criteria").getString(0))
        .isEqualTo("AAH");

    execute(
        "update beneficiary set last_contact_at = ? where id = ?",
        java.sql.Timestamp.valueOf(TODAY.minusMonths(25).atStartOfDay()),
        id);
    var run = Api.as(base, "admin").post("api/v1/beneficiaries/anonymisation");
    assertThat(run.status()).isEqualTo(200);
    assertThat(run.json().getInt("anonymised")).isGreaterThanOrEqualTo(1);

    JsonObject after = Api.as(base, "social").get("api/v1/beneficiaries/" + id + "/export").json();
    assertThat(after.getJsonObject("beneficiary").get("fileReference")).isIn(null, JsonValue.NULL);
    assertThat(after.getJsonObject("beneficiary").getString("postalCode")).isEqualTo("80");
    assertThat(after.getJsonArray("decisions").getJsonObject(0).getJsonArray("criteria")).isEmpty();
    assertThat(after.getJsonObject("eligibility").getBoolean("eligible")).isFalse();
    assertThat(Api.as(base, "social").get("api/v1/beneficiaries").body()).doesNotContain(id);
  }

  @Test
  void theCounterGetsTheSolidarityPriceExplained() {
    Scenarios given = new Scenarios(base);
    String tier1 = given.eligibleBeneficiary("RSA");
    int laptop = given.availableDevice("donateur", "LAPTOP", "relais", 25_400);
    var price =
        Api.as(base, "relais").get("api/v1/devices/" + laptop + "/price?beneficiaryId=" + tier1);
    assertThat(price.status()).as(price.toString()).isEqualTo(200);
    assertThat(price.json().getJsonNumber("listPriceCents").longValue()).isEqualTo(25_400);
    assertThat(price.json().getJsonNumber("solidarityPriceCents").longValue()).isEqualTo(12_700);
    assertThat(price.json().getInt("tier")).isEqualTo(1);
    assertThat(price.json().get("capCents")).isIn(null, JsonValue.NULL);
    assertThat(price.json().getString("explanation"))
        .contains("Prix catalogue : 254,00 €")
        .contains("remise de 50 %")
        .endsWith("Prix à payer : 127,00 €.");

    String tier2 = given.eligibleBeneficiary("JOB_SEEKER");
    assertThat(
            Api.as(base, "relais")
                .get("api/v1/devices/" + laptop + "/price?beneficiaryId=" + tier2)
                .json()
                .getJsonNumber("solidarityPriceCents")
                .longValue())
        .isEqualTo(17_000);
  }

  @Test
  void aPublicBodysDeviceNeverCostsMoreThanTheLegalCap() {
    Scenarios given = new Scenarios(base);
    String person = given.eligibleBeneficiary("JOB_SEEKER");
    int laptop = given.availableDevice(given.publicBodyDonor(), "LAPTOP", "relais", 45_000);
    JsonObject price =
        Api.as(base, "relais")
            .get("api/v1/devices/" + laptop + "/price?beneficiaryId=" + person)
            .json();
    assertThat(price.getJsonNumber("solidarityPriceCents").longValue()).isEqualTo(18_000);
    assertThat(price.getJsonNumber("capCents").longValue()).isEqualTo(18_000);
    assertThat(price.getString("explanation")).contains("plafond légal de 180,00 €");
  }

  @Test
  void priceRefusals() {
    Scenarios given = new Scenarios(base);
    String person = given.eligibleBeneficiary("RSA");
    int phone = given.availableDevice("donateur", "SMARTPHONE", "relais", 8_200);
    String path = "api/v1/devices/" + phone + "/price?beneficiaryId=";
    assertThat(Api.as(base, "relais2").get(path + person).status())
        .as("another relay's device")
        .isEqualTo(404);
    assertThat(Api.as(base, "relais").get("api/v1/devices/" + phone + "/price").status())
        .isEqualTo(400);
    assertThat(Api.as(base, "social").get(path + person).status()).isEqualTo(403);
    String refused = register("PRIX-" + UUID.randomUUID().toString().substring(0, 6));
    decide(refused, "", 95_000L);
    var notEligible = Api.as(base, "relais").get(path + refused);
    assertThat(notEligible.status()).isEqualTo(422);
    assertThat(notEligible.json().getString("code")).isEqualTo("NOT_ELIGIBLE");
    assertThat(Api.as(base, "relais").get(path + "ZZZZZZZZZZZZZZZZ").status()).isEqualTo(404);
  }

  private static void execute(String sql, Object... parameters) throws SQLException {
    try (Connection db = TestDatabase.connect();
        PreparedStatement statement = db.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      assertThat(statement.executeUpdate()).isPositive();
    }
  }
}
