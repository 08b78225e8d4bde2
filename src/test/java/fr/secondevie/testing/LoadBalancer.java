package fr.secondevie.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's HAProxy on loopback in front of instances started by {@link Server}, run with the
 * shipped {@code config/haproxy/haproxy.cfg} itself: the file takes its addresses from the
 * environment, so the test gives it free ports and the instances' ports, nothing else changes. Its
 * log goes to {@code target/<name>.log}. Without {@code /usr/sbin/haproxy} the calling test is
 * skipped, and says so.
 */
public final class LoadBalancer implements AutoCloseable {

  static final File HAPROXY = new File(System.getProperty("haproxy.binary", "/usr/sbin/haproxy"));
  private static final File CONFIG =
      new File(System.getProperty("secondevie.config", "config"), "haproxy/haproxy.cfg");

  private final Process process;
  private final URL base;
  private final URI stats;
  private final File log;

  private LoadBalancer(Process process, URL base, URI stats, File log) {
    this.process = process;
    this.base = base;
    this.stats = stats;
    this.log = log;
  }

  /** Skips the calling test when HAProxy is not installed. */
  public static void assumeInstalled() {
    if (!HAPROXY.canExecute()) {
      String reason =
          "Load balancer tests SKIPPED: HAProxy not found at "
              + HAPROXY
              + " (apt-get install haproxy)";
      System.out.println(reason);
      Assumptions.abort(reason);
    }
  }

  /**
   * Starts HAProxy in front of the two instances (server app1 and app2 of the shipped file) and
   * waits until its health checks find both up.
   */
  public static LoadBalancer inFrontOf(String name, URL app1, URL app2) {
    assumeInstalled();
    int port = Processes.freePort();
    int statsPort = Processes.freePort();
    File log = new File(Processes.target(), name + ".log");
    List<String> command = List.of(HAPROXY.getPath(), "-db", "-f", CONFIG.getAbsolutePath());
    Process process =
        Processes.start(
            command,
            Map.of(
                "SECONDEVIE_HAPROXY_BIND", "127.0.0.1:" + port,
                "SECONDEVIE_HAPROXY_STATS", "127.0.0.1:" + statsPort,
                "SECONDEVIE_APP1", app1.getHost() + ":" + app1.getPort(),
                "SECONDEVIE_APP2", app2.getHost() + ":" + app2.getPort()),
            null,
            log);
    LoadBalancer balancer =
        new LoadBalancer(
            process,
            Processes.url("http://127.0.0.1:" + port + "/"),
            URI.create("http://127.0.0.1:" + statsPort + "/;csv"),
            log);
    balancer.awaitUp(List.of("app1", "app2"), Duration.ofSeconds(60));
    return balancer;
  }

  public URL base() {
    return base;
  }

  /** Each server's state as HAProxy's statistics say it ("UP", "DOWN", "UP 1/2"...). */
  public Map<String, String> states() {
    Map<String, String> states = new LinkedHashMap<>();
    try {
      String csv =
          HttpClient.newHttpClient()
              .send(HttpRequest.newBuilder(stats).build(), HttpResponse.BodyHandlers.ofString())
              .body();
      for (String line : csv.split("\n")) {
        String[] cells = line.split(",", -1);
        // # pxname,svname,...; status is the 18th column
        if (cells.length > 17 && "instances".equals(cells[0]) && cells[1].startsWith("app")) {
          states.put(cells[1], cells[17]);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return states;
  }

  /** Waits until HAProxy's checks say these servers are up. */
  public void awaitUp(List<String> servers, Duration atMost) {
    await(servers, "UP", atMost);
  }

  /** Waits until HAProxy's checks say this server is down. */
  public void awaitDown(String server, Duration atMost) {
    await(List.of(server), "DOWN", atMost);
  }

  private void await(List<String> servers, String state, Duration atMost) {
    Instant deadline = Instant.now().plus(atMost);
    Map<String, String> seen = Map.of();
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("HAProxy stopped:\n" + Processes.tail(log, 30));
      }
      try {
        seen = states();
        Map<String, String> now = seen;
        if (servers.stream().allMatch(s -> state.equals(now.get(s)))) {
          return;
        }
      } catch (UncheckedIOException notYet) {
        // not listening yet
      }
      Processes.sleep(200);
    }
    throw new IllegalStateException(
        "HAProxy's servers " + servers + " not " + state + " within " + atMost + ": " + seen);
  }

  @Override
  public void close() {
    Processes.stop(process, 10);
  }

  /** The lines of HAProxy's log, one per request (its "option httplog"). */
  public List<String> logLines() {
    try {
      return new ArrayList<>(java.nio.file.Files.readAllLines(log.toPath()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
