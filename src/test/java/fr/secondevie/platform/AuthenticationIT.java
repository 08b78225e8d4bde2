package fr.secondevie.platform;

import static fr.secondevie.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.testing.Api;
import fr.secondevie.testing.Race;
import fr.secondevie.testing.Scenarios;
import fr.secondevie.testing.Server;
import jakarta.json.JsonObject;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.URL;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Authentication as a guesser meets it, over real HTTP: parallel guesses counted one by one, locks
 * per user name and client address (so a stranger cannot lock an agent out), odd credentials
 * refused as any wrong password, the session cookie's attributes behind a proxy, no product name in
 * the answers. The tests call from the loopback address, which the server trusts as its proxy: each
 * test speaks for clients of its own ({@code X-Forwarded-For}) and guesses at users of its own, so
 * that no demo user gets locked.
 *
 * <p>A guess answered 401 {@code BAD_CREDENTIALS} was checked against the password hash; one
 * answered 429 {@code TOO_MANY_ATTEMPTS} was refused before any check.
 */
class AuthenticationIT {

  final URL base = Server.shared();

  @Test
  void ofFortyParallelGuessesFiveAreCheckedAndTheRestRefused() throws Exception {
    String agent = newCounterAgent();
    String address = newAddress();
    Api guesser = from(address).withCredentials(agent, "pas le bon mot de passe");

    List<Api.Answer> answers = Race.of(40, i -> guesser.get("api/v1/me"));

    Map<Integer, Long> byStatus = countByStatus(answers);
    assertThat(byStatus).as(answers.toString()).containsOnlyKeys(401, 429);
    assertThat(byStatus.get(401)).as("guesses checked against the hash").isEqualTo(5);
    assertThat(byStatus.get(429)).isEqualTo(35);
    answers.stream()
        .filter(a -> a.status() == 401)
        .forEach(a -> assertProblem(a, 401, "BAD_CREDENTIALS"));
    answers.stream()
        .filter(a -> a.status() == 429)
        .forEach(
            a -> {
              assertProblem(a, 429, "TOO_MANY_ATTEMPTS");
              assertThat(a.header("Retry-After")).isPresent();
            });
    var rightPassword = from(address).withCredentials(agent, Scenarios.PASSWORD).get("api/v1/me");
    assertProblem(rightPassword, 429, "TOO_MANY_ATTEMPTS");

    JsonObject lock = lockOf(agent, address).orElseThrow();
    assertThat(lock.getInt("attempts")).isEqualTo(5);
    assertThat(lock.getString("lockedUntil")).matches(".*T.*[+-]\\d{2}:\\d{2}");
  }

  @Test
  void aStrangerGuessingFromElsewhereDoesNotLockTheAgentOut() throws Exception {
    String agent = newCounterAgent();
    String stranger = newAddress();
    Api guesser = from(stranger).withCredentials(agent, "pas le bon mot de passe");
    List<Api.Answer> guesses = Race.of(12, i -> guesser.get("api/v1/me"));
    assertThat(countByStatus(guesses)).containsEntry(401, 5L).containsEntry(429, 7L);
    assertThat(lockOf(agent, stranger)).isPresent();

    var atTheRelay = from(newAddress()).withCredentials(agent, Scenarios.PASSWORD).get("api/v1/me");
    assertThat(atTheRelay.status()).as(atTheRelay.toString()).isEqualTo(200);
    assertThat(atTheRelay.json().getString("username")).isEqualTo(agent);
    var direct = Api.anonymous(base).withCredentials(agent, Scenarios.PASSWORD).get("api/v1/me");
    assertThat(direct.status()).as(direct.toString()).isEqualTo(200);
    assertProblem(guesser.get("api/v1/me"), 429, "TOO_MANY_ATTEMPTS");
  }

  @Test
  void anAddressTryingManyNamesIsStoppedAcrossNames() throws Exception {
    String address = newAddress();
    String prefix = "nobody" + UUID.randomUUID().toString().substring(0, 8) + "-";

    List<Api.Answer> answers =
        Race.of(40, i -> from(address).withCredentials(prefix + i, "demo").get("api/v1/me"));

    Map<Integer, Long> byStatus = countByStatus(answers);
    assertThat(byStatus).as(answers.toString()).containsOnlyKeys(401, 429);
    assertThat(byStatus.get(401)).as("guesses checked against the hash").isEqualTo(30);
    String agent = newCounterAgent();
    assertProblem(
        from(address).withCredentials(agent, Scenarios.PASSWORD).get("api/v1/me"),
        429,
        "TOO_MANY_ATTEMPTS");
    assertThat(locks())
        .anySatisfy(
            lock -> {
              assertThat(lock.get("username")).as("an address's lock names no user").isNull();
              assertThat(lock.getString("clientAddress")).isEqualTo(address);
            });
    assertThat(
            from(newAddress()).withCredentials(agent, Scenarios.PASSWORD).get("api/v1/me").status())
        .isEqualTo(200);
  }

