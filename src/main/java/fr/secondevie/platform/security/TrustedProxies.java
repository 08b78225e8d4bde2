package fr.secondevie.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The proxies whose word the application takes about a request ({@code SECONDEVIE_TRUSTED_PROXIES}:
 * addresses or networks such as {@code 10.0.0.0/8}, separated by commas; by default the loopback
 * addresses, where a local load balancer runs). Only when the direct peer is one of them does
 * {@code X-Forwarded-For} say who the client is and {@code X-Forwarded-Proto} whether it came
 * through HTTPS; from anyone else these headers are ignored, since anyone can send them.
 */
@ApplicationScoped
public class TrustedProxies {

  private static final Logger LOG = Logger.getLogger(TrustedProxies.class.getName());

  @Inject
  @ConfigProperty(name = "secondevie.trusted.proxies", defaultValue = "127.0.0.1,::1")
  String setting;

  private volatile Networks networks;

  /** The address of the client, as the trusted proxies in front of the application saw it. */
  public String clientAddress(HttpServletRequest request) {
    return networks().clientAddress(request.getRemoteAddr(), request.getHeaders("X-Forwarded-For"));
  }

  /** Whether the client reached the application through HTTPS, here or at a trusted proxy. */
  public boolean cameThroughHttps(HttpServletRequest request) {
    return request.isSecure()
        || networks()
            .forwardedHttps(request.getRemoteAddr(), request.getHeader("X-Forwarded-Proto"));
  }

  /** Whether the address is one of the trusted proxies (which stand for many clients). */
  public boolean isProxy(String address) {
    return networks().contains(address);
  }

  private Networks networks() {
    Networks parsed = networks;
    if (parsed == null) {
      parsed = Networks.parse(setting, invalid -> LOG.warning(() -> invalid));
      networks = parsed;
    }
    return parsed;
  }

  /** A set of networks, and the rules that read forwarded headers against it. */
  static final class Networks {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*");

    private record Network(byte[] address, int prefix) {
      boolean contains(byte[] other) {
        if (other.length != address.length) {
          return false;
        }
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
          if (other[i] != address[i]) {
            return false;
          }
        }
        int rest = prefix % 8;
        if (rest == 0) {
          return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (other[full] & mask) == (address[full] & mask);
      }
    }

    private final List<Network> networks;

    private Networks(List<Network> networks) {
      this.networks = List.copyOf(networks);
    }

    /** Parses the setting; entries that are not addresses or networks are reported and left out. */
    static Networks parse(String setting, java.util.function.Consumer<String> invalid) {
      List<Network> networks = new ArrayList<>();
      for (String entry : (setting == null ? "" : setting).split("[,\\s]+")) {
        if (entry.isBlank()) {
          continue;
        }
        int slash = entry.indexOf('/');
        Optional<InetAddress> address = literal(slash < 0 ? entry : entry.substring(0, slash));
        Integer prefix = address.map(a -> a.getAddress().length * 8).orElse(null);
        if (address.isPresent() && slash >= 0) {
          try {
            int given = Integer.parseInt(entry.substring(slash + 1));
            prefix = given >= 0 && given <= prefix ? given : null;
          } catch (NumberFormatException e) {
            prefix = null;
          }
        }
        if (prefix == null) {
          invalid.accept(
              "SECONDEVIE_TRUSTED_PROXIES: not an address or network, left out: " + entry);
          continue;
        }
        networks.add(new Network(address.get().getAddress(), prefix));
      }
      return new Networks(networks);
    }

    boolean contains(String address) {
      Optional<InetAddress> parsed = literal(address);
      return parsed.isPresent()
          && networks.stream().anyMatch(n -> n.contains(parsed.get().getAddress()));
    }

    /**
     * The client: the direct peer, unless it is a trusted proxy; then the nearest address of {@code
     * X-Forwarded-For}, read from the right (each proxy appends the peer it saw), that is not a
     * trusted proxy. What a client wrote there itself stands left of what the proxies added and is
     * never reached; an entry that is not an address stops the walk at the proxy that passed it.
     */
    String clientAddress(String peer, java.util.Enumeration<String> forwardedFor) {
      String client = normalised(peer);
      if (!contains(client) || forwardedFor == null) {
        return client;
      }
      List<String> hops = new ArrayList<>();
      for (String header : Collections.list(forwardedFor)) {
        for (String hop : header.split(",")) {
          hops.add(hop.trim());
        }
      }
      for (int i = hops.size() - 1; i >= 0; i--) {
        Optional<InetAddress> hop = literal(withoutPort(hops.get(i)));
        if (hop.isEmpty()) {
          return client;
        }
        client = hop.get().getHostAddress();
        if (!contains(client)) {
          return client;
        }
      }
      return client;
    }

    /** Whether a trusted proxy says the client used HTTPS (the first proxy's word counts). */
    boolean forwardedHttps(String peer, String forwardedProto) {
      if (forwardedProto == null || !contains(peer)) {
        return false;
      }
      String first = forwardedProto.split(",")[0].trim();
      return first.toLowerCase(Locale.ROOT).equals("https");
    }

    /** The canonical text of an address, or what was given when it is not one. */
    static String normalised(String address) {
      return literal(address).map(InetAddress::getHostAddress).orElse(String.valueOf(address));
    }

    /** {@code 203.0.113.7:51234} and {@code [2001:db8::1]:443} without their port. */
    static String withoutPort(String hop) {
      if (hop.startsWith("[")) {
        int end = hop.indexOf(']');
        return end < 0 ? hop : hop.substring(1, end);
      }
      int colon = hop.indexOf(':');
      return colon > 0 && colon == hop.lastIndexOf(':') && hop.indexOf('.') > 0
          ? hop.substring(0, colon)
          : hop;
    }

    /**
     * An IP address written as such, never looked up: only text shaped like an IPv4 or IPv6 literal
     * reaches {@link InetAddress}, which then parses it without asking the DNS.
     */
    static Optional<InetAddress> literal(String text) {
      if (text == null) {
        return Optional.empty();
      }
      String address = text.trim();
      int zone = address.indexOf('%');
      if (zone >= 0) {
        address = address.substring(0, zone);
      }
      if (IPV4.matcher(address).matches()) {
        for (String part : address.split("\\.")) {
          if (Integer.parseInt(part) > 255) {
            return Optional.empty();
          }
        }
      } else if (!IPV6.matcher(address).matches() || address.length() > 45) {
        return Optional.empty();
      }
      try {
        return Optional.of(InetAddress.getByName(address));
      } catch (UnknownHostException | IllegalArgumentException e) {
        return Optional.empty();
      }
    }
  }
}
