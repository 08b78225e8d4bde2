package fr.secondevie.platform.boundary;

import fr.secondevie.platform.control.Problems.FieldError;
import fr.secondevie.platform.entity.BusinessException;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every request body is read here first: at most {@link #MAX_BYTES} (a larger one is refused with
 * 413 {@code PAYLOAD_TOO_LARGE}), and a JSON body must be a JSON document of the shape the
 * operation binds to, field by field ({@link JsonShape}), else 400 {@code INVALID_INPUT} with its
 * {@code errors}: an empty body, {@code null}, an array or a string where an object is expected, a
 * string where a number is, an unknown enum value (the allowed values are named). So a resource
 * never receives {@code null} for its body, and the binder's messages, which name Java classes,
 * never reach the client. (Request bodies carry their constraints on fields; a constraint on the
 * parameter itself would break Payara's OpenAPI generator.)
 */
@Provider
public class RequiredBody implements ReaderInterceptor {

  /** The largest request body the API reads: 1 MiB, a hundred times its largest real request. */
  public static final int MAX_BYTES = 1 << 20;

  /**
   * The deepest nesting of arrays and objects a body may have: the API's deepest request has four
   * levels, and a parser (or the binder after it) given thousands of them exhausts its stack.
   */
  static final int MAX_DEPTH = 32;

  private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    byte[] body = readBounded(context.getInputStream());
    context.setInputStream(new ByteArrayInputStream(body));
    if (context.getMediaType() == null
        || !MediaType.APPLICATION_JSON_TYPE.isCompatible(context.getMediaType())
        || isRaw(context.getType())) {
      return context.proceed();
    }
    if (body.length == 0) {
      throw new InvalidBody(
          "A JSON body is required", List.of(new FieldError(JsonShape.BODY, "is required")));
    }
    if (depth(body) > MAX_DEPTH) {
      throw new InvalidBody(
          "The request body is nested too deeply",
          List.of(
              new FieldError(
                  JsonShape.BODY, "must not nest more than " + MAX_DEPTH + " arrays or objects")));
    }
    JsonValue document = parse(body);
    List<FieldError> errors = JsonShape.check(document, context.getGenericType());
    if (!errors.isEmpty()) {
      throw new InvalidBody(
          "The request has invalid fields: "
              + errors.stream()
                  .limit(3)
                  .map(e -> e.field() + " " + e.message())
                  .collect(Collectors.joining("; ")),
          errors);
    }
    Object entity = context.proceed();
    if (entity == null) {
      throw new InvalidBody(
          "A JSON body is required", List.of(new FieldError(JsonShape.BODY, "is required")));
    }
    return entity;
  }

  private static boolean isRaw(Class<?> type) {
    return type == byte[].class
        || type == String.class
        || InputStream.class.isAssignableFrom(type)
        || Reader.class.isAssignableFrom(type);
  }

  private static JsonValue parse(byte[] body) {
    try (JsonReader reader =
        READERS.createReader(
            new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8))) {
      return reader.readValue();
    } catch (JsonParsingException e) {
      var at = e.getLocation();
      String where =
          at == null
              ? ""
              : " (line " + at.getLineNumber() + ", column " + at.getColumnNumber() + ")";
      throw new InvalidBody(
          "The request body is not valid JSON" + where,
          List.of(new FieldError(JsonShape.BODY, "is not valid JSON" + where)));
    } catch (JsonException e) {
      throw new InvalidBody(
          "The request body is not valid JSON",
          List.of(new FieldError(JsonShape.BODY, "is not valid JSON")));
    }
  }

  /** How deeply arrays and objects nest in a JSON text, brackets inside strings aside. */
  static int depth(byte[] json) {
    int depth = 0;
    int deepest = 0;
    boolean inString = false;
    for (int i = 0; i < json.length; i++) {
      byte b = json[i];
      if (inString) {
        if (b == '\\') {
          i++;
        } else if (b == '"') {
          inString = false;
        }
      } else if (b == '"') {
        inString = true;
      } else if (b == '[' || b == '{') {
        deepest = Math.max(deepest, ++depth);
      } else if (b == ']' || b == '}') {
        depth--;
      }
    }
    return deepest;
  }

  private static byte[] readBounded(InputStream in) throws IOException {
    byte[] body = in.readNBytes(MAX_BYTES + 1);
    if (body.length > MAX_BYTES) {
      ApiEdge.drain(in);
      throw tooLarge();
    }
    return body;
  }

  static BusinessException tooLarge() {
    return new BusinessException(
        413,
        "PAYLOAD_TOO_LARGE",
        "A request body may have at most " + MAX_BYTES + " bytes (1 MiB)");
  }
}
