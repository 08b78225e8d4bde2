package fr.secondevie.organisations;

import static fr.secondevie.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.testing.Api;
import fr.secondevie.testing.Api.Answer;
import fr.secondevie.testing.Mail;
import fr.secondevie.testing.Race;
import fr.secondevie.testing.Scenarios;
import fr.secondevie.testing.Server;
import jakarta.json.JsonObject;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Joining the chain as a new member would, over HTTP with a real SMTP server (GreenMail in the test
 * JVM): a company asks on the public endpoint, its territory's coordination approves it, the
 * contact receives the e-mail and activates the account through its link, and pledges a lot of
 * phones that only the phone workshop sees. Around it, every refusal of API.md, each changing
 * nothing: no territory, a SIREN already known, a decided request, a used link, a weak password, a
 * role that does not fit, a user name taken, the sign-up throttle; invitations by a manager; a
 * password changed; an account deactivated refused at its next request.
 */
class JoiningIT {

  final URL base = Server.shared();
  final Scenarios given = new Scenarios(base);

  /** Each test asks from an address of its own: the sign-up throttle counts per address. */
  private static Api visitor(URL base) {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    return Api.anonymous(base)
        .withHeader("X-Forwarded-For", "198.51." + r.nextInt(1, 255) + "." + r.nextInt(1, 255));
  }

  private static String siren() {
    return String.format("%09d", ThreadLocalRandom.current().nextInt(100_000_000, 999_999_999));
  }

  private static String request(
      String kind, String name, String siren, String postalCode, String email) {
    return "{\"kind\":\""
        + kind
        + "\",\"name\":\""
        + name
        + "\",\"siren\":"
        + (siren == null ? "null" : "\"" + siren + "\"")
        + ",\"address\":\"3 rue des Trois Cailloux\",\"postalCode\":\""
        + postalCode
        + "\",\"city\":\"Amiens\",\"contactName\":\"Camille Martin\",\"contactEmail\":\""
        + email
        + "\",\"publicBody\":false}";
  }

  private static String email() {
    return "camille." + UUID.randomUUID().toString().substring(0, 8) + "@entreprise.test";
  }

  private static final String STRONG = "un mot de passe bien long";

  /** A pending request of a new company in Hauts-de-France: its id. */
  private long asked(String name, String email) {
    Answer asked =
        visitor(base)
            .post("api/v1/membership-requests", request("COMPANY", name, siren(), "80000", email));
    assertThat(asked.status()).as(asked.toString()).isEqualTo(201);
    return asked.json().getJsonNumber("id").longValue();
  }

  /** An approved and activated company: its first account's user name. */
  private String joined(String email) {
    Mail.listen();
    long id = asked("Entreprise " + UUID.randomUUID().toString().substring(0, 6), email);
    Answer approved = Api.as(base, "admin").post("api/v1/membership-requests/" + id + "/approval");
    assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
    String link = Mail.awaitTo(email).link();
    String token = link.substring(link.indexOf("token=") + 6);
    Answer activated =
        Api.anonymous(base)
            .post("api/v1/activations/" + token, "{\"password\":\"" + STRONG + "\"}");
    assertThat(activated.status()).as(activated.toString()).isEqualTo(200);
    return approved.json().getJsonObject("activation").getString("username");
  }

