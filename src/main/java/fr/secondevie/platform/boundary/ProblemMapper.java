package fr.secondevie.platform.boundary;

import fr.secondevie.platform.control.Problems;
import fr.secondevie.platform.control.Problems.FieldError;
import fr.secondevie.platform.entity.BusinessException;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
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

  @Context HttpServletRequest request;

  @Override
  public Response toResponse(Throwable exception) {
    BusinessException business = find(exception, BusinessException.class);
    if (business != null) {
      return Response.status(business.status())
          .type(Problems.MEDIA_TYPE)
          .entity(
              Problems.json(
                  business.status(),
                  business.code(),
                  business.getMessage(),
                  errorsOf(business),
                  business.members()))
          .build();
    }
    InvalidBody body = find(exception, InvalidBody.class);
    if (body != null) {
      return problem(400, "INVALID_INPUT", body.getMessage(), body.errors());
    }
    ConstraintViolationException invalid = find(exception, ConstraintViolationException.class);
    if (invalid != null) {
      return problem(400, "INVALID_INPUT", "The request has invalid fields", fieldErrors(invalid));
    }
    if (find(exception, JsonbException.class) != null
        || find(exception, JsonParsingException.class) != null) {
      String field = jsonField(exception);
      return problem(
          400,
          "INVALID_INPUT",
          "The request body does not match this operation",
          List.of(new FieldError(field, "does not have the expected type or format")));
    }
    String parameter = parameterOf(exception);
    if (parameter != null) {
      return problem(
          400,
          "INVALID_INPUT",
          "The request has invalid parameters",
          List.of(new FieldError(parameter, "does not have the expected type or format")));
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
        String code = codeOf(status);
        return problem(
            status,
            code,
            web.getMessage(),
            code.equals("INVALID_INPUT")
                ? List.of(new FieldError("request", web.getMessage()))
                : List.of());
      }
    }
    String incident = UUID.randomUUID().toString();
    LOG.log(Level.SEVERE, Incidents.line(incident, request, exception), exception);
    return Response.fromResponse(
            problem(
                500,
                "INTERNAL_ERROR",
                "An unexpected error occurred (incident " + incident + ")",
                List.of()))
        .header(Incidents.HEADER, incident)
        .build();
  }

  static Response problem(int status, String code, String detail, List<FieldError> errors) {
    return Response.status(status)
        .type(Problems.MEDIA_TYPE)
        .entity(Problems.json(status, code, detail, errors))
        .build();
  }

  /**
   * Every {@code INVALID_INPUT} lists its errors: a refusal about one field names it, one about the
   * request as a whole names {@code request}.
   */
  private static List<FieldError> errorsOf(BusinessException business) {
    if (!business.code().equals("INVALID_INPUT")) {
      return List.of();
    }
    String field = business.field() == null ? "request" : business.field();
    return List.of(new FieldError(field, business.getMessage()));
  }

  /**
   * The JSON path of the property the binder could not read, from its messages ("Unable to
   * deserialize property 'items' because of: Unable to deserialize property 'quantity'..."), or
   * {@code body}. The message itself is not sent: it names Java classes.
   */
  private static String jsonField(Throwable exception) {
    String marker = "deserialize property '";
    StringBuilder path = new StringBuilder();
    for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String message = String.valueOf(t.getMessage());
      int from = 0;
      while ((from = message.indexOf(marker, from)) >= 0) {
        int start = from + marker.length();
        int end = message.indexOf('\'', start);
        if (end < 0) {
          break;
        }
        String name = message.substring(start, end);
        if (!path.toString().endsWith(name)) {
          path.append(path.isEmpty() ? "" : ".").append(name);
        }
        from = end;
      }
      if (!path.isEmpty()) {
        return path.toString();
      }
    }
    return "body";
  }

  /**
   * The name of a query, header, form or cookie parameter the JAX-RS runtime could not convert
   * ({@code ?year=abc}), which it would otherwise answer as a 404; a path parameter that does not
   * convert stays a 404 (no such resource).
   */
  private static String parameterOf(Throwable exception) {
    for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String type = t.getClass().getName();
      if (type.startsWith("org.glassfish.jersey.server.ParamException$")
          && !type.endsWith("PathParamException")) {
        try {
          Object name = t.getClass().getMethod("getParameterName").invoke(t);
          return name == null ? "request" : name.toString();
        } catch (ReflectiveOperationException e) {
          return "request";
        }
      }
    }
    return null;
  }

  static String codeOf(int status) {
    return switch (status) {
      case 400 -> "INVALID_INPUT";
      case 401 -> "AUTHENTICATION_REQUIRED";
      case 403 -> "FORBIDDEN";
      case 404 -> "NOT_FOUND";
      case 405 -> "METHOD_NOT_ALLOWED";
      case 406 -> "NOT_ACCEPTABLE";
      case 413 -> "PAYLOAD_TOO_LARGE";
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
    if (name.isEmpty()) {
      String parameter = parameterName(violation);
      return parameter != null ? parameter : "body";
    }
    return name.toString();
  }

  /**
   * The name under which the client sent a resource method's parameter that a constraint refused
   * ({@code @QueryParam("status")}), or null for the body, which has no such name.
   */
  private static String parameterName(ConstraintViolation<?> violation) {
    String method = null;
    List<Class<?>> types = null;
    Integer index = null;
    for (Path.Node node : violation.getPropertyPath()) {
      if (node.getKind() == ElementKind.METHOD) {
        method = node.getName();
        types = node.as(Path.MethodNode.class).getParameterTypes();
      } else if (node.getKind() == ElementKind.PARAMETER) {
        index = node.as(Path.ParameterNode.class).getParameterIndex();
      }
    }
    if (method == null || index == null || violation.getRootBeanClass() == null) {
      return null;
    }
    for (Class<?> c = violation.getRootBeanClass(); c != null; c = c.getSuperclass()) {
      try {
        for (var annotation :
            c.getDeclaredMethod(method, types.toArray(Class<?>[]::new))
                .getParameterAnnotations()[index]) {
          if (annotation instanceof QueryParam q) {
            return q.value();
          }
          if (annotation instanceof PathParam p) {
            return p.value();
          }
          if (annotation instanceof HeaderParam h) {
            return h.value();
          }
        }
      } catch (NoSuchMethodException notDeclaredHere) {
        // declared higher up (the class is a container's subclass)
      }
    }
    return null;
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