  @Test
  void aSuccessStartsTheCountAgain() {
    String agent = newCounterAgent();
    Api relay = from(newAddress());
    Api wrong = relay.withCredentials(agent, "une faute de frappe");
    for (int attempt = 1; attempt <= 4; attempt++) {
      assertThat(wrong.get("api/v1/me").status()).as("attempt %d", attempt).isEqualTo(401);
    }
    assertThat(relay.withCredentials(agent, Scenarios.PASSWORD).get("api/v1/me").status())
        .isEqualTo(200);
    for (int attempt = 1; attempt <= 5; attempt++) {
      assertThat(wrong.get("api/v1/me").status()).as("attempt %d", attempt).isEqualTo(401);
    }
    assertProblem(wrong.get("api/v1/me"), 429, "TOO_MANY_ATTEMPTS");
  }

  /**
   * A counter's first calls, sent together before any has been checked: each takes an attempt
   * before its password is checked, yet none is refused for a lock the right password caused.
   */
  @Test
  void eightParallelFirstLoginsWithTheRightPasswordAllPass() throws Exception {
    String agent = newCounterAgent();
    Api counter = from(newAddress()).withCredentials(agent, Scenarios.PASSWORD);
    List<Api.Answer> answers = Race.of(8, i -> counter.get("api/v1/me"));
    assertThat(countByStatus(answers)).as(answers.toString()).containsOnly(Map.entry(200, 8L));
    assertThat(counter.get("api/v1/me").status()).isEqualTo(200);
  }

  @Test
  void theFirstFailuresOfANewNameSentTogetherAreCountedWithoutAnError() throws Exception {
    String name = "nobody" + UUID.randomUUID().toString().substring(0, 8);
    Api guesser = from(newAddress()).withCredentials(name, "demo");
    List<Api.Answer> answers = Race.of(8, i -> guesser.get("api/v1/me"));
    assertThat(countByStatus(answers))
        .as(answers.toString())
        .containsOnly(Map.entry(401, 5L), Map.entry(429, 3L));
  }

  @Test
  void userNamesLongerThanAnyUserAre401() {
    for (int length : List.of(101, 1000, 3000)) {
      var answer = from(newAddress()).withCredentials("u".repeat(length), "demo").get("api/v1/me");
      assertProblem(answer, 401, "BAD_CREDENTIALS");
    }
  }

  @Test
  void passwordsWithControlCharactersAre401() {
    String agent = newCounterAgent();
    Api relay = from(newAddress());
    for (String suffix : List.of("\0", "\0\0\0", "\n", "\u0007", "\u007f")) {
      assertProblem(
          relay.withCredentials(agent, Scenarios.PASSWORD + suffix).get("api/v1/me"),
          401,
          "BAD_CREDENTIALS");
    }
    assertProblem(
        Api.anonymous(base).withCredentials("relais", "demo\0").get("api/v1/me"),
        401,
        "BAD_CREDENTIALS");
    assertThat(relay.withCredentials(agent, Scenarios.PASSWORD).get("api/v1/me").status())
        .isEqualTo(200);
  }

  @Test
  void theSessionCookieIsLaxHttpOnlyAndSecureOnlyThroughHttps() {
    // A visitor who does not log in gets no session at all (public pages are stateless).
    assertThat(Api.anonymous(base).get("login.xhtml").headers().keySet())
        .noneMatch(h -> h.equalsIgnoreCase("Set-Cookie"));
    String agent = newCounterAgent();
    String plain = sessionCookie(logIn(Api.anonymous(base), agent));
    assertThat(attributes(plain)).contains("httponly", "samesite=lax").doesNotContain("secure");

    Api https = Api.anonymous(base).withHeader("X-Forwarded-Proto", "https");
    String secure = sessionCookie(logIn(https, agent));
    assertThat(attributes(secure)).contains("httponly", "samesite=lax", "secure");
    assertThat(secure).as("a new session at each login").isNotEqualTo(plain);
  }

  /** Logs in through the login page's form; answers the redirect that follows. */
  private Api.Answer logIn(Api api, String agent) {
    var page = api.get("login.xhtml");
    var login =
        api.postForm(
            "login.xhtml",
            Map.of(
                "login",
                "login",
                "login:username",
                agent,
                "login:password",
                Scenarios.PASSWORD,
                "login:submit",
                "",
                "jakarta.faces.ViewState",
                viewState(page.body())));
    assertThat(login.status()).as(login.toString()).isEqualTo(302);
    return login;
  }

  @Test
  void fromAPeerThatIsNoProxyForwardedHeadersCountForNothing() {
    Optional<String> lan = nonLoopbackAddress();
    Assumptions.assumeTrue(lan.isPresent(), "no address of this machine besides the loopback");
    URL direct = url("http://" + lan.get() + ":" + base.getPort() + "/");
    Api stranger = Api.anonymous(direct).withHeader("X-Forwarded-Proto", "https");
    String agent = newCounterAgent();
    assertThat(attributes(sessionCookie(logIn(stranger, agent)))).doesNotContain("secure");

    for (int attempt = 1; attempt <= 6; attempt++) {
      var answer =
          stranger
              .withHeader("X-Forwarded-For", newAddress())
              .withCredentials(agent, "pas le bon mot de passe")
              .get("api/v1/me");
      assertThat(answer.status())
          .as("attempt %d: %s %s", attempt, answer, answer.headers())
          .isEqualTo(attempt <= 5 ? 401 : 429);
    }
    assertThat(lockOf(agent, lan.get())).isPresent();
  }

