package fr.secondevie.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.platform.control.Problems.FieldError;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A request body of the wrong shape is refused field by field, with names a client knows. */
class JsonShapeTest {

  enum Method {
    CASH,
    CARD
  }

  record Line(long serviceId, Integer quantity) {}

  public static class Request {
    public String name;
    public Method method;
    public Long amountCents;
    public Integer count;
    public BigDecimal inches;
    public Boolean active;
    public LocalDate from;
    public List<Line> lines;
    public List<String> prefixes;
  }

  @Test
  void aBodyThatFitsHasNoErrors() {
    assertThat(
            errors(
                "{\"name\":\"Zoë ☃\\n\",\"method\":\"CARD\",\"amountCents\":9223372036854775807,"
                    + "\"count\":null,\"inches\":14.1,\"active\":true,\"from\":\"2026-12-01\","
                    + "\"lines\":[{\"serviceId\":1,\"quantity\":2}],\"prefixes\":[\"80\"]}"))
        .isEmpty();
  }

  @Test
  void nullArraysAndStringsForTheBodyAreRefusedAsTheBody() {
    assertThat(errors("null")).containsExactly(new FieldError("body", "must be a JSON object"));
    assertThat(errors("[]")).containsExactly(new FieldError("body", "must be an object"));
    assertThat(errors("\"x\"")).containsExactly(new FieldError("body", "must be an object"));
  }

  @Test
  void eachWrongFieldIsNamedWithItsPath() {
    assertThat(
            errors(
                "{\"name\":1,\"method\":\"BITCOIN\",\"amountCents\":1.5,\"count\":3000000000,"
                    + "\"inches\":\"14\",\"active\":\"yes\",\"from\":\"2026-13-01\","
                    + "\"lines\":[{\"serviceId\":\"x\"},null],\"prefixes\":\"80\",\"nmae\":1}"))
        .containsExactly(
            new FieldError("name", "must be a string"),
            new FieldError("method", "must be one of CASH, CARD"),
            new FieldError("amountCents", "must be a whole number"),
            new FieldError("count", "must be a whole number between -2147483648 and 2147483647"),
            new FieldError("inches", "must be a number"),
            new FieldError("active", "must be true or false"),
            new FieldError("from", "must be a date (YYYY-MM-DD)"),
            new FieldError("lines[0].serviceId", "must be a whole number"),
            new FieldError("lines[1]", "must not be null"),
            new FieldError("prefixes", "must be a list"),
            new FieldError("nmae", "is not a field of this request"));
  }

  @Test
  void controlCharactersAreRefusedButTabsAndLineBreaksPass() {
    assertThat(errors("{\"name\":\"a\\u0000b\"}"))
        .extracting(FieldError::field)
        .containsExactly("name");
    assertThat(errors("{\"name\":\"a\\u0007b\"}")).hasSize(1);
    assertThat(errors("{\"name\":\"a\\tb\\r\\nc\"}")).isEmpty();
  }

  @Test
  void depthCountsBracketsOutsideStringsOnly() {
    assertThat(RequiredBody.depth(bytes("{\"a\":[[1]],\"b\":\"[[[[\\\"[\"}"))).isEqualTo(3);
    assertThat(RequiredBody.depth(bytes("[".repeat(40) + "]".repeat(40))))
        .isGreaterThan(RequiredBody.MAX_DEPTH);
  }

  private static List<FieldError> errors(String json) {
    JsonValue value = Json.createReader(new StringReader(json)).readValue();
    return JsonShape.check(value, Request.class);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
