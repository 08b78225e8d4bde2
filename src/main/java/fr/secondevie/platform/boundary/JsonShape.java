package fr.secondevie.platform.boundary;

import fr.secondevie.platform.control.Problems.FieldError;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTransient;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Checks a JSON document against the Java type a request body binds to, before JSON-B binds it, so
 * that a body of the wrong shape is refused field by field ({@code "amountCents": "must be a whole
 * number"}, {@code "method": "must be one of CASH, CARD"}) instead of with the binder's message,
 * which names Java classes and says nothing of the field. It knows the types request bodies use:
 * strings, whole and decimal numbers, booleans, enums, ISO dates, lists, maps and nested request
 * classes or records (their public fields or components, under their JSON-B names). A {@code null}
 * field is left to Bean Validation ({@code @NotNull}), except where Java cannot hold one; a {@code
 * null} in a list is refused ({@code "postalCodePrefixes":[null]}, which made a 500): no list of
 * the API holds one. Strings may not hold control characters but tab and line breaks.
 */
final class JsonShape {

  /** The field name of the body itself, when the whole document is of the wrong shape. */
  static final String BODY = "body";

  private JsonShape() {}

  /** The errors of {@code value} read as {@code type}, in document order; empty when it fits. */
  static List<FieldError> check(JsonValue value, Type type) {
    List<FieldError> errors = new ArrayList<>();
    if (value.getValueType() == JsonValue.ValueType.NULL) {
      errors.add(new FieldError(BODY, "must be a JSON " + expected(type)));
    } else {
      check(value, type, "", errors);
    }
    return errors;
  }

  private static void check(JsonValue value, Type type, String path, List<FieldError> errors) {
    Class<?> raw = raw(type);
    if (value.getValueType() == JsonValue.ValueType.NULL) {
      if (raw.isPrimitive()) {
        errors.add(new FieldError(name(path), "must not be null"));
      }
      return;
    }
    if (JsonValue.class.isAssignableFrom(raw) || raw == Object.class) {
      return;
    }
    String refusal = refusal(value, raw);
    if (refusal != null) {
      errors.add(new FieldError(name(path), refusal));
      return;
    }
    if (Collection.class.isAssignableFrom(raw) || raw.isArray()) {
      Type element = raw.isArray() ? raw.getComponentType() : argument(type, 0);
      JsonArray array = value.asJsonArray();
      for (int i = 0; i < array.size(); i++) {
        if (array.get(i).getValueType() == JsonValue.ValueType.NULL) {
          errors.add(new FieldError(path + "[" + i + "]", "must not be null"));
        } else {
          check(array.get(i), element, path + "[" + i + "]", errors);
        }
      }
    } else if (Map.class.isAssignableFrom(raw)) {
      Type element = argument(type, 1);
      value.asJsonObject().forEach((key, v) -> check(v, element, join(path, key), errors));
    } else if (value.getValueType() == JsonValue.ValueType.OBJECT) {
      Map<String, Type> properties = properties(raw);
      for (Map.Entry<String, JsonValue> entry : value.asJsonObject().entrySet()) {
        Type property = properties.get(entry.getKey());
        if (property == null) {
          errors.add(new FieldError(join(path, entry.getKey()), "is not a field of this request"));
        } else {
          check(entry.getValue(), property, join(path, entry.getKey()), errors);
        }
      }
    }
  }

  /** Why a non-null value cannot be read as {@code raw}, or null when it can. */
  private static String refusal(JsonValue value, Class<?> raw) {
    JsonValue.ValueType kind = value.getValueType();
    if (raw == String.class || raw == Character.class || raw == char.class) {
      if (kind != JsonValue.ValueType.STRING) {
        return "must be a string";
      }
      return hasControlCharacter(((JsonString) value).getString())
          ? "must not contain control characters (NUL, BEL...)"
          : null;
    }
    if (raw == Boolean.class || raw == boolean.class) {
      return kind == JsonValue.ValueType.TRUE || kind == JsonValue.ValueType.FALSE
          ? null
          : "must be true or false";
    }
    if (raw.isEnum()) {
      String allowed =
          Arrays.stream(raw.getEnumConstants())
              .map(c -> ((Enum<?>) c).name())
              .collect(Collectors.joining(", "));
      if (kind != JsonValue.ValueType.STRING) {
        return "must be one of " + allowed;
      }
      String text = ((JsonString) value).getString();
      return Arrays.stream(raw.getEnumConstants()).anyMatch(c -> ((Enum<?>) c).name().equals(text))
          ? null
          : "must be one of " + allowed;
    }
    if (isWhole(raw)) {
      if (kind != JsonValue.ValueType.NUMBER || !((JsonNumber) value).isIntegral()) {
        return "must be a whole number";
      }
      BigInteger number = ((JsonNumber) value).bigIntegerValue();
      long[] range = range(raw);
      return number.compareTo(BigInteger.valueOf(range[0])) < 0
              || number.compareTo(BigInteger.valueOf(range[1])) > 0
          ? "must be a whole number between " + range[0] + " and " + range[1]
          : null;
    }
    if (raw == BigDecimal.class
        || raw == Double.class
        || raw == double.class
        || raw == Float.class
        || raw == float.class) {
      if (kind != JsonValue.ValueType.NUMBER) {
        return "must be a number";
      }
      BigDecimal number = ((JsonNumber) value).bigDecimalValue();
      return number.abs().compareTo(BigDecimal.valueOf(1_000_000_000_000L)) > 0
          ? "must be a number below 10^12"
          : null;
    }
    if (raw == LocalDate.class) {
      return parses(value, LocalDate::parse) ? null : "must be a date (YYYY-MM-DD)";
    }
    if (raw == LocalDateTime.class) {
      return parses(value, LocalDateTime::parse) ? null : "must be a date-time (YYYY-MM-DDThh:mm)";
    }
    if (raw == YearMonth.class) {
      return parses(value, YearMonth::parse) ? null : "must be a month (YYYY-MM)";
    }
    if (raw.getPackageName().startsWith("java.time")) {
      return kind == JsonValue.ValueType.STRING ? null : "must be a string (ISO-8601)";
    }
    if (Collection.class.isAssignableFrom(raw) || raw.isArray()) {
      return kind == JsonValue.ValueType.ARRAY ? null : "must be a list";
    }
    return kind == JsonValue.ValueType.OBJECT ? null : "must be an object";
  }

  /**
   * True when the text holds a control character other than tab and line breaks: NUL, which
   * PostgreSQL cannot store in text, BEL, ESC and the like, which no name, address or reason needs.
   */
  static boolean hasControlCharacter(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.getType(c) == Character.CONTROL && c != '\t' && c != '\n' && c != '\r') {
        return true;
      }
    }
    return false;
  }

  private interface Parser {
    Object parse(String text);
  }

  private static boolean parses(JsonValue value, Parser parser) {
    if (value.getValueType() != JsonValue.ValueType.STRING) {
      return false;
    }
    try {
      parser.parse(((JsonString) value).getString());
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static boolean isWhole(Class<?> raw) {
    return raw == Long.class
        || raw == long.class
        || raw == Integer.class
        || raw == int.class
        || raw == Short.class
        || raw == short.class
        || raw == Byte.class
        || raw == byte.class
        || raw == BigInteger.class;
  }

  private static long[] range(Class<?> raw) {
    if (raw == Integer.class || raw == int.class) {
      return new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE};
    }
    if (raw == Short.class || raw == short.class) {
      return new long[] {Short.MIN_VALUE, Short.MAX_VALUE};
    }
    if (raw == Byte.class || raw == byte.class) {
      return new long[] {Byte.MIN_VALUE, Byte.MAX_VALUE};
    }
    return new long[] {Long.MIN_VALUE, Long.MAX_VALUE};
  }

  /** The JSON properties of a request class: record components, or its non-static fields. */
  private static Map<String, Type> properties(Class<?> raw) {
    Map<String, Type> properties = new LinkedHashMap<>();
    if (raw.isRecord()) {
      for (RecordComponent component : raw.getRecordComponents()) {
        properties.put(jsonName(component.getName(), component), component.getGenericType());
      }
      return properties;
    }
    for (Class<?> c = raw; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field field : c.getDeclaredFields()) {
        int modifiers = field.getModifiers();
        if (Modifier.isStatic(modifiers)
            || Modifier.isTransient(modifiers)
            || field.isAnnotationPresent(JsonbTransient.class)
            || field.isSynthetic()) {
          continue;
        }
        properties.putIfAbsent(jsonName(field.getName(), field), field.getGenericType());
      }
    }
    return properties;
  }

  private static String jsonName(String name, java.lang.reflect.AnnotatedElement element) {
    JsonbProperty property = element.getAnnotation(JsonbProperty.class);
    return property != null && !property.value().isEmpty() ? property.value() : name;
  }

  private static String expected(Type type) {
    Class<?> raw = raw(type);
    return Collection.class.isAssignableFrom(raw) || raw.isArray() ? "list" : "object";
  }

  private static Class<?> raw(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p) {
      return raw(p.getRawType());
    }
    if (type instanceof WildcardType w && w.getUpperBounds().length > 0) {
      return raw(w.getUpperBounds()[0]);
    }
    return Object.class;
  }

  private static Type argument(Type type, int index) {
    if (type instanceof ParameterizedType p && p.getActualTypeArguments().length > index) {
      return p.getActualTypeArguments()[index];
    }
    return Object.class;
  }

  private static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  private static String name(String path) {
    return path.isEmpty() ? BODY : path;
  }
}