  @Test
  void aCompanyJoinsActivatesThroughTheEmailAndItsPhonesGoToThePhoneWorkshopOnly() {
    Mail.listen();
    String email = email();
    String name = "Picardie Numérique " + UUID.randomUUID().toString().substring(0, 6);
    Answer asked =
        visitor(base)
            .post("api/v1/membership-requests", request("COMPANY", name, siren(), "80000", email));
    assertThat(asked.status()).as(asked.toString()).isEqualTo(201);
    assertThat(asked.header("Location")).get().asString().contains("/api/v1/membership-requests/");
    JsonObject received = asked.json();
    assertThat(received.getString("status")).isEqualTo("PENDING");
    long hdf =
        Api.as(base, "admin").get("api/v1/me").json().getJsonNumber("territoryId").longValue();
    assertThat(received.getJsonNumber("territoryId").longValue()).isEqualTo(hdf);
    long id = received.getJsonNumber("id").longValue();

    // HDF's coordination sees it, ARA's does not and cannot decide it
    assertThat(ids(Api.as(base, "admin").get("api/v1/membership-requests"))).contains(id);
    assertThat(ids(Api.as(base, "admin2").get("api/v1/membership-requests"))).doesNotContain(id);
    assertProblem(
        Api.as(base, "admin2").post("api/v1/membership-requests/" + id + "/approval"),
        404,
        "NOT_FOUND");
    assertProblem(
        Api.as(base, "donateur").post("api/v1/membership-requests/" + id + "/approval"),
        403,
        "FORBIDDEN");

    Answer approved = Api.as(base, "admin").post("api/v1/membership-requests/" + id + "/approval");
    assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
    assertThat(approved.json().getString("status")).isEqualTo("APPROVED");
    long organisation = approved.json().getJsonNumber("organisationId").longValue();
    String username = approved.json().getJsonObject("activation").getString("username");
    String shownLink = approved.json().getJsonObject("activation").getString("link");
    assertThat(username).startsWith("camille.");
    assertProblem(
        Api.as(base, "admin").post("api/v1/membership-requests/" + id + "/approval"),
        409,
        "REQUEST_ALREADY_DECIDED");
    JsonObject created = Api.as(base, "admin").get("api/v1/organisations/" + organisation).json();
    assertThat(created.getString("name")).isEqualTo(name);
    assertThat(created.getString("kind")).isEqualTo("COMPANY");
    assertThat(created.getJsonNumber("territoryId").longValue()).isEqualTo(hdf);

    // the contact receives the e-mail, with the same link the coordination was shown
    Mail.Received mail = Mail.awaitTo(email);
    assertThat(mail.subject()).contains("activez votre compte");
    assertThat(mail.text()).contains(username).contains("72 heures");
    assertThat(mail.link()).isEqualTo(shownLink);
    String token = mail.link().substring(mail.link().indexOf("token=") + 6);
    assertThat(Api.anonymous(base).withCredentials(username, STRONG).get("api/v1/me").status())
        .isEqualTo(401);

    // a weak password leaves the link good; the link works once
    assertProblem(
        Api.anonymous(base).post("api/v1/activations/" + token, "{\"password\":\"court\"}"),
        422,
        "WEAK_PASSWORD");
    Answer activated =
        Api.anonymous(base)
            .post("api/v1/activations/" + token, "{\"password\":\"" + STRONG + "\"}");
    assertThat(activated.status()).as(activated.toString()).isEqualTo(200);
    assertProblem(
        Api.anonymous(base)
            .post("api/v1/activations/" + token, "{\"password\":\"" + STRONG + "2\"}"),
        410,
        "ACTIVATION_EXPIRED");

    Api contact = Api.anonymous(base).withCredentials(username, STRONG);
    JsonObject me = contact.get("api/v1/me").json();
    assertThat(me.getJsonArray("roles").getString(0)).isEqualTo("donor");
    assertThat(me.getJsonObject("organisation").getJsonNumber("id").longValue())
        .isEqualTo(organisation);

    // the new donor pledges phones: the lot goes to the phone workshop, and only it sees it
    Answer pledged =
        contact.post(
            "api/v1/donations",
            "{\"items\":[{\"category\":\"SMARTPHONE\",\"quantity\":12,\"description\":\"Téléphones"
                + " de la flotte\",\"unitValueCents\":4000}],\"pickupAddress\":\"3 rue des Trois"
                + " Cailloux, Amiens\",\"availableFrom\":\"2026-12-01\"}");
    assertThat(pledged.status()).as(pledged.toString()).isEqualTo(201);
    long donation = pledged.json().getJsonNumber("id").longValue();
    long phones = given.organisationOf("atelier2");
    assertThat(pledged.json().getJsonObject("workshop").getJsonNumber("id").longValue())
        .isEqualTo(phones);
    assertThat(Api.as(base, "atelier2").get("api/v1/donations/" + donation).status())
        .isEqualTo(200);
    assertThat(ids(Api.as(base, "atelier2").get("api/v1/donations"))).contains(donation);
    for (String other : List.of("atelier", "atelier3", "donateur", "donateur3", "relais")) {
      assertThat(Api.as(base, other).get("api/v1/donations/" + donation).status())
          .as(other)
          .isIn(403, 404);
    }
    assertThat(ids(Api.as(base, "atelier").get("api/v1/donations"))).doesNotContain(donation);
    assertThat(Api.as(base, "admin2").get("api/v1/donations/" + donation).status()).isEqualTo(404);

    // the trail of the territory says it all, newest first
    JsonObject trail =
        Api.as(base, "admin").get("api/v1/audit?entity=MembershipRequest&size=200").json();
    List<String> actions =
        trail.getJsonArray("items").getValuesAs(JsonObject.class).stream()
            .filter(e -> e.getString("recordId").equals(String.valueOf(id)))
            .map(e -> e.getString("action"))
            .toList();
    assertThat(actions).containsExactly("MEMBERSHIP_APPROVED", "MEMBERSHIP_REQUESTED");
  }

