package fr.secondevie.platform.boundary.edge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestRefusalTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/",
        "/api/v1/catalogue",
        "/api/v1/devices/%C3%A9t%C3%A9",
        "/api/v1/devices/a%2Fb",
        "/api/v1/..",
        "/api/../api/v1/x/./y",
        "/catalogue/index.xhtml;jsessionid=x"
      })
  void pathsGrizzlyDecodesAreLetThrough(String path) {
    assertThat(RequestRefusal.readable(path)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/v1/devices/%00",
        "/api/v1/devices/%zz",
        "/api/v1/devices/%4",
        "/api/v1/devices/%",
        "/api/v1/devices/a%5cb",
        "/api/v1/devices/a\\b",
        "/api/v1/devices/%FF",
        "/api/v1/devices/%C3",
        "/api/v1/../../..",
        "/api/v1/..%2F..%2F..",
        "/.."
      })
  void pathsGrizzlyCannotDecodeAreRefused(String path) {
    assertThat(RequestRefusal.readable(path)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {RequestRefusal.UNREADABLE_PROBLEM, RequestRefusal.HEADERS_PROBLEM})
  void theProblemsAreJsonWithACodeAndErrors(String problem) {
    var json = jakarta.json.Json.createReader(new java.io.StringReader(problem)).readObject();
    assertThat(json.getString("code")).isNotBlank();
    assertThat(json.getInt("status")).isIn(400, 431);
    assertThat(json.getJsonArray("errors")).hasSize(1);
  }
}
