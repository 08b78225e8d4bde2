package fr.secondevie.platform.control;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Map;

/**
 * RFC 9457 problem details, the single shape of every error the application answers: {@code type},
 * {@code title}, {@code status}, {@code detail}, the machine {@code code} of API.md and, for bad
 * input, the {@code errors} per field.
 */
public final class Problems {

  public static final String MEDIA_TYPE = "application/problem+json";
  private static final String TYPE_BASE = "https://secondevie.fr/problems/";

  /** One invalid field of a request. */
  public record FieldError(String field, String message) {}

  private Problems() {}

  public static String json(int status, String code, String detail) {
    return json(status, code, detail, List.of());
  }

  public static String json(int status, String code, String detail, List<FieldError> errors) {
    return json(status, code, detail, errors, Map.of());
  }

  /** A problem with extra members, such as the id of the resource in the way. */
  public static String json(
      int status, String code, String detail, List<FieldError> errors, Map<String, Long> members) {
    JsonObjectBuilder problem =
        Json.createObjectBuilder()
            .add("type", TYPE_BASE + code.toLowerCase().replace('_', '-'))
            .add("title", title(status))
            .add("status", status)
            .add("code", code);
    if (detail != null) {
      problem.add("detail", detail);
    }
    members.forEach(problem::add);
    if (!errors.isEmpty()) {
      JsonArrayBuilder list = Json.createArrayBuilder();
      errors.forEach(
          e ->
              list.add(
                  Json.createObjectBuilder().add("field", e.field()).add("message", e.message())));
      problem.add("errors", list);
    }
    return problem.build().toString();
  }

  static String title(int status) {
    return switch (status) {
      case 400 -> "Bad request";
      case 401 -> "Authentication required";
      case 403 -> "Forbidden";
      case 404 -> "Not found";
      case 405 -> "Method not allowed";
      case 406 -> "Not acceptable";
      case 409 -> "Conflict";
      case 413 -> "Payload too large";
      case 415 -> "Unsupported media type";
      case 422 -> "Unprocessable request";
      case 429 -> "Too many attempts";
      case 503 -> "Service unavailable";
      default -> status >= 500 ? "Internal error" : "Request refused";
    };
  }
}
