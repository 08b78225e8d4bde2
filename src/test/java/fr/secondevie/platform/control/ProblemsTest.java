package fr.secondevie.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemsTest {

  @Test
  void hasTheFieldsOfRfc9457AndTheMachineCode() {
    JsonObject problem =
        read(
            Problems.json(
                400,
                "INVALID_INPUT",
                "The request has invalid fields",
                List.of(new Problems.FieldError("items[0].quantity", "must be positive"))));
    assertThat(problem.getString("type")).endsWith("/invalid-input");
    assertThat(problem.getString("title")).isEqualTo("Bad request");
    assertThat(problem.getInt("status")).isEqualTo(400);
    assertThat(problem.getString("code")).isEqualTo("INVALID_INPUT");
    assertThat(problem.getJsonArray("errors").getJsonObject(0).getString("field"))
        .isEqualTo("items[0].quantity");
  }

  @Test
  void leavesOutErrorsWhenThereAreNone() {
    assertThat(read(Problems.json(409, "DUPLICATE_SERIAL", "Known serial")).containsKey("errors"))
        .isFalse();
  }

  private static JsonObject read(String json) {
    try (var reader = Json.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }
}
