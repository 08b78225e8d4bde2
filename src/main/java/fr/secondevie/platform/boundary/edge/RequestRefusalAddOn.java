package fr.secondevie.platform.boundary.edge;

import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.HttpServerFilter;
import org.glassfish.grizzly.http.server.NetworkListener;

/**
 * Puts {@link RequestRefusal} in every HTTP listener's filter chain, just before the filter that
 * hands a request to the web container. Not part of the WAR: it is packed as {@code
 * secondevie-edge.jar} into the Payara Micro runtime ({@code MICRO-INF/lib}), where HK2 finds it by
 * its descriptor as the listener's "comet" add-on, ranked above Payara's own; that add-on (Comet,
 * long polling, which nothing here uses) is still set up, after ours.
 *
 * <p>Why this much: Grizzly refuses a request whose path it cannot decode (a NUL or a backslash
 * escaped, an escape that is not hexadecimal, dots that climb above the root) or whose headers are
 * too large with a bare 400 and an empty body, before any code of the application runs, and Payara
 * has no setting for it.
 */
public class RequestRefusalAddOn implements AddOn {

  static final String PAYARA_COMET = "org.glassfish.grizzly.extras.addons.CometAddOnProvider";

  @Override
  public void setup(NetworkListener listener, FilterChainBuilder builder) {
    int container = builder.indexOfType(HttpServerFilter.class);
    if (container >= 0) {
      builder.add(container, new RequestRefusal());
    }
    AddOn comet = payaraComet();
    if (comet != null) {
      comet.setup(listener, builder);
    }
  }

  private static AddOn payaraComet() {
    try {
      return (AddOn)
          Class.forName(PAYARA_COMET, true, RequestRefusalAddOn.class.getClassLoader())
              .getDeclaredConstructor()
              .newInstance();
    } catch (ReflectiveOperationException | LinkageError absent) {
      return null;
    }
  }
}
