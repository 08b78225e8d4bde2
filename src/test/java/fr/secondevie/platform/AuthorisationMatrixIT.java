package fr.secondevie.platform;

import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.testing.Api;
import fr.secondevie.testing.OpenApi;
import fr.secondevie.testing.OpenApi.Operation;
import fr.secondevie.testing.Scenarios;
import fr.secondevie.testing.Server;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.net.URL;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The authorisation matrix: every operation of {@code /openapi} × every demo user (and no user) ×
 * the ids of resources that belong to other organisations (an order of the second relay, a donation
 * and a tax receipt of the second donor company, a programme, a batch and a voucher of the second
 * authority, a person of the social structure, a device of the second relay), all of the first
 * territory: the users of the second territory (admin2, atelier3, relais3...) and the phone
 * workshop (atelier2, which the fixture's laptops are not routed to) reach none of them.
 *
 * <p>Nobody is let in where neither the role nor the organisation allows: without credentials 401
 * (except the public reads and the Stripe webhook of API.md), a role that may not call the
 * operation 403, another organisation's resource 404 — the same answer as an id that does not
 * exist, so nothing reveals that it does; never a 2xx, a 409 or a 422 about someone else's
 * resource, and the lists a user reads hold none of another organisation's resources. Where the
 * role may see across organisations by design (the coordination; the workshop, which receives every
 * donor's devices; a counter reading a person's eligibility or a voucher before it takes it), the
 * reads answer without a 5xx.
 */
class AuthorisationMatrixIT {

  final URL base = Server.shared();
  final Scenarios given = new Scenarios(base);

  static final List<String> USERS =
      List.of(
          "admin",
          "atelier",
          "relais",
          "relais2",
          "social",
          "donateur",
          "donateur2",
          "financeur",
          "financeur2",
          "atelier2",
          "mairie",
          "admin2",
          "atelier3",
          "relais3",
          "social2",
          "donateur3",
          "financeur3",
          "national");

  /** The public operations of API.md: anyone may call them. */
  static final Set<String> PUBLIC =
      Set.of(
          "GET /api/v1/catalogue",
          "GET /api/v1/devices/{id}",
          "GET /api/v1/relays",
          "GET /api/v1/relays/{id}",
          "GET /api/v1/relays/{id}/services",
          "GET /api/v1/impact",
          "POST /api/v1/stripe/webhook",
          "GET /api/v1/territories",
          "POST /api/v1/membership-requests",
          "POST /api/v1/activations/{token}");

  /**
   * Where a user reaches another organisation's resources by design (path prefixes, or a method and
   * a path prefix), besides public reads: the workshop the fixture's lots are routed to, the
   * counters of the same territory reading a person's eligibility or a voucher before they take it,
   * the national coordination reading every territory's organisations.
   */
  static final Map<String, List<String>> ACROSS =
      Map.of(
          "atelier", List.of("/api/v1/donations", "/api/v1/devices"),
          "relais", List.of("/api/v1/beneficiaries/{id}/eligibility", "/api/v1/vouchers/{code}"),
          "relais2", List.of("/api/v1/beneficiaries/{id}/eligibility", "/api/v1/vouchers/{code}"),
          "national", List.of("GET /api/v1/organisations"));

  final List<String> failures = new ArrayList<>();
  final Map<Integer, Integer> refusals = new HashMap<>();
  int sent;

  @Test
  void nobodyReachesAnotherOrganisationsResources() {
    Fixture theirs = new Fixture();
    List<Operation> operations = OpenApi.of(base).operations();
    assertThat(operations).hasSizeGreaterThan(50);
    for (Operation op : operations) {
      String signature = op.method() + " " + op.path();
      boolean isPublic = PUBLIC.contains(signature);
      String path = theirs.fill(op);
      String missing = theirs.fillMissing(op);
      String body = theirs.body(op);
      Api.Answer anonymous = send(Api.anonymous(base), op, path, body);
      if (!isPublic) {
        expect(
            anonymous.status() == 401 && isProblem(anonymous), signature, "anonymous", anonymous);
      }
      for (String user : USERS) {
        Api api = Api.as(base, user);
        boolean mayReach =
            isPublic
                || user.equals("admin")
                || theirs.owners(op).contains(user)
                || ACROSS.getOrDefault(user, List.of()).stream()
                    .anyMatch(p -> op.path().startsWith(p) || signature.startsWith(p));
        if (mayReach) {
          if (op.method().equals("GET")) {
            Api.Answer answer = send(api, op, path, null);
            expect(
                answer.status() < 500 && (answer.status() < 400 || isProblem(answer)),
                signature,
                user,
                answer);
          }
          continue;
        }
        Api.Answer answer = send(api, op, path, body);
        if (theirs.owners(op).isEmpty() && !theirs.idsInBody(op) && user.equals("admin2")) {
          // The second territory's coordination may act where the role decides (its own lists,
          // its batches): it answers without a 5xx, and its lists hold nothing of the first's.
          expect(
              answer.status() < 500 && (answer.status() < 400 || isProblem(answer)),
              signature,
              user,
              answer);
          if (answer.status() == 200 && op.method().equals("GET")) {
            theirs.assertNoneListed(signature, user, answer);
          }
          continue;
        }
        if (theirs.owners(op).isEmpty() && !theirs.idsInBody(op)) {
          // Nothing of another organisation's in it: the role decides (a creation, a list).
          expect(
              Set.of(400, 403).contains(answer.status()) && isProblem(answer)
                  || answer.status() == 200 && op.method().equals("GET"),
              signature,
              user,
              answer);
          if (answer.status() == 200) {
            theirs.assertNoneListed(signature, user, answer);
          }
          continue;
        }
        expect(
            Set.of(403, 404).contains(answer.status()) && isProblem(answer),
            signature,
            user,
            answer);
        refusals.merge(answer.status(), 1, Integer::sum);
        if (answer.status() == 404 && !op.pathParameters().contains("code")) {
          // (a voucher code that exists nowhere is refused for its form first: 400 MALFORMED_CODE)
          Api.Answer none = send(api, op, missing, body);
          expect(
              none.status() == 404
                  && none.json().getString("code").equals(answer.json().getString("code")),
              signature + " (an id that does not exist answers the same)",
              user,
              none);
        }
      }
    }
    System.out.printf(
        "AuthorisationMatrixIT: %d operations × %d callers, %d requests, refusals %s%n",
        operations.size(), USERS.size() + 1, sent, refusals);
    assertThat(failures).as("%d answers out of %d", failures.size(), sent).isEmpty();
    // The matrix reaches the ownership checks, not only the roles': most operations on another
    // organisation's resource are refused by the first, so a fixture id gone wrong shows here.
    assertThat(refusals.getOrDefault(404, 0)).as("404s among %s", refusals).isGreaterThan(20);
    assertThat(refusals.getOrDefault(403, 0)).as("403s among %s", refusals).isGreaterThan(100);
  }

  /** The owners themselves read their resources: the fixture's ids are real. */
  @Test
  void theOwnersReadTheirOwnResources() {
    Fixture own = new Fixture();
    Map<String, String> reads =
        Map.of(
            "relais2", "api/v1/orders/" + own.order,
            "donateur2", "api/v1/donations/" + own.donation,
            "financeur2", "api/v1/voucher-programs/" + own.programme,
            "social", "api/v1/beneficiaries/" + own.person);
    reads.forEach(
        (user, path) ->
            assertThat(Api.as(base, user).get(path).status()).as(user + " " + path).isEqualTo(200));
    assertThat(Api.as(base, "donateur2").get("api/v1/tax-receipts/" + own.receipt).status())
        .isEqualTo(200);
  }

  private Api.Answer send(Api api, Operation op, String path, String body) {
    sent++;
    return api.send(op.method(), path, "application/json", op.hasBody() ? body : null);
  }

  private void expect(boolean holds, String operation, String user, Api.Answer answer) {
    if (!holds) {
      String text = answer.toString();
      failures.add(
          operation
              + " as "
              + user
              + " → "
              + (text.length() > 240 ? text.substring(0, 240) : text));
    }
  }

  private static boolean isProblem(Api.Answer answer) {
    return answer.header("Content-Type").orElse("").startsWith("application/problem+json")
        && answer.body().contains("\"code\"");
  }

  /** Resources of the second relay, the second donor, the second authority and the social desk. */
  final class Fixture {
    final long relay2 = given.organisationOf("relais2");
    final long workshop = given.organisationOf("atelier");
    final long territory =
        Api.as(base, "admin").get("api/v1/me").json().getJsonNumber("territoryId").longValue();
    final String person = given.eligibleBeneficiary("RSA");
    final int device = given.availableDevice("donateur2", "LAPTOP", "relais2", 12_000);
    final int otherDevice = given.availableDevice("donateur2", "LAPTOP", "relais2", 12_000);
    final long order = given.openOrder("relais2", person, device);
    final long donation;
    final String receipt;
    final long programme;
    final long batch;
    final String voucher;
    final long statement;
    final long membershipRequest;
    final String relay2User;
    final long booklet;
    final Map<String, String> listed = new HashMap<>();

    Fixture() {
      var pledge =
          Api.as(base, "donateur2")
              .post(
                  "api/v1/donations",
                  "{\"items\":[{\"category\":\"LAPTOP\",\"quantity\":1,\"description\":\"Don\","
                      + "\"unitValueCents\":10000}],\"pickupAddress\":\"2 rue Jules Verne, Amiens\","
                      + "\"availableFrom\":\""
                      + LocalDate.now()
                      + "\"}");
      assertThat(pledge.status()).as(pledge.toString()).isEqualTo(201);
      donation = pledge.json().getJsonNumber("id").longValue();
      var received = Api.as(base, "atelier").post("api/v1/donations/" + donation + "/reception");
      assertThat(received.status()).as(received.toString()).isEqualTo(200);
      var issued = Api.as(base, "admin").post("api/v1/donations/" + donation + "/tax-receipt");
      assertThat(issued.status()).as(issued.toString()).isIn(200, 201);
      receipt = issued.json().getString("number");
      String code = given.vouchers("financeur2", "CHEQUE_EQUIPEMENT", 5_000, 1, "80", null).get(0);
      Api funder2 = Api.as(base, "financeur2");
      programme =
          funder2
              .get("api/v1/vouchers/" + code)
              .json()
              .getJsonObject("program")
              .getJsonNumber("id")
              .longValue();
      var more =
          funder2.post("api/v1/voucher-programs/" + programme + "/vouchers", "{\"quantity\":1}");
      assertThat(more.status()).as(more.toString()).isEqualTo(201);
      batch = more.json().getJsonNumber("batchId").longValue();
      voucher = code;
      var drawn =
          funder2.post(
              "api/v1/voucher-programs/" + programme + "/statements",
              "{\"month\":\"" + LocalDate.now().toString().substring(0, 7) + "\"}");
      statement = firstStatement(drawn);
      listed.put("donateur2 /api/v1/donations", String.valueOf(donation));
      listed.put("donateur2 /api/v1/tax-receipts", receipt);
      listed.put("financeur2 /api/v1/voucher-programs", String.valueOf(programme));
      listed.put("relais2 /api/v1/orders", String.valueOf(order));
      // a request to join Hauts-de-France, and an account of the second relay (its coordination
      // and its manager decide them; nobody else finds them)
      var asked =
          Api.anonymous(base)
              .withHeader("X-Forwarded-For", "192.0.2." + (1 + new java.util.Random().nextInt(250)))
              .post(
                  "api/v1/membership-requests",
                  "{\"kind\":\"COMPANY\",\"name\":\"Entreprise matrice\",\"postalCode\":\"80000\","
                      + "\"city\":\"Amiens\",\"contactName\":\"Claude\","
                      + "\"contactEmail\":\"claude@matrice.test\"}");
      assertThat(asked.status()).as(asked.toString()).isEqualTo(201);
      membershipRequest = asked.json().getJsonNumber("id").longValue();
      listed.put("admin /api/v1/membership-requests", String.valueOf(membershipRequest));
      relay2User = "agent" + UUID.randomUUID().toString().substring(0, 8);
      var agent =
          Api.as(base, "admin")
              .post(
                  "api/v1/organisations/" + relay2 + "/users",
                  "{\"username\":\""
                      + relay2User
                      + "\",\"password\":\"un mot de passe\",\"roles\":[\"counter\"]}");
      assertThat(agent.status()).as(agent.toString()).isEqualTo(201);
      // a booklet of passes of the demo social structure (its social worker hands it over)
      Api funder = Api.as(base, "financeur");
      var pass =
          funder.post(
              "api/v1/voucher-programs",
              "{\"name\":\"Pass matrice\",\"kind\":\"PASS_NUMERIQUE\",\"faceValueCents\":1000,"
                  + "\"validFrom\":\""
                  + LocalDate.now().minusDays(1)
                  + "\",\"validUntil\":\""
                  + LocalDate.now().plusYears(1)
                  + "\",\"toleranceDays\":0,\"nominative\":false,\"postalCodePrefixes\":[]}");
      var booklets =
          funder.post(
              "api/v1/voucher-programs/" + pass.json().getJsonNumber("id") + "/booklets",
              "{\"structureId\":"
                  + given.organisationOf("social")
                  + ",\"count\":1,\"vouchersPerBooklet\":2}");
      assertThat(booklets.status()).as(booklets.toString()).isEqualTo(201);
      booklet =
          booklets.json().getJsonArray("booklets").getJsonObject(0).getJsonNumber("id").longValue();
    }

    private long firstStatement(Api.Answer drawn) {
      if (drawn.status() >= 300) {
        return 987_654_321L;
      }
      JsonStructure json = drawn.structure();
      JsonObject object =
          json.getValueType() == JsonValue.ValueType.ARRAY ? null : (JsonObject) json;
      if (object != null
          && object.containsKey("statements")
          && !object.getJsonArray("statements").isEmpty()) {
        return object.getJsonArray("statements").getJsonObject(0).getJsonNumber("id").longValue();
      }
      if (object != null && object.containsKey("id")) {
        return object.getJsonNumber("id").longValue();
      }
      return 987_654_321L;
    }

    /** Who owns the resource the operation's path names (empty: no resource of anyone's). */
    Set<String> owners(Operation op) {
      String path = op.path();
      if (path.startsWith("/api/v1/beneficiaries/{id}")
          || path.startsWith("/api/v1/booklets/{id}")) {
        return Set.of("social");
      }
      if (path.startsWith("/api/v1/devices/{id}")) {
        return Set.of("relais2", "donateur2");
      }
      if (path.startsWith("/api/v1/donations/{") || path.startsWith("/api/v1/impact/donations/")) {
        return Set.of("donateur2");
      }
      if (path.startsWith("/api/v1/orders/{id}")
          || path.equals("/api/v1/orders") && op.method().equals("POST")) {
        return Set.of("relais2");
      }
      if (path.startsWith("/api/v1/organisations/{id}")
          || path.startsWith("/api/v1/relays/{id}")
          || path.startsWith("/api/v1/users/{username}")) {
        return Set.of("relais2");
      }
      if (path.startsWith("/api/v1/membership-requests/{id}")) {
        return Set.of("admin");
      }
      if (path.startsWith("/api/v1/territories/{territoryId}")) {
        // the first territory's dashboard: its coordination, its funders, the national one
        return Set.of("financeur", "financeur2", "national");
      }
      if (path.startsWith("/api/v1/tax-receipts/{number}")) {
        return Set.of("donateur2");
      }
      if (path.startsWith("/api/v1/voucher-programs/{id}")
          || path.startsWith("/api/v1/vouchers/")) {
        return Set.of("financeur2");
      }
      return Set.of();
    }

    boolean idsInBody(Operation op) {
      return op.path().equals("/api/v1/orders") && op.method().equals("POST");
    }

    String fill(Operation op) {
      return fill(op, false);
    }

    /** The same path with ids that exist nowhere. */
    String fillMissing(Operation op) {
      return fill(op, true);
    }

    private String fill(Operation op, boolean missing) {
      String path = op.path();
      for (String parameter : op.pathParameters()) {
        path = path.replace("{" + parameter + "}", missing ? none(parameter) : id(path, parameter));
      }
      if (op.queryParameters().contains("beneficiaryId")) {
        path += "?beneficiaryId=" + person;
      }
      if (op.queryParameters().contains("reason")) {
        path += (path.contains("?") ? "&" : "?") + "reason=doublon";
      }
      return path.substring(1);
    }

    private String none(String parameter) {
      return switch (parameter) {
        case "code" -> "ZZZZ-ZZZZ-ZZZZ";
        case "number" -> "2099-999999";
        default -> "987654321";
      };
    }

    private String id(String path, String parameter) {
      if (parameter.equals("code")) {
        return voucher;
      }
      if (parameter.equals("number")) {
        return receipt;
      }
      if (parameter.equals("batchId")) {
        return String.valueOf(batch);
      }
      if (parameter.equals("sid")) {
        return String.valueOf(statement);
      }
      if (parameter.equals("version")) {
        return "1";
      }
      if (parameter.equals("territoryId")) {
        return String.valueOf(territory);
      }
      if (parameter.equals("donationId")) {
        return String.valueOf(donation);
      }
      if (parameter.equals("username")) {
        return relay2User;
      }
      String p = path;
      if (p.startsWith("/api/v1/beneficiaries/")) {
        return person;
      }
      if (p.startsWith("/api/v1/devices/")) {
        return String.valueOf(device);
      }
      if (p.startsWith("/api/v1/booklets/")) {
        return String.valueOf(booklet);
      }
      if (p.startsWith("/api/v1/donations/") || p.startsWith("/api/v1/impact/donations/")) {
        return String.valueOf(donation);
      }
      if (p.startsWith("/api/v1/orders/")) {
        return String.valueOf(order);
      }
      if (p.startsWith("/api/v1/membership-requests/")) {
        return String.valueOf(membershipRequest);
      }
      if (p.startsWith("/api/v1/organisations/") || p.startsWith("/api/v1/relays/")) {
        return String.valueOf(relay2);
      }
      if (p.startsWith("/api/v1/voucher-programs/")) {
        return String.valueOf(programme);
      }
      return "987654321";
    }

    /** A body the operation accepts from its rightful caller, so that only ownership refuses. */
    String body(Operation op) {
      String path = op.path();
      String today = LocalDate.now().toString();
      if (!op.hasBody()) {
        return null;
      }
      if (path.endsWith("/cash-sessions")) {
        return "{\"openingFloatCents\":1000}";
      }
      if (path.endsWith("/closing")) {
        return "{\"countedCents\":1000}";
      }
      if (path.endsWith("/eligibility-decisions")) {
        return "{\"criteria\":[\"RSA\"],\"proofType\":\"Attestation\",\"proofDate\":\""
            + LocalDate.now().minusDays(1)
            + "\"}";
      }
      if (path.endsWith("/needs")) {
        return "{\"uses\":[\"SCHOOL\"],\"recommendedCategory\":\"TABLET\",\"needsTraining\":false,"
            + "\"needsConnection\":true}";
      }
      if (path.endsWith("/booklets")) {
        return "{\"structureId\":"
            + given.organisationOf("social")
            + ",\"count\":1,\"vouchersPerBooklet\":1}";
      }
      if (path.endsWith("/refusal")) {
        return "{\"reason\":\"Hors du champ de la filière\"}";
      }
      if (path.endsWith("/withdrawal")) {
        return "{\"reason\":\"Retour atelier\"}";
      }
      if (path.endsWith("/list-price")) {
        return "{\"listPriceCents\":9000}";
      }
      if (path.endsWith("/siret")) {
        return "{\"siret\":\"12345678901234\"}";
      }
      if (path.endsWith("/workshop-profile")) {
        return "{\"categories\":[\"LAPTOP\"],\"monthlyCapacity\":10}";
      }
      if (path.endsWith("/assignment")) {
        return "{\"workshopId\":" + workshop + "}";
      }
      if (path.endsWith("/recycling")) {
        return "{\"reason\":\"Carte mère hors service\"}";
      }
      if (path.endsWith("/refurbishment")) {
        return "{\"grade\":\"A\",\"batteryHealthPercent\":90,\"functionalTestsPassed\":true,"
            + "\"relayId\":"
            + relay2
            + ",\"listPriceCents\":10000}";
      }
      if (path.endsWith("/devices") && path.startsWith("/api/v1/donations/")) {
        return "{\"serialNumber\":\"SN"
            + UUID.randomUUID().toString().substring(0, 8)
            + "\",\"category\":\"LAPTOP\",\"brand\":\"Dell\",\"model\":\"Latitude\"}";
      }
      if (path.endsWith("/eligibility-revocation")) {
        return "{\"reason\":\"Intrus\"}";
      }
      if (path.endsWith("/returns")) {
        return "{\"deviceId\":" + device + ",\"reason\":\"DEFECT\"}";
      }
      if (path.endsWith("/readers")) {
        return "{\"registrationCode\":\"simulated-wpe\",\"label\":\"Intrus\"}";
      }
      if (path.endsWith("/payments")) {
        return "{\"method\":\"CASH\",\"amountCents\":100}";
      }
      if (path.endsWith("/orders/{id}/vouchers")) {
        return "{\"code\":\"" + voucher + "\"}";
      }
      if (path.equals("/api/v1/orders")) {
        return "{\"beneficiaryId\":\"" + person + "\",\"deviceIds\":[" + otherDevice + "]}";
      }
      if (path.endsWith("/services")) {
        return "{\"name\":\"Prise en main\",\"durationMinutes\":60,\"priceCents\":0}";
      }
      if (path.endsWith("/cancellation")) {
        return "{\"reason\":\"Erreur de saisie\"}";
      }
      if (path.endsWith("/statements")) {
        return "{\"month\":\"" + today.substring(0, 7) + "\"}";
      }
      if (path.endsWith("/vouchers")) {
        return "{\"quantity\":1}";
      }
      if (path.endsWith("/users")) {
        return "{\"username\":\"intrus"
            + UUID.randomUUID().toString().substring(0, 6)
            + "\",\"password\":\"un mot de passe\",\"role\":\"counter\"}";
      }
      return "{}";
    }

    /** A list read by someone else than the owner holds none of this fixture's resources. */
    void assertNoneListed(String signature, String user, Api.Answer answer) {
      for (Map.Entry<String, String> entry : listed.entrySet()) {
        String[] ownerAndPath = entry.getKey().split(" ");
        if (!user.equals(ownerAndPath[0])
            && signature.equals("GET " + ownerAndPath[1])
            && listedKeys(answer).contains(entry.getValue())) {
          failures.add(signature + " as " + user + " lists " + entry.getValue());
        }
      }
    }

    /** The ids (or receipt numbers) of the elements of a list, bare or under "items". */
    private List<String> listedKeys(Api.Answer answer) {
      JsonStructure json = answer.structure();
      JsonValue list =
          json.getValueType() == JsonValue.ValueType.ARRAY
              ? json
              : ((JsonObject) json).getOrDefault("items", JsonValue.EMPTY_JSON_ARRAY);
      List<String> keys = new ArrayList<>();
      for (JsonValue element : list.asJsonArray()) {
        if (element instanceof JsonObject object) {
          for (String key : List.of("id", "number")) {
            if (object.containsKey(key)) {
              keys.add(object.get(key).toString().replace("\"", ""));
            }
          }
        }
      }
      return keys;
    }
  }
}
