package fr.secondevie.eligibility;

import static fr.secondevie.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.testing.Api;
import fr.secondevie.testing.Scenarios;
import fr.secondevie.testing.Server;
import fr.secondevie.testing.TestDatabase;
import jakarta.json.JsonObject;
import java.net.URL;
import java.sql.ResultSet;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/**
 * What a person needs (issue 17, part 2): the social worker's diagnosis, what the counter sees of
 * it (the category advised and whether training is, never the uses), when the person was equipped,
 * and retention.
 */
class NeedsIT {

  final URL base = Server.shared();
  final Scenarios given = new Scenarios(base);
  final Api social = Api.as(base, "social");
  final Api counter = Api.as(base, "relais");

  Api.Answer put(String person, String body) {
    return social.send(
        "PUT", "api/v1/beneficiaries/" + person + "/needs", "application/json", body);
  }

  @Test
  void theSocialWorkerDiagnosesAndTheCounterSeesOnlyTheAdvice() throws Exception {
    String person = given.eligibleBeneficiary("RSA");
    String needs =
        "{\"uses\":[\"JOB_SEARCH\",\"ADMIN_PROCEDURES\"],\"recommendedCategory\":\"LAPTOP\","
            + "\"needsTraining\":true,\"needsConnection\":false}";
    var saved = put(person, needs);
    assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
    assertThat(saved.json().getJsonArray("uses").toString())
        .isEqualTo("[\"JOB_SEARCH\",\"ADMIN_PROCEDURES\"]");

    // bad input changes nothing
    assertProblem(put(person, needs.replace("ADMIN_PROCEDURES", "DIABETES")), 400, "INVALID_INPUT");
    assertProblem(put(person, needs.replace("LAPTOP", "PRINTER")), 400, "INVALID_INPUT");
    assertThat(put(person, "{\"uses\":[],\"note\":\"x\"}").status()).isEqualTo(400);
    assertThat(
            Api.as(base, "social2")
                .send("PUT", "api/v1/beneficiaries/" + person + "/needs", "application/json", needs)
                .status())
        .as("another structure's person")
        .isEqualTo(404);
    assertThat(
            counter
                .send("PUT", "api/v1/beneficiaries/" + person + "/needs", "application/json", needs)
                .status())
        .isEqualTo(403);
    JsonObject read = social.get("api/v1/beneficiaries/" + person + "/needs").json();
    assertThat(read.getString("recommendedCategory")).isEqualTo("LAPTOP");
    assertThat(read.getJsonArray("uses")).hasSize(2);

    var eligibility = counter.get("api/v1/beneficiaries/" + person + "/eligibility");
    assertThat(eligibility.json().getString("recommendedCategory")).isEqualTo("LAPTOP");
    assertThat(eligibility.json().getBoolean("needsTraining")).isTrue();
    assertThat(eligibility.body()).doesNotContain("JOB_SEARCH").doesNotContain("uses");
    assertThat(social.get("api/v1/beneficiaries/" + person + "/export").body())
        .contains("JOB_SEARCH");

    // equipped: the first device sold after the diagnosis ends the wait
    int device = given.availableDevice("donateur", "LAPTOP", "relais", 15_000);
    given.openCashDrawer("relais");
    long order = given.openOrder("relais", person, device);
    long due = counter.get("api/v1/orders/" + order).json().getJsonNumber("dueCents").longValue();
    counter.post(
        "api/v1/orders/" + order + "/payments",
        "{\"method\":\"CASH\",\"amountCents\":" + due + "}");
    assertThat(counter.post("api/v1/orders/" + order + "/completion").status()).isEqualTo(200);
    JsonObject after = social.get("api/v1/beneficiaries/" + person + "/needs").json();
    assertThat(after.getString("equippedAt")).isNotBlank();
    assertThat(LocalDateTime.parse(after.getString("equippedAt")))
        .isAfterOrEqualTo(LocalDateTime.parse(after.getString("diagnosedAt")));

    // retention covers the needs: the uses go, the anonymous figures stay
    try (var db = TestDatabase.connect();
        var old = db.prepareStatement("update beneficiary set last_contact_at = ? where id = ?")) {
      old.setObject(1, LocalDateTime.now().minusMonths(25));
      old.setString(2, person);
      old.executeUpdate();
    }
    assertThat(Api.as(base, "admin").post("api/v1/beneficiaries/anonymisation").status())
        .isEqualTo(200);
    try (var db = TestDatabase.connect();
        var query =
            db.prepareStatement(
                "select uses, recommended_category, equipped_at from beneficiary_need"
                    + " where beneficiary_id = ?")) {
      query.setString(1, person);
      try (ResultSet row = query.executeQuery()) {
        assertThat(row.next()).isTrue();
        assertThat(row.getString(1)).isNull();
        assertThat(row.getString(2)).isEqualTo("LAPTOP");
        assertThat(row.getTimestamp(3)).isNotNull();
      }
    }
  }
}
