package fr.secondevie.testing;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.net.URL;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The operations the running server publishes at {@code /openapi}, read as an integrator's tool
 * would, so that the hostile suites cover every operation there is (a new endpoint is fuzzed and
 * put in the authorisation matrix without anyone listing it), and a plausible body for each from
 * its schema.
 */
public final class OpenApi {

  /** One operation: method, path template, its path and query parameters, its body's schema. */
  public record Operation(
      String method,
      String path,
      List<String> pathParameters,
      List<String> queryParameters,
      JsonObject body) {

    public boolean hasBody() {
      return body != null;
    }

    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  private final JsonObject document;

  private OpenApi(JsonObject document) {
    this.document = document;
  }

  /** The document the server at {@code base} serves. */
  public static OpenApi of(URL base) {
    Api.Answer answer = Api.anonymous(base).get("openapi", "application/json");
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    return new OpenApi(answer.json());
  }

  public List<Operation> operations() {
    List<Operation> operations = new ArrayList<>();
    for (Map.Entry<String, JsonValue> path : document.getJsonObject("paths").entrySet()) {
      for (Map.Entry<String, JsonValue> op : path.getValue().asJsonObject().entrySet()) {
        JsonObject operation = op.getValue().asJsonObject();
        List<String> inPath = new ArrayList<>();
        List<String> inQuery = new ArrayList<>();
        for (JsonValue p :
            operation.getJsonArray("parameters") == null
                ? List.<JsonValue>of()
                : operation.getJsonArray("parameters")) {
          String where = p.asJsonObject().getString("in");
          if (where.equals("path")) {
            inPath.add(p.asJsonObject().getString("name"));
          } else if (where.equals("query")) {
            inQuery.add(p.asJsonObject().getString("name"));
          }
        }
        JsonObject body = null;
        if (operation.containsKey("requestBody")) {
          JsonObject content = operation.getJsonObject("requestBody").getJsonObject("content");
          JsonObject media =
              content.containsKey("application/json")
                  ? content.getJsonObject("application/json")
                  : content.values().iterator().next().asJsonObject();
          body = resolve(media.getJsonObject("schema"));
        }
        operations.add(
            new Operation(op.getKey().toUpperCase(), path.getKey(), inPath, inQuery, body));
      }
    }
    return operations;
  }

  /** The schema itself, or the component a {@code $ref} names. */
  public JsonObject resolve(JsonObject schema) {
    if (schema != null && schema.containsKey("$ref")) {
      String ref = schema.getString("$ref");
      return document
          .getJsonObject("components")
          .getJsonObject("schemas")
          .getJsonObject(ref.substring(ref.lastIndexOf('/') + 1));
    }
    return schema;
  }

  /** The properties of an object schema, resolved (empty for any other schema). */
  public Map<String, JsonValue> properties(JsonObject schema) {
    JsonObject resolved = resolve(schema);
    return resolved != null && resolved.containsKey("properties")
        ? resolved.getJsonObject("properties")
        : Map.of();
  }

  /**
   * A plausible value of the schema: an enum's first value, a date for the fields named like one,
   * digits for the fields whose pattern wants digits, 1 for numbers, one element for arrays, every
   * property for objects. It aims at the checks behind validation, not at a valid request.
   */
  public JsonValue sample(String name, JsonObject schema, int depth) {
    JsonObject s = resolve(schema);
    if (s == null || depth > 4) {
      return JsonValue.NULL;
    }
    if (s.containsKey("enum")) {
      return s.getJsonArray("enum").get(0);
    }
    String type = s.getString("type", "object");
    String lower = name.toLowerCase();
    if (lower.endsWith("from") || lower.endsWith("until") || lower.endsWith("date")) {
      return Json.createValue(LocalDate.now().toString());
    }
    if (lower.endsWith("at")) {
      return Json.createValue(LocalDate.now() + "T10:00:00");
    }
    switch (type) {
      case "string":
        String pattern = s.getString("pattern", "");
        if (lower.equals("month")) {
          return Json.createValue(LocalDate.now().toString().substring(0, 7));
        }
        if (lower.contains("postal") || pattern.contains("\\d{5}")) {
          return Json.createValue("80000");
        }
        if (lower.equals("password")) {
          return Json.createValue("fuzz-password-1234");
        }
        if (lower.equals("role")) {
          return Json.createValue("donor");
        }
        return Json.createValue("fuzz" + name.length());
      case "number":
      case "integer":
        return Json.createValue(1);
      case "boolean":
        return JsonValue.FALSE;
      case "array":
        JsonArrayBuilder array = Json.createArrayBuilder();
        JsonValue item = sample(name, s.getJsonObject("items"), depth + 1);
        return array.add(item).build();
      default:
        JsonObjectBuilder object = Json.createObjectBuilder();
        for (Map.Entry<String, JsonValue> property : properties(s).entrySet()) {
          object.add(
              property.getKey(),
              sample(property.getKey(), property.getValue().asJsonObject(), depth + 1));
        }
        return object.build();
    }
  }
}
