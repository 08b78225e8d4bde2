package fr.secondevie.platform;

import static fr.secondevie.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.testing.Api;
import fr.secondevie.testing.Server;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * Every answer under {@code /api} is a problem with a code, including those the JAX-RS runtime and
 * the servlet container give before any resource runs: bodies of the wrong shape, unknown enum
 * values, unmatched paths, refused methods and media types, escaped slashes, oversized bodies.
 */
class ContainerProblemsIT {

  final URL base = Server.shared();

  @Test
  void aNullBodyIsInvalidInputWithErrorsNotA500() {
    for (String body : new String[] {"null", "[]", "\"x\""}) {
      var answer = Api.as(base, "relais").post("api/v1/orders", body);
      assertProblem(answer, 400, "INVALID_INPUT");
      assertThat(answer.json().getJsonArray("errors").getJsonObject(0).getString("field"))
          .isEqualTo("body");
    }
  }

  @Test
  void anUnknownEnumValueNamesTheFieldAndTheAllowedValues() {
    var answer =
        Api.as(base, "relais")
            .post("api/v1/orders/1/payments", "{\"method\":\"BITCOIN\",\"amountCents\":\"x\"}");
    assertProblem(answer, 400, "INVALID_INPUT");
    assertThat(answer.json().getJsonArray("errors").getValuesAs(JsonObject.class))
        .extracting(e -> e.getString("field") + ": " + e.getString("message"))
        .containsExactly(
            "method: must be one of CASH, CARD", "amountCents: must be a whole number");
    assertThat(answer.body()).doesNotContain("fr.secondevie").doesNotContain("java.");
  }

  @Test
  void aQueryParameterThatDoesNotConvertIsInvalidInputNamingIt() {
    var answer = Api.as(base, "admin").get("api/v1/tax-receipts?year=abc");
    assertProblem(answer, 400, "INVALID_INPUT");
    assertThat(answer.json().getJsonArray("errors").getJsonObject(0).getString("field"))
        .isEqualTo("year");
    assertProblem(Api.anonymous(base).get("api/v1/catalogue?q=a%00b"), 400, "INVALID_INPUT");
    var status = Api.as(base, "donateur").get("api/v1/donations?status=BITCOIN");
    assertProblem(status, 400, "INVALID_INPUT");
    assertThat(status.json().getJsonArray("errors").getJsonObject(0).getString("field"))
        .isEqualTo("status");
  }

  @Test
  void theContainersOwnRefusalsAreProblems() {
    Api anonymous = Api.anonymous(base);
    assertProblem(anonymous.get("api/nothing"), 404, "NOT_FOUND");
    assertProblem(anonymous.get("api/v1/nothing"), 404, "NOT_FOUND");
    assertProblem(anonymous.get("api/v1/devices/..%2F..%2Fetc"), 400, "INVALID_INPUT");
    assertProblem(
        anonymous.send("TRACE", "api/v1/catalogue", null, null), 405, "METHOD_NOT_ALLOWED");
    assertProblem(anonymous.delete("api/v1/catalogue"), 405, "METHOD_NOT_ALLOWED");
    // TRACE is let through the listener only to be refused here: it never echoes a request back.
    var trace = anonymous.send("TRACE", "health", null, null, "X-Probe", "secret-header-value");
    assertThat(trace.status()).isEqualTo(405);
    assertThat(trace.body()).doesNotContain("secret-header-value");
    assertProblem(anonymous.get("api/v1/catalogue", "text/csv"), 406, "NOT_ACCEPTABLE");
    assertProblem(
        Api.as(base, "relais").send("POST", "api/v1/orders", "text/plain", "x"),
        415,
        "UNSUPPORTED_MEDIA_TYPE");
  }

  @Test
  void aBodyOverOneMebibyteIs413WhetherAnnouncedOrStreamed() throws Exception {
    Api relais = Api.as(base, "relais");
    // A read first: the client then keeps the connection, upgraded to HTTP/2, for the large body,
    // where a refusal that did not read the body would reach it as a reset stream.
    assertThat(relais.get("api/v1/me").status()).isEqualTo(200);
    String huge = "{\"beneficiaryId\":\"" + "x".repeat(1 << 20) + "\"}";
    for (int attempt = 0; attempt < 3; attempt++) {
      assertProblem(relais.post("api/v1/orders", huge), 413, "PAYLOAD_TOO_LARGE");
    }
    HttpResponse<String> streamed =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(relais.uri("api/v1/orders"))
                    .header("Content-Type", "application/json")
                    .header(
                        "Authorization",
                        "Basic "
                            + Base64.getEncoder()
                                .encodeToString("relais:demo".getBytes(StandardCharsets.UTF_8)))
                    .POST(
                        HttpRequest.BodyPublishers.ofInputStream(
                            () -> new ByteArrayInputStream(huge.getBytes(StandardCharsets.UTF_8))))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(streamed.statusCode()).as(streamed.body()).isEqualTo(413);
    assertThat(streamed.body()).contains("\"code\":\"PAYLOAD_TOO_LARGE\"");
  }