  @Test
  void aPostalCodeNoTerritoryCoversIsRefusedAndNothingIsStored() {
    int before =
        Api.as(base, "admin").get("api/v1/membership-requests").structure().asJsonArray().size();
    // Corsica (20xxx) is in no territory, and the tests never give it one
    assertProblem(
        visitor(base)
            .post(
                "api/v1/membership-requests",
                request("RELAY", "Relais d'Ajaccio", null, "20000", email())),
        422,
        "NO_TERRITORY");
    assertProblem(
        visitor(base)
            .post(
                "api/v1/membership-requests", request("MAIRIE", "Mairie", null, "80000", email())),
        400,
        "INVALID_INPUT");
    assertProblem(
        visitor(base)
            .post(
                "api/v1/membership-requests",
                request("COORDINATION", "Chaîne", null, "80000", email())),
        400,
        "INVALID_INPUT");
    assertProblem(
        visitor(base)
            .post(
                "api/v1/membership-requests",
                request("COMPANY", "=HYPERLINK(\\\"http://x\\\")", null, "80000", email())),
        400,
        "INVALID_INPUT");
    assertThat(
            Api.as(base, "admin")
                .get("api/v1/membership-requests")
                .structure()
                .asJsonArray()
                .size())
        .isEqualTo(before);
  }

  @Test
  void aSirenKnownInTheTerritoryOrAlreadyAskingIsADuplicate() {
    // Picardie Assurances, a demo company of Hauts-de-France
    assertProblem(
        visitor(base)
            .post(
                "api/v1/membership-requests",
                request("COMPANY", "Picardie Assurances", "552100554", "80000", email())),
        409,
        "DUPLICATE_ORGANISATION");
    String siren = siren();
    assertThat(
            visitor(base)
                .post(
                    "api/v1/membership-requests",
                    request("COMPANY", "Double", siren, "80000", email()))
                .status())
        .isEqualTo(201);
    assertProblem(
        visitor(base)
            .post(
                "api/v1/membership-requests",
                request("COMPANY", "Double bis", siren, "59000", email())),
        409,
        "DUPLICATE_ORGANISATION");
    // the same SIREN in another territory is another chain's business
    assertThat(
            visitor(base)
                .post(
                    "api/v1/membership-requests",
                    request("COMPANY", "Double Lyon", siren, "69002", email()))
                .status())
        .isEqualTo(201);
  }

  @Test
  void aRefusalKeepsItsReasonAndTheRequestIsDecidedOnce() {
    long id = asked("Entreprise refusée", email());
    assertProblem(
        Api.as(base, "admin")
            .post("api/v1/membership-requests/" + id + "/refusal", "{\"reason\":\"\"}"),
        400,
        "INVALID_INPUT");
    Answer refused =
        Api.as(base, "admin")
            .post(
                "api/v1/membership-requests/" + id + "/refusal",
                "{\"reason\":\"Hors du champ de la filière\"}");
    assertThat(refused.status()).as(refused.toString()).isEqualTo(200);
    assertThat(refused.json().getString("status")).isEqualTo("REFUSED");
    assertThat(refused.json().getString("refusalReason")).isEqualTo("Hors du champ de la filière");
    assertProblem(
        Api.as(base, "admin").post("api/v1/membership-requests/" + id + "/approval"),
        409,
        "REQUEST_ALREADY_DECIDED");
  }

  @Test
  void theSignUpIsThrottledPerAddressAndTheRefusedOneStoresNothing() {
    Api one =
        Api.anonymous(base)
            .withHeader(
                "X-Forwarded-For", "203.0.113." + ThreadLocalRandom.current().nextInt(1, 255));
    for (int i = 0; i < 5; i++) {
      Answer asked =
          one.post(
              "api/v1/membership-requests",
              request("COMPANY", "Essai " + i, null, "80000", email()));
      assertThat(asked.status()).as(asked.toString()).isEqualTo(201);
    }
    int before =
        Api.as(base, "admin").get("api/v1/membership-requests").structure().asJsonArray().size();
    assertProblem(
        one.post(
            "api/v1/membership-requests",
            request("COMPANY", "Essai de trop", null, "80000", email())),
        429,
        "TOO_MANY_ATTEMPTS");
    assertThat(
            Api.as(base, "admin")
                .get("api/v1/membership-requests")
                .structure()
                .asJsonArray()
                .size())
        .isEqualTo(before);
  }

