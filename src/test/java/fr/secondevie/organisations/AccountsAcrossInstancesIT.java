package fr.secondevie.organisations;

import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.testing.Api;
import fr.secondevie.testing.Concurrency;
import fr.secondevie.testing.Scenarios;
import fr.secondevie.testing.Server;
import java.net.URL;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Two Payara Micro instances on one PostgreSQL database, as behind a load balancer: an account's
 * credentials are cached by both, it is deactivated (or its password changed) through one, and the
 * other refuses its very next request: the credential cache never decides alone, the database does.
 * An embedded H2 file belongs to one process, so on H2 the class is skipped before anything starts.
 */
@EnabledIf(
    value = "fr.secondevie.testing.TestDatabase#isPostgres",
    disabledReason =
        "two instances share a PostgreSQL database only (-Dit.db.url=jdbc:postgresql:...)")
@ResourceLock(Concurrency.SECOND_INSTANCE)
class AccountsAcrossInstancesIT {

  final URL base = Server.shared();

  /** The second instance the tests of several instances share, started on first use. */
  private static URL second() {
    return Server.second().base();
  }

  private String counter() {
    String agent = "guichet" + UUID.randomUUID().toString().substring(0, 8);
    long relay = new Scenarios(base).organisationOf("relais");
    var created =
        Api.as(base, "admin")
            .post(
                "api/v1/organisations/" + relay + "/users",
                "{\"username\":\""
                    + agent
                    + "\",\"password\":\""
                    + Scenarios.PASSWORD
                    + "\",\"roles\":[\"counter\"]}");
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return agent;
  }

  @Test
  void anAccountDeactivatedOnOneInstanceIsRefusedOnTheOtherAtOnce() {
    URL other = second();
    String agent = counter();
    Api here = Api.anonymous(base).withCredentials(agent, Scenarios.PASSWORD);
    Api there = Api.anonymous(other).withCredentials(agent, Scenarios.PASSWORD);
    assertThat(here.get("api/v1/me").status()).isEqualTo(200);
    assertThat(there.get("api/v1/me").status()).isEqualTo(200); // cached by both instances
    var deactivated = Api.as(base, "admin").post("api/v1/users/" + agent + "/deactivation");
    assertThat(deactivated.status()).as(deactivated.toString()).isEqualTo(200);
    assertThat(there.get("api/v1/me").status()).isEqualTo(401);
    assertThat(here.get("api/v1/me").status()).isEqualTo(401);
  }

  @Test
  void aPasswordChangedOnOneInstanceEndsTheOldOneOnTheOther() {
    URL other = second();
    String agent = counter();
    Api there = Api.anonymous(other).withCredentials(agent, Scenarios.PASSWORD);
    assertThat(there.get("api/v1/me").status()).isEqualTo(200);
    var changed =
        Api.anonymous(base)
            .withCredentials(agent, Scenarios.PASSWORD)
            .post(
                "api/v1/me/password",
                "{\"currentPassword\":\""
                    + Scenarios.PASSWORD
                    + "\",\"newPassword\":\"un nouveau mot de passe\"}");
    assertThat(changed.status()).as(changed.toString()).isEqualTo(204);
    assertThat(there.get("api/v1/me").status()).isEqualTo(401);
    assertThat(
            Api.anonymous(other)
                .withCredentials(agent, "un nouveau mot de passe")
                .get("api/v1/me")
                .status())
        .isEqualTo(200);
  }
}
