package fr.secondevie.platform.security;

import fr.secondevie.platform.control.Problems;
import jakarta.annotation.Priority;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;

/**
 * Who may call which API endpoint, closed by default: an endpoint is public only when it says
 * {@code @PermitAll}; {@code @RolesAllowed} lets those roles in; anything else (no annotation,
 * {@code @DenyAll}) is refused. No credentials gives 401, the wrong role 403, both as problems.
 */
@Provider
public class AccessControl implements DynamicFeature {

  /** What an endpoint declares about access, method first, then its class. */
  public static Access accessOf(Method method, Class<?> resource) {
    if (method.isAnnotationPresent(DenyAll.class)) {
      return Access.denied();
    }
    if (method.isAnnotationPresent(PermitAll.class)) {
      return Access.everyone();
    }
    if (method.isAnnotationPresent(RolesAllowed.class)) {
      return Access.roles(method.getAnnotation(RolesAllowed.class).value());
    }
    if (resource.isAnnotationPresent(DenyAll.class)) {
      return Access.denied();
    }
    if (resource.isAnnotationPresent(PermitAll.class)) {
      return Access.everyone();
    }
    if (resource.isAnnotationPresent(RolesAllowed.class)) {
      return Access.roles(resource.getAnnotation(RolesAllowed.class).value());
    }
    return Access.denied();
  }

  /** The roles let in; {@code null} roles means everyone, empty means no one. */
  public record Access(Set<String> roles) {
    static Access everyone() {
      return new Access(null);
    }

    static Access denied() {
      return new Access(Set.of());
    }

    static Access roles(String... roles) {
      return new Access(Set.of(roles));
    }

    public boolean isPublic() {
      return roles == null;
    }
  }

  @Override
  public void configure(ResourceInfo resourceInfo, FeatureContext context) {
    Access access = accessOf(resourceInfo.getResourceMethod(), resourceInfo.getResourceClass());
    if (!access.isPublic()) {
      context.register(new RoleFilter(List.copyOf(access.roles())));
    }
  }

  @Priority(Priorities.AUTHORIZATION)
  static final class RoleFilter implements ContainerRequestFilter {

    private final List<String> roles;

    RoleFilter(List<String> roles) {
      this.roles = roles;
    }

    @Override
    public void filter(ContainerRequestContext request) {
      var security = request.getSecurityContext();
      if (security.getUserPrincipal() == null) {
        request.abortWith(
            problem(401, "AUTHENTICATION_REQUIRED", "Credentials are required (HTTP Basic)")
                .header("WWW-Authenticate", "Basic realm=\"Seconde Vie\", charset=\"UTF-8\"")
                .build());
        return;
      }
      if (roles.stream().noneMatch(security::isUserInRole)) {
        request.abortWith(
            problem(403, "FORBIDDEN", "Your role does not allow this operation").build());
      }
    }

    private static Response.ResponseBuilder problem(int status, String code, String detail) {
      return Response.status(status)
          .type(Problems.MEDIA_TYPE)
          .entity(Problems.json(status, code, detail));
    }
  }
}