  @Test
  void aManagerInvitesItsStaffWithRolesThatFit() {
    String manager = joined(email());
    Api boss = Api.anonymous(base).withCredentials(manager, STRONG);
    long company =
        boss.get("api/v1/me").json().getJsonObject("organisation").getJsonNumber("id").longValue();
    String staffEmail = email();
    String staff = "compta" + UUID.randomUUID().toString().substring(0, 6);
    assertProblem(
        boss.post(
            "api/v1/organisations/" + company + "/users",
            "{\"username\":\""
                + staff
                + "\",\"email\":\""
                + staffEmail
                + "\",\"roles\":[\"funder\"]}"),
        422,
        "ROLE_NOT_ALLOWED");
    assertProblem(
        boss.post(
            "api/v1/organisations/" + given.organisationOf("donateur2") + "/users",
            "{\"username\":\""
                + staff
                + "\",\"email\":\""
                + staffEmail
                + "\",\"roles\":[\"donor\"]}"),
        404,
        "NOT_FOUND");
    Answer invited =
        boss.post(
            "api/v1/organisations/" + company + "/users",
            "{\"username\":\""
                + staff
                + "\",\"email\":\""
                + staffEmail
                + "\",\"roles\":[\"donor\"],\"manager\":false}");
    assertThat(invited.status()).as(invited.toString()).isEqualTo(201);
    assertThat(invited.json().getString("username")).isEqualTo(staff);
    String link = invited.json().getJsonObject("activation").getString("link");
    assertThat(Mail.awaitTo(staffEmail).link()).isEqualTo(link);
    assertProblem(
        boss.post(
            "api/v1/organisations/" + company + "/users",
            "{\"username\":\"" + staff + "\",\"email\":\"" + email() + "\",\"roles\":[\"donor\"]}"),
        409,
        "DUPLICATE_USERNAME");
    assertThat(
            Api.anonymous(base)
                .post(
                    "api/v1/activations/" + link.substring(link.indexOf("token=") + 6),
                    "{\"password\":\"" + STRONG + "\"}")
                .status())
        .isEqualTo(200);
    // a member who does not manage its organisation invites nobody
    assertProblem(
        Api.anonymous(base)
            .withCredentials(staff, STRONG)
            .post(
                "api/v1/organisations/" + company + "/users",
                "{\"username\":\"autre" + staff + "\",\"roles\":[\"donor\"]}"),
        403,
        "NOT_A_MANAGER");
    // the coordination of another territory does not find the company
    assertProblem(
        Api.as(base, "admin2")
            .post(
                "api/v1/organisations/" + company + "/users",
                "{\"username\":\"autre" + staff + "\",\"roles\":[\"donor\"]}"),
        404,
        "NOT_FOUND");
  }

  @Test
  void aPasswordChangesWithTheCurrentOneAndTwelveCharacters() {
    String user = joined(email());
    Api old = Api.anonymous(base).withCredentials(user, STRONG);
    assertThat(old.get("api/v1/me").status()).isEqualTo(200);
    assertProblem(
        old.post(
            "api/v1/me/password",
            "{\"currentPassword\":\"" + STRONG + "\",\"newPassword\":\"trop court\"}"),
        422,
        "WEAK_PASSWORD");
    assertProblem(
        old.post(
            "api/v1/me/password",
            "{\"currentPassword\":\"pas le bon\",\"newPassword\":\"un autre mot de passe\"}"),
        422,
        "WRONG_PASSWORD");
    assertThat(old.get("api/v1/me").status()).isEqualTo(200);
    Answer changed =
        old.post(
            "api/v1/me/password",
            "{\"currentPassword\":\"" + STRONG + "\",\"newPassword\":\"un autre mot de passe\"}");
    assertThat(changed.status()).as(changed.toString()).isEqualTo(204);
    // the old password was cached by this instance: the database's version refuses it
    assertThat(old.get("api/v1/me").status()).isEqualTo(401);
    assertThat(
            Api.anonymous(base)
                .withCredentials(user, "un autre mot de passe")
                .get("api/v1/me")
                .status())
        .isEqualTo(200);
  }