  @Test
  void rawBracesInThePathAreAProblemNotTheServersHtmlReport() throws IOException {
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET /api/v1/devices/{id} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(answer).startsWith("HTTP/1.1 400").contains("application/problem+json");
      assertThat(answer).contains("\"code\":\"INVALID_INPUT\"").doesNotContain("<html");
    }
  }

  @Test
  void pathsGrizzlyCannotDecodeAreProblemsUnderTheApiAndAPageElsewhere() throws IOException {
    for (String path :
        new String[] {
          "/api/v1/devices/%00",
          "/api/v1/devices/%zz",
          "/api/v1/devices/%4",
          "/api/v1/devices/a%5Cb",
          "/api/v1/devices/%FF",
          "/api/v1/..%2F..%2F..",
          "/api/v1/../../.."
        }) {
      String answer = exchange("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n", true);
      assertThat(answer)
          .as(path)
          .startsWith("HTTP/1.1 400")
          .contains("Content-Type: application/problem+json")
          .contains("\"code\":\"INVALID_INPUT\"")
          .contains("\"field\":\"path\"")
          .doesNotContain(path.substring(path.lastIndexOf('/')));
      // the connection is kept for the next request, which is answered as usual
      assertThat(answer.substring(answer.indexOf("HTTP/1.1", 10))).startsWith("HTTP/1.1 200");
    }
    String page = exchange("GET /catalogue/%00 HTTP/1.1\r\nHost: localhost\r\n\r\n", false);
    assertThat(page).startsWith("HTTP/1.1 400").contains("text/html").contains("illisible");
    // over HTTP/2 too (Java's client upgrades its connection), and a body sent with it is dropped
    assertProblem(Api.anonymous(base).get("api/v1/devices/%00"), 400, "INVALID_INPUT");
    assertProblem(
        Api.as(base, "relais").post("api/v1/orders/%00/payments", "{\"method\":\"CASH\"}"),
        400,
        "INVALID_INPUT");
  }

  @Test
  void headerFieldsOver16KiBAreA431ProblemAndSmallerOnesPass() throws IOException {
    String big = "X-Probe: " + "a".repeat(20_000) + "\r\n";
    String refused =
        exchange("GET /api/v1/catalogue HTTP/1.1\r\nHost: localhost\r\n" + big + "\r\n", true);
    assertThat(refused)
        .startsWith("HTTP/1.1 431")
        .contains("application/problem+json")
        .contains("\"code\":\"HEADERS_TOO_LARGE\"");
    assertThat(refused.substring(refused.indexOf("HTTP/1.1", 10))).startsWith("HTTP/1.1 200");
    String fine = "X-Probe: " + "a".repeat(12_000) + "\r\n";
    assertThat(
            exchange(
                "GET /api/v1/catalogue HTTP/1.1\r\nHost: localhost\r\n" + fine + "\r\n", false))
        .startsWith("HTTP/1.1 200");
  }

  @Test
  void anOversizedHeaderOverHttp2IsA431ProblemAndLaterRequestsPass() {
    // Java's client upgrades to HTTP/2 (h2c): the header list limit was 8 KiB there, and one
    // request over it left every later HTTP/2 request of the instance answered 431
    Api relais = Api.as(base, "relais");
    assertThat(relais.get("api/v1/me").status()).isEqualTo(200);
    for (int attempt = 0; attempt < 3; attempt++) {
      assertProblem(
          relais.send("GET", "api/v1/me", null, null, "X-Probe", "a".repeat(20_000)),
          431,
          "HEADERS_TOO_LARGE");
      assertThat(
              relais.send("GET", "api/v1/me", null, null, "X-Probe", "a".repeat(10_000)).status())
          .isEqualTo(200);
      assertThat(Api.as(base, "admin").get("api/v1/me").status()).isEqualTo(200);
    }
  }

  /**
   * Sends one request on a new connection and, when asked, a plain read of the catalogue after it
   * on the same connection; answers everything the server wrote until it closed.
   */
  private String exchange(String request, boolean thenARead) throws IOException {
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      String next = thenARead ? "GET /api/v1/catalogue?size=1 HTTP/1.1\r\nHost: localhost\r\n" : "";
      out.write(
          (next.isEmpty() ? "" : next + "Connection: close\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      if (!thenARead) {
        socket.shutdownOutput();
      }
      out.flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
