package fr.secondevie.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every endpoint says who may call it; one that forgets is refused, never left open. */
class AccessControlTest {

  @Test
  void everyEndpointDeclaresItsAccess() throws IOException {
    List<String> undeclared = new ArrayList<>();
    List<Class<?>> resources = resources();
    assertThat(resources).isNotEmpty();
    for (Class<?> resource : resources) {
      for (Method method : resource.getDeclaredMethods()) {
        if (isEndpoint(method)) {
          var access = AccessControl.accessOf(method, resource);
          if (!access.isPublic() && access.roles().isEmpty()) {
            undeclared.add(resource.getSimpleName() + "." + method.getName());
          }
        }
      }
    }
    assertThat(undeclared).as("endpoints without @RolesAllowed or @PermitAll").isEmpty();
  }

  @Test
  void anEndpointWithoutAnnotationIsDenied() throws NoSuchMethodException {
    var access = AccessControl.accessOf(Forgetful.class.getMethod("forgot"), Forgetful.class);
    assertThat(access.isPublic()).isFalse();
    assertThat(access.roles()).isEmpty();
  }

  @Test
  void theMethodOverridesItsClass() throws NoSuchMethodException {
    assertThat(AccessControl.accessOf(Mixed.class.getMethod("open"), Mixed.class).isPublic())
        .isTrue();
    assertThat(AccessControl.accessOf(Mixed.class.getMethod("closed"), Mixed.class).roles())
        .containsExactly(Roles.ADMIN);
  }

  static class Forgetful {
    @GET
    public String forgot() {
      return "";
    }
  }

  @RolesAllowed(Roles.ADMIN)
  static class Mixed {
    @GET
    @PermitAll
    public String open() {
      return "";
    }

    @POST
    public String closed() {
      return "";
    }
  }

  private static boolean isEndpoint(Method method) {
    return Stream.of(GET.class, POST.class, PUT.class, DELETE.class, PATCH.class)
            .anyMatch(method::isAnnotationPresent)
        || (method.isAnnotationPresent(Path.class));
  }

  private static List<Class<?>> resources() throws IOException {
    var root = Paths.get("target/classes");
    try (Stream<java.nio.file.Path> files = Files.walk(root)) {
      return files
          .filter(f -> f.toString().endsWith(".class") && !f.toString().contains("$"))
          .map(f -> root.relativize(f).toString().replace('/', '.').replace(".class", ""))
          .map(AccessControlTest::load)
          .filter(c -> c.isAnnotationPresent(Path.class))
          .toList();
    }
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name, false, AccessControlTest.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