  @Test
  void aDeactivatedAccountIsRefusedAtItsNextRequest() {
    String user = joined(email());
    Api member = Api.anonymous(base).withCredentials(user, STRONG);
    assertThat(member.get("api/v1/me").status()).isEqualTo(200); // now in the credential cache
    assertProblem(
        Api.as(base, "admin2").post("api/v1/users/" + user + "/deactivation"), 404, "NOT_FOUND");
    assertProblem(
        Api.as(base, "donateur").post("api/v1/users/" + user + "/deactivation"), 404, "NOT_FOUND");
    assertThat(member.get("api/v1/me").status()).isEqualTo(200);
    Answer deactivated = Api.as(base, "admin").post("api/v1/users/" + user + "/deactivation");
    assertThat(deactivated.status()).as(deactivated.toString()).isEqualTo(200);
    assertThat(deactivated.json().getBoolean("active")).isFalse();
    assertProblem(member.get("api/v1/me"), 401, "BAD_CREDENTIALS");
    assertThat(
            member
                .post(
                    "api/v1/me/password",
                    "{\"currentPassword\":\""
                        + STRONG
                        + "\",\"newPassword\":\"un autre mot de passe\"}")
                .status())
        .isEqualTo(401);
    // again: the same answer
    assertThat(Api.as(base, "admin").post("api/v1/users/" + user + "/deactivation").status())
        .isEqualTo(200);
  }

  /**
   * Taken once, also at the same instant: one organisation asking eight times at once from eight
   * addresses is one request (the pending SIREN is unique per territory in the database), a request
   * accepted by eight clicks at once is one organisation, and a link used eight times at once sets
   * one password.
   */
  @Test
  void eachThingIsTakenOnceWhenEightAskAtOnce() throws Exception {
    Mail.listen();
    String siren = siren();
    List<Answer> asked =
        Race.of(
            8,
            i ->
                visitor(base)
                    .post(
                        "api/v1/membership-requests",
                        request("COMPANY", "Course " + i, siren, "80000", email())));
    assertThat(asked.stream().map(Answer::status).sorted().toList())
        .as(asked.toString())
        .containsExactly(201, 409, 409, 409, 409, 409, 409, 409);
    asked.stream()
        .filter(a -> a.status() == 409)
        .forEach(a -> assertProblem(a, 409, "DUPLICATE_ORGANISATION"));
    long id =
        asked.stream()
            .filter(a -> a.status() == 201)
            .findFirst()
            .orElseThrow()
            .json()
            .getJsonNumber("id")
            .longValue();

    int organisations =
        Api.as(base, "admin").get("api/v1/organisations").structure().asJsonArray().size();
    List<Answer> approved =
        Race.of(
            8, i -> Api.as(base, "admin").post("api/v1/membership-requests/" + id + "/approval"));
    assertThat(approved.stream().map(Answer::status).sorted().toList())
        .as(approved.toString())
        .containsExactly(200, 409, 409, 409, 409, 409, 409, 409);
    assertThat(Api.as(base, "admin").get("api/v1/organisations").structure().asJsonArray().size())
        .isEqualTo(organisations + 1);

    String link =
        approved.stream()
            .filter(a -> a.status() == 200)
            .findFirst()
            .orElseThrow()
            .json()
            .getJsonObject("activation")
            .getString("link");
    String token = link.substring(link.indexOf("token=") + 6);
    List<Answer> activated =
        Race.of(
            8,
            i ->
                Api.anonymous(base)
                    .post(
                        "api/v1/activations/" + token,
                        "{\"password\":\"" + STRONG + " " + i + "\"}"));
    assertThat(activated.stream().map(Answer::status).sorted().toList())
        .as(activated.toString())
        .containsExactly(200, 410, 410, 410, 410, 410, 410, 410);
  }

