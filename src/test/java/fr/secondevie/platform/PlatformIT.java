package fr.secondevie.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.secondevie.testing.Api;
import fr.secondevie.testing.Server;
import fr.secondevie.testing.TestDatabase;
import jakarta.json.JsonObject;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The foundation as a new user meets it, over real HTTP against the packaged WAR on Payara Micro
 * and the test database (H2, or PostgreSQL with -Dit.db.url).
 */
class PlatformIT {

  final URL base = Server.shared();

  @Test
  void healthIsUpWithTheDatabaseCheck() {
    var health = Api.anonymous(root()).get("/health");
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.json().getString("status")).isEqualTo("UP");
    assertThat(health.body()).contains("\"database\"");
  }

  @Test
  void meNamesTheCallersRelay() {
    JsonObject me = Api.as(base, "relais").get("api/v1/me").json();
    assertThat(me.getString("username")).isEqualTo("relais");
    assertThat(me.getJsonArray("roles").getString(0)).isEqualTo("counter");
    assertThat(me.getJsonObject("organisation").getString("kind")).isEqualTo("RELAY");
    assertThat(me.getJsonObject("organisation").getString("name"))
        .isEqualTo("Relais numérique Amiens Nord");

    JsonObject other = Api.as(base, "relais2").get("api/v1/me").json();
    assertThat(other.getJsonObject("organisation").getInt("id"))
        .isNotEqualTo(me.getJsonObject("organisation").getInt("id"));
  }

  @Test
  void noCredentialsIs401Problem() {
    var answer = Api.anonymous(base).get("api/v1/me");
    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.header("Content-Type")).hasValue("application/problem+json");
    assertThat(answer.header("WWW-Authenticate")).get().asString().startsWith("Basic");
    assertThat(answer.json().getString("code")).isEqualTo("AUTHENTICATION_REQUIRED");
  }

  @Test
  void wrongPasswordIs401AndUnknownUserTheSame() {
    var wrong = Api.anonymous(base).withCredentials("social", "not-the-password").get("api/v1/me");
    var unknown = Api.anonymous(base).withCredentials("nobody", "demo").get("api/v1/me");
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(unknown.status()).isEqualTo(401);
    assertThat(wrong.json().getString("detail")).isEqualTo(unknown.json().getString("detail"));
  }

  @Test
  void repeatedFailedLoginsLockTheUserNameForAWhile() {
    String username = "guess" + UUID.randomUUID().toString().substring(0, 8);
    Api guesser = Api.anonymous(base).withCredentials(username, "wrong");
    for (int attempt = 1; attempt <= 5; attempt++) {
      assertThat(guesser.get("api/v1/me").status()).as("attempt %d", attempt).isEqualTo(401);
    }
    var locked = guesser.get("api/v1/me");
    assertThat(locked.status()).isEqualTo(429);
    assertThat(locked.json().getString("code")).isEqualTo("TOO_MANY_ATTEMPTS");
    assertThat(locked.header("Retry-After")).isPresent();
  }

  @Test
  void aCounterCallingAnAdminEndpointIs403() {
    var answer = Api.as(base, "relais").get("api/v1/organisations");
    assertThat(answer.status()).isEqualTo(403);
    assertThat(answer.json().getString("code")).isEqualTo("FORBIDDEN");
    assertThat(Api.as(base, "admin").get("api/v1/organisations").status()).isEqualTo(200);
  }

  @Test
  void malformedJsonIs400ProblemAndChangesNothing() {
    Api admin = Api.as(base, "admin");
    int before = admin.get("api/v1/organisations").structure().asJsonArray().size();
    var answer = admin.post("api/v1/organisations", "{\"name\": \"Relais\", \"kind\": ");
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.header("Content-Type")).hasValue("application/problem+json");
    assertThat(answer.json().getString("code")).isEqualTo("INVALID_INPUT");
    assertThat(answer.body()).doesNotContain("Exception").doesNotContain("at fr.");
    assertThat(admin.get("api/v1/organisations").structure().asJsonArray()).hasSize(before);
  }

  @Test
  void anEmptyBodyIs400Problem() {
    var answer = Api.as(base, "admin").post("api/v1/organisations", "");
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().getString("code")).isEqualTo("INVALID_INPUT");
  }

  @Test
  void unknownFieldIs400NotSilentlyIgnored() {
    var answer =
        Api.as(base, "admin")
            .post("api/v1/organisations", "{\"name\":\"Relais\",\"kind\":\"RELAY\",\"nmae\":1}");
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().getString("code")).isEqualTo("INVALID_INPUT");
    assertThat(answer.json().getString("detail")).contains("nmae");
  }

  @Test
  void invalidFieldsAreListedOneByOne() {
    var answer =
        Api.as(base, "admin")
            .post(
                "api/v1/organisations",
                "{\"name\":\"\",\"kind\":\"RELAY\",\"siren\":\"12\",\"postalCode\":\"80\"}");
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().getJsonArray("errors").getValuesAs(JsonObject.class))
        .extracting(e -> e.getString("field"))
        .containsExactly("name", "postalCode", "siren");
  }

  @Test
  void anAdminRegistersARelayAndTheActIsAudited() {
    Api admin = Api.as(base, "admin");
    var created =
        admin.post(
            "api/v1/organisations",
            "{\"name\":\"Relais numérique Albert\",\"kind\":\"RELAY\",\"city\":\"Albert\","
                + "\"postalCode\":\"80300\",\"openingHours\":\"Mercredi 14h-18h\"}");
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.header("Location")).get().asString().contains("/api/v1/organisations/");
    int id = created.json().getInt("id");
    assertThat(admin.get("api/v1/organisations/" + id).json().getString("city"))
        .isEqualTo("Albert");

    var user =
        admin.post(
            "api/v1/organisations/" + id + "/users",
            "{\"username\":\"albert"
                + UUID.randomUUID().toString().substring(0, 6)
                + "\",\"password\":\"un mot de passe solide\",\"role\":\"counter\"}");
    assertThat(user.status()).isEqualTo(201);
    assertThat(user.body()).doesNotContain("password");
    String username = user.json().getString("username");
    var me =
        Api.anonymous(base)
            .withCredentials(username, "un mot de passe solide")
            .get("api/v1/me")
            .json();
    assertThat(me.getJsonObject("organisation").getInt("id")).isEqualTo(id);

    try (Connection db = TestDatabase.connect();
        PreparedStatement query =
            db.prepareStatement(
                "select a.username, a.organisation_id, a.action, o.kind from audit_entry a"
                    + " join organisation o on o.id = a.organisation_id"
                    + " where a.record_type = 'Organisation' and a.record_id = ?")) {
      query.setString(1, Integer.toString(id));
      try (ResultSet rows = query.executeQuery()) {
        assertThat(rows.next()).as("an audit entry for the registration").isTrue();
        assertThat(rows.getString("username")).isEqualTo("admin");
        assertThat(rows.getString("kind")).isEqualTo("COORDINATION");
        assertThat(rows.getString("action")).isEqualTo("ORGANISATION_REGISTERED");
        assertThat(rows.next()).isFalse();
      }
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void theAuditTrailCannotBeRewrittenOnPostgres() throws SQLException {
    Assumptions.assumeTrue(TestDatabase.isPostgres(), "the trigger exists on PostgreSQL only");
    Api.as(base, "admin")
        .post("api/v1/organisations", "{\"name\":\"Relais audité\",\"kind\":\"RELAY\"}");
    try (Connection db = TestDatabase.connect();
        Statement statement = db.createStatement()) {
      assertThatThrownBy(() -> statement.executeUpdate("update audit_entry set username = 'x'"))
          .hasMessageContaining("append-only");
      assertThatThrownBy(() -> statement.executeUpdate("delete from audit_entry"))
          .hasMessageContaining("append-only");
    }
  }

  @Test
  void anotherOrganisationsRecordIs404NotAnError() {
    assertThat(Api.as(base, "admin").get("api/v1/organisations/987654").status()).isEqualTo(404);
    assertThat(Api.as(base, "admin").get("api/v1/no-such-endpoint").status()).isEqualTo(404);
  }

  @Test
  void responsesCarrySecurityHeaders() {
    var page = Api.anonymous(base).get("index.xhtml");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.header("Content-Security-Policy"))
        .get()
        .asString()
        .contains("frame-ancestors 'none'");
    assertThat(page.header("X-Content-Type-Options")).hasValue("nosniff");
    var api = Api.as(base, "relais").get("api/v1/me");
    assertThat(api.header("Content-Security-Policy"))
        .get()
        .asString()
        .contains("default-src 'none'");
  }

  @Test
  void pagesAreClosedByDefaultAndThePublicHomeIsOpen() {
    var home = Api.anonymous(base).get("");
    assertThat(home.status()).isEqualTo(200);
    assertThat(home.body())
        .contains("lang=\"fr\"")
        .contains("Comment ça marche")
        .contains("démonstration");
    var english = Api.anonymous(base).get("index.xhtml?lang=en");
    assertThat(english.body()).contains("lang=\"en\"").contains("How it works");

    assertThat(home.body()).contains("href=\"/accessibilite.xhtml\"");
    var statement = Api.anonymous(base).get("accessibilite.xhtml");
    assertThat(statement.status()).isEqualTo(200);
    assertThat(statement.body())
        .contains("Déclaration d’accessibilité")
        .contains("partiellement conforme")
        .contains("Défenseur des droits");

    var protectedPage = Api.anonymous(base).get("app/index.xhtml");
    assertThat(protectedPage.status()).isEqualTo(302);
    assertThat(protectedPage.header("Location")).get().asString().contains("/login.xhtml?next=");
  }

  @Test
  void openApiListsTheEndpoints() {
    var openapi = Api.anonymous(root()).get("/openapi");
    assertThat(openapi.status()).isEqualTo(200);
    assertThat(openapi.body()).contains("/api/v1/me").contains("/api/v1/organisations");
    assertThat(Api.anonymous(root()).get("/metrics", "text/plain").status()).isEqualTo(200);
  }

  private URL root() {
    return base;
  }
}
