package fr.secondevie.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.platform.security.TrustedProxies.Networks;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

  private final Networks loopback = Networks.parse("127.0.0.1,::1", invalid -> {});

  @Test
  void theLoopbackAddressesAreTrustedHoweverWritten() {
    assertThat(loopback.contains("127.0.0.1")).isTrue();
    assertThat(loopback.contains("::1")).isTrue();
    assertThat(loopback.contains("0:0:0:0:0:0:0:1")).isTrue();
    assertThat(loopback.contains("::ffff:127.0.0.1")).isTrue();
    assertThat(loopback.contains("127.0.0.2")).isFalse();
    assertThat(loopback.contains("192.0.2.1")).isFalse();
    assertThat(loopback.contains("localhost")).as("names are never looked up").isFalse();
  }

  @Test
  void networksAreMatchedOnTheirPrefix() {
    Networks networks = Networks.parse("10.0.0.0/8, 192.0.2.128/25 2001:db8::/32", invalid -> {});
    assertThat(networks.contains("10.200.3.4")).isTrue();
    assertThat(networks.contains("11.0.0.1")).isFalse();
    assertThat(networks.contains("192.0.2.200")).isTrue();
    assertThat(networks.contains("192.0.2.100")).isFalse();
    assertThat(networks.contains("2001:db8:1::7")).isTrue();
    assertThat(networks.contains("2001:db9::7")).isFalse();
  }

  @Test
  void entriesThatAreNoAddressAreReportedAndLeftOut() {
    List<String> reported = new ArrayList<>();
    Networks networks =
        Networks.parse(
            "127.0.0.1, proxy.example, 10.0.0.0/33, 300.1.1.1, 10.1.0.0/x", reported::add);
    assertThat(reported).hasSize(4);
    assertThat(networks.contains("127.0.0.1")).isTrue();
  }

  @Test
  void aPeerThatIsNoProxyIsTheClientWhateverItForwards() {
    assertThat(loopback.clientAddress("198.51.100.7", headers("203.0.113.9")))
        .isEqualTo("198.51.100.7");
  }

  @Test
  void behindAProxyTheClientIsTheNearestAddressThatIsNoProxy() {
    assertThat(loopback.clientAddress("127.0.0.1", headers("203.0.113.9")))
        .isEqualTo("203.0.113.9");
    assertThat(loopback.clientAddress("127.0.0.1", headers("6.6.6.6, 203.0.113.9")))
        .as("what the client wrote itself stands left of what the proxy added")
        .isEqualTo("203.0.113.9");
    assertThat(loopback.clientAddress("127.0.0.1", headers("203.0.113.9, 127.0.0.1")))
        .isEqualTo("203.0.113.9");
    assertThat(loopback.clientAddress("127.0.0.1", headers("6.6.6.6", "203.0.113.9:51234")))
        .isEqualTo("203.0.113.9");
    assertThat(loopback.clientAddress("::1", headers("[2001:DB8::1]:443")))
        .isEqualTo("2001:db8:0:0:0:0:0:1");
  }

  @Test
  void behindAProxyWithoutForwardedAddressesTheProxyIsTheClient() {
    assertThat(loopback.clientAddress("127.0.0.1", null)).isEqualTo("127.0.0.1");
    assertThat(loopback.clientAddress("0:0:0:0:0:0:0:1", headers())).isEqualTo("0:0:0:0:0:0:0:1");
    assertThat(loopback.clientAddress("127.0.0.1", headers("unknown"))).isEqualTo("127.0.0.1");
    assertThat(loopback.clientAddress("127.0.0.1", headers("203.0.113.9, garbage")))
        .as("an entry that is no address stops the walk at the proxy that passed it")
        .isEqualTo("127.0.0.1");
  }

  @Test
  void httpsIsTakenOnlyFromAProxy() {
    assertThat(loopback.forwardedHttps("127.0.0.1", "https")).isTrue();
    assertThat(loopback.forwardedHttps("127.0.0.1", "HTTPS, http")).isTrue();
    assertThat(loopback.forwardedHttps("127.0.0.1", "http")).isFalse();
    assertThat(loopback.forwardedHttps("127.0.0.1", null)).isFalse();
    assertThat(loopback.forwardedHttps("198.51.100.7", "https")).isFalse();
  }

  private static Enumeration<String> headers(String... values) {
    return Collections.enumeration(List.of(values));
  }
}