  @Test
  void aDeactivatedAccountsWebSessionEndsAtItsNextRequest() {
    String user = joined(email());
    Api visitor = Api.anonymous(base);
    Answer page = visitor.get("login.xhtml");
    Matcher state =
        Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"")
            .matcher(page.body());
    assertThat(state.find()).isTrue();
    Answer login =
        visitor.postForm(
            "login.xhtml",
            Map.of(
                "login",
                "login",
                "login:username",
                user,
                "login:password",
                STRONG,
                "login:submit",
                "",
                "jakarta.faces.ViewState",
                state.group(1).replace("&#58;", ":").replace("&amp;", "&")));
    assertThat(login.status()).as(login.toString()).isEqualTo(302);
    String cookie =
        login.headers().entrySet().stream()
            .filter(e -> e.getKey().equalsIgnoreCase("Set-Cookie"))
            .flatMap(e -> e.getValue().stream())
            .filter(c -> c.startsWith("JSESSIONID="))
            .reduce((first, last) -> last)
            .orElseThrow()
            .split(";")[0];
    Api session = Api.anonymous(base).withHeader("Cookie", cookie);
    assertThat(session.get("api/v1/me").status()).isEqualTo(200);
    assertThat(session.get("app/index.xhtml").status()).isEqualTo(200);
    assertThat(Api.as(base, "admin").post("api/v1/users/" + user + "/deactivation").status())
        .isEqualTo(200);
    assertThat(session.get("api/v1/me").status()).isEqualTo(401);
    Answer home = session.get("app/index.xhtml");
    assertThat(home.status()).isEqualTo(302);
    assertThat(home.header("Location")).get().asString().contains("login.xhtml");
  }

  @Test
  void theAuditTrailIsTheTerritorysNewestFirstAndPaged() {
    String name = "Entreprise auditée " + UUID.randomUUID().toString().substring(0, 6);
    long id = asked(name, email());
    Answer page = Api.as(base, "admin").get("api/v1/audit?entity=MembershipRequest&size=5");
    assertThat(page.status()).as(page.toString()).isEqualTo(200);
    JsonObject json = page.json();
    assertThat(json.getInt("size")).isEqualTo(5);
    assertThat(json.getInt("page")).isZero();
    assertThat(json.getJsonArray("items").size()).isLessThanOrEqualTo(5);
    JsonObject newest = json.getJsonArray("items").getJsonObject(0);
    assertThat(newest.getString("at")).matches("\\d{4}-\\d\\d-\\d\\dT.*[+-]\\d\\d:\\d\\d");
    assertThat(
            Api.as(base, "admin")
                .get("api/v1/audit?entity=MembershipRequest&size=200")
                .json()
                .getJsonArray("items")
                .getValuesAs(JsonObject.class)
                .stream()
                .anyMatch(e -> e.getString("recordId").equals(String.valueOf(id))))
        .isTrue();
    // ARA's coordination never reads HDF's entries; national reads both
    assertThat(
            Api.as(base, "admin2")
                .get("api/v1/audit?entity=MembershipRequest&size=200")
                .json()
                .getJsonArray("items")
                .getValuesAs(JsonObject.class)
                .stream()
                .anyMatch(e -> e.getString("recordId").equals(String.valueOf(id))))
        .isFalse();
    long hdf =
        Api.as(base, "admin").get("api/v1/me").json().getJsonNumber("territoryId").longValue();
    assertThat(
            Api.as(base, "admin")
                .get("api/v1/audit?size=200")
                .json()
                .getJsonArray("items")
                .getValuesAs(JsonObject.class)
                .stream()
                .allMatch(e -> e.getJsonNumber("territoryId").longValue() == hdf))
        .isTrue();
    assertThat(
            Api.as(base, "national")
                .get("api/v1/audit?entity=MembershipRequest&size=200")
                .json()
                .getJsonArray("items")
                .getValuesAs(JsonObject.class)
                .stream()
                .anyMatch(e -> e.getString("recordId").equals(String.valueOf(id))))
        .isTrue();
    assertProblem(Api.as(base, "donateur").get("api/v1/audit"), 403, "FORBIDDEN");
    assertProblem(Api.as(base, "admin").get("api/v1/audit?size=0"), 400, "INVALID_INPUT");
    assertProblem(Api.as(base, "admin").get("api/v1/audit?size=1000"), 400, "INVALID_INPUT");
    assertProblem(Api.as(base, "admin").get("api/v1/audit?from=hier"), 400, "INVALID_INPUT");
    // a period that ends before today holds nothing of today
    assertThat(
            Api.as(base, "admin")
                .get("api/v1/audit?entity=MembershipRequest&to=2020-01-01")
                .json()
                .getJsonNumber("total")
                .longValue())
        .isZero();
  }

  private static List<Long> ids(Answer list) {
    assertThat(list.status()).as(list.toString()).isEqualTo(200);
    var json = list.structure();
    var array =
        json instanceof jakarta.json.JsonArray a ? a : ((JsonObject) json).getJsonArray("items");
    return array.getValuesAs(JsonObject.class).stream()
        .map(o -> o.getJsonNumber("id").longValue())
        .toList();
  }
}
