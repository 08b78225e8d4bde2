package fr.secondevie.platform.boundary;

import fr.secondevie.platform.control.Problems;
import fr.secondevie.platform.control.Problems.FieldError;
import fr.secondevie.platform.entity.BusinessException;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns every exception that reaches the API edge into an RFC 9457 problem: business refusals with
 * their code, invalid input listed per field, malformed JSON and unknown fields as 400, and
 * anything unexpected as a 500 that carries an incident reference (logged with the stack trace
 * here, never sent to the client).
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

  @Override
  public Response toResponse(Throwable exception) {
    BusinessException business = find(exception, BusinessException.class);
    if (business != null) {
      return problem(business.status(), business.code(), business.getMessage(), List.of());
    }
    ConstraintViolationException invalid = find(exception, ConstraintViolationException.class);
    if (invalid != null) {
      return problem(400, "INVALID_INPUT", "The request has invalid fields", fieldErrors(invalid));
    }
    if (find(exception, JsonbException.class) != null
        || find(exception, JsonParsingException.class) != null) {
      return problem(400, "INVALID_INPUT", jsonDetail(exception), List.of());
    }
    Optional<Response> refusedByDatabase = CommitFailures.problemOf(exception);
    if (refusedByDatabase.isPresent()) {
      return refusedByDatabase.get();
    }
    if (exception instanceof WebApplicationException web) {
      int status = web.getResponse().getStatus();
      if (status == 401) {
        return Response.fromResponse(
                problem(401, codeOf(401), "Credentials are required (HTTP Basic)", List.of()))
            .header("WWW-Authenticate", "Basic realm=\"Seconde Vie\", charset=\"UTF-8\"")
            .build();
      }
      if (status == 403) {
        return problem(403, codeOf(403), "Your role does not allow this operation", List.of());
      }
      if (status < 500) {
        return problem(status, codeOf(status), web.getMessage(), List.of());
      }
    }
    String incident = UUID.randomUUID().toString();
    LOG.log(Level.SEVERE, "Incident " + incident, exception);
    return problem(
        500,
        "INTERNAL_ERROR",
        "An unexpected error occurred (incident " + incident + ")",
        List.of());
  }

  static Response problem(int status, String code, String detail, List<FieldError> errors) {
    return Response.status(status)
        .type(Problems.MEDIA_TYPE)
        .entity(Problems.json(status, code, detail, errors))
        .build();
  }

  private static String jsonDetail(Throwable exception) {
    String message =
        String.valueOf(
            find(exception, JsonbException.class) != null
                ? find(exception, JsonbException.class).getMessage()
                : exception.getMessage());
    if (message.contains("Unknown") || message.contains("unknown")) {
      return "The request contains a field that does not exist: " + firstLine(message);
    }
    return "The request body is not valid JSON for this operation: " + firstLine(message);
  }

  private static String firstLine(String message) {
    int end = message.indexOf('\n');
    String line = end < 0 ? message : message.substring(0, end);
    return line.length() > 300 ? line.substring(0, 300) : line;
  }

  private static String codeOf(int status) {
    return switch (status) {
      case 400 -> "INVALID_INPUT";
      case 401 -> "AUTHENTICATION_REQUIRED";
      case 403 -> "FORBIDDEN";
      case 404 -> "NOT_FOUND";
      case 405 -> "METHOD_NOT_ALLOWED";
      case 406 -> "NOT_ACCEPTABLE";
      case 415 -> "UNSUPPORTED_MEDIA_TYPE";
      default -> "REQUEST_REFUSED";
    };
  }

  static List<FieldError> fieldErrors(ConstraintViolationException invalid) {
    return invalid.getConstraintViolations().stream()
        .map(v -> new FieldError(fieldName(v), v.getMessage()))
        .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
        .toList();
  }

  /** The JSON path of the field: {@code items[0].quantity}, without method and parameter. */
  static String fieldName(ConstraintViolation<?> violation) {
    StringBuilder name = new StringBuilder();
    for (Path.Node node : violation.getPropertyPath()) {
      if (node.getKind() == ElementKind.METHOD
          || node.getKind() == ElementKind.PARAMETER
          || node.getKind() == ElementKind.CONSTRUCTOR
          || node.getKind() == ElementKind.RETURN_VALUE) {
        if (node.getKind() == ElementKind.PARAMETER) {
          name.setLength(0);
        }
        continue;
      }
      if (node.isInIterable()) {
        Object position = node.getIndex() != null ? node.getIndex() : node.getKey();
        name.append('[').append(position == null ? "" : position).append(']');
      }
      if (node.getName() == null || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
        continue;
      }
      if (!name.isEmpty()) {
        name.append('.');
      }
      name.append(node.getName());
    }
    return name.isEmpty() ? "body" : name.toString();
  }

  private static <T extends Throwable> T find(Throwable exception, Class<T> type) {
    for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }
}
