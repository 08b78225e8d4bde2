package fr.secondevie.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Constraint;
import jakarta.ws.rs.PathParam;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Executable;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Payara's OpenAPI generator (6.2025.10) throws on a Bean Validation constraint placed on a method
 * or constructor parameter that is not a {@code @PathParam} — which includes the components of a
 * record — and then {@code /openapi} answers 500. Constraints belong on fields.
 */
class OpenApiSafetyTest {

  @Test
  void noConstraintSitsOnAParameter() throws IOException {
    List<String> offenders = new ArrayList<>();
    for (Class<?> type : classes()) {
      List<Executable> executables = new ArrayList<>();
      executables.addAll(List.of(type.getDeclaredConstructors()));
      executables.addAll(List.of(type.getDeclaredMethods()));
      for (Executable executable : executables) {
        for (Parameter parameter : executable.getParameters()) {
          if (!parameter.isAnnotationPresent(PathParam.class)
              && Stream.of(parameter.getAnnotations()).anyMatch(OpenApiSafetyTest::isConstraint)) {
            offenders.add(type.getName() + "." + executable.getName() + "(" + parameter + ")");
          }
        }
      }
    }
    assertThat(offenders).as("constraints on parameters").isEmpty();
  }

  /** The constraints Payara's ApplicationProcessor visits as schema parameters. */
  private static final java.util.Set<String> TRIPPING =
      java.util.Set.of(
          "NotEmpty",
          "NotBlank",
          "Size",
          "DecimalMax",
          "DecimalMin",
          "Max",
          "Min",
          "Negative",
          "NegativeOrZero",
          "Positive",
          "PositiveOrZero");

  private static boolean isConstraint(Annotation annotation) {
    return annotation.annotationType().isAnnotationPresent(Constraint.class)
        && annotation.annotationType().getPackageName().equals("jakarta.validation.constraints")
        && TRIPPING.contains(annotation.annotationType().getSimpleName());
  }

  private static List<Class<?>> classes() throws IOException {
    Path root = Paths.get("target/classes");
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(
              f -> f.toString().endsWith(".class") && !f.toString().endsWith("package-info.class"))
          .map(f -> root.relativize(f).toString().replace('/', '.').replace(".class", ""))
          .map(OpenApiSafetyTest::load)
          .toList();
    }
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name, false, OpenApiSafetyTest.class.getClassLoader());
    } catch (ClassNotFoundException | NoClassDefFoundError e) {
      throw new IllegalStateException(name, e);
    }
  }
}
