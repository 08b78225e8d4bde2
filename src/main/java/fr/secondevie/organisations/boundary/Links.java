package fr.secondevie.organisations.boundary;

import jakarta.faces.context.ExternalContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Where the links the application sends point: {@code SECONDEVIE_PUBLIC_URL} when it is set (the
 * address people reach behind a proxy), else the address the request came to.
 */
final class Links {

  private Links() {}

  static String base(UriInfo uri) {
    return configured().orElseGet(() -> uri.getBaseUri().resolve("/").toString());
  }

  static String base(ExternalContext external) {
    return configured()
        .orElseGet(
            () -> {
              String scheme = external.getRequestScheme();
              int port = external.getRequestServerPort();
              boolean usual =
                  scheme.equals("http") && port == 80 || scheme.equals("https") && port == 443;
              return scheme
                  + "://"
                  + external.getRequestServerName()
                  + (usual ? "" : ":" + port)
                  + external.getRequestContextPath()
                  + "/";
            });
  }

  private static Optional<String> configured() {
    return ConfigProvider.getConfig()
        .getOptionalValue("secondevie.public.url", String.class)
        .filter(url -> !url.isBlank())
        .map(url -> url.endsWith("/") ? url : url + "/");
  }
}