  @Test
  void noAnswerNamesTheServerProduct() {
    for (String path :
        List.of(
            "",
            "login.xhtml",
            "api/v1/catalogue",
            "api/v1/me",
            "api/v1/no-such-thing",
            "health",
            "resources/css/app.css",
            "no-such-page.html")) {
      var answer = Api.anonymous(base).get(path);
      assertThat(answer.header("Server")).as(path).isEmpty();
      assertThat(answer.header("X-Powered-By")).as(path).isEmpty();
    }
  }

  @Test
  void onlyTheCoordinationSeesTheLocks() {
    assertProblem(Api.as(base, "relais").get("api/v1/login-locks"), 403, "FORBIDDEN");
    assertProblem(Api.anonymous(base).get("api/v1/login-locks"), 401, "AUTHENTICATION_REQUIRED");
  }

  @Test
  void eachCoordinationSeesTheLocksOfItsOwnTerritorysAccounts() {
    String agent = newCounterAgent();
    String address = newAddress();
    for (int attempt = 1; attempt <= 6; attempt++) {
      from(address).withCredentials(agent, "pas le bon mot de passe").get("api/v1/me");
    }
    assertThat(lockOf(agent, address)).as("the agent's own coordination").isPresent();
    for (String other : List.of("admin2", "national")) {
      var answer = Api.as(base, other).get("api/v1/login-locks");
      assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
      assertThat(answer.body().contains(agent))
          .as(other + " sees the lock of an HDF account")
          .isEqualTo(other.equals("national"));
    }
  }

  private String newCounterAgent() {
    String username = "agent" + UUID.randomUUID().toString().substring(0, 8);
    long relay = new Scenarios(base).organisationOf("relais");
    var created =
        Api.as(base, "admin")
            .post(
                "api/v1/organisations/" + relay + "/users",
                "{\"username\":\""
                    + username
                    + "\",\"password\":\""
                    + Scenarios.PASSWORD
                    + "\",\"role\":\"counter\"}");
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return username;
  }

  /** A client address of its own, in the documentation range 2001:db8::/32, as Java writes it. */
  private static String newAddress() {
    String hex = UUID.randomUUID().toString().replace("-", "");
    StringBuilder address = new StringBuilder("2001:db8");
    for (int group = 0; group < 6; group++) {
      int value = Integer.parseInt(hex.substring(group * 4, group * 4 + 4), 16);
      address.append(':').append(Integer.toHexString(value));
    }
    return address.toString();
  }

  private Api from(String address) {
    return Api.anonymous(base).withHeader("X-Forwarded-For", address);
  }

  private List<JsonObject> locks() {
    var answer = Api.as(base, "admin").get("api/v1/login-locks");
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    return answer.structure().asJsonArray().getValuesAs(JsonObject.class);
  }

  private Optional<JsonObject> lockOf(String username, String address) {
    return locks().stream()
        .filter(lock -> username.equals(lock.getString("username", null)))
        .filter(lock -> lock.getString("clientAddress").equals(address))
        .findFirst();
  }

  private static Map<Integer, Long> countByStatus(List<Api.Answer> answers) {
    return answers.stream()
        .collect(Collectors.groupingBy(Api.Answer::status, Collectors.counting()));
  }

  private static String sessionCookie(Api.Answer answer) {
    return answer.headers().entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase("Set-Cookie"))
        .flatMap(e -> e.getValue().stream())
        .filter(cookie -> cookie.startsWith("JSESSIONID="))
        .reduce((first, last) -> last)
        .orElseThrow(() -> new AssertionError("no session cookie in " + answer.headers()));
  }

  private static List<String> attributes(String setCookie) {
    return List.of(setCookie.split(";")).stream()
        .skip(1)
        .map(String::trim)
        .map(String::toLowerCase)
        .toList();
  }

  private static String viewState(String page) {
    Matcher matcher =
        Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"").matcher(page);
    assertThat(matcher.find()).as("a view state in the login page").isTrue();
    return matcher.group(1).replace("&#58;", ":").replace("&amp;", "&");
  }

  private static Optional<String> nonLoopbackAddress() {
    try {
      return Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
          .filter(
              i -> {
                try {
                  return i.isUp() && !i.isLoopback();
                } catch (java.net.SocketException e) {
                  return false;
                }
              })
          .flatMap(i -> Collections.list(i.getInetAddresses()).stream())
          .filter(Inet4Address.class::isInstance)
          .map(InetAddress::getHostAddress)
          .findFirst();
    } catch (java.net.SocketException e) {
      return Optional.empty();
    }
  }

  private static URL url(String spec) {
    try {
      return URI.create(spec).toURL();
    } catch (java.net.MalformedURLException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
