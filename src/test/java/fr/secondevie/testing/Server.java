package fr.secondevie.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged WAR on Payara Micro, started once for all the black-box integration tests of a run.
 *
 * <p>Every black-box test calls the application over HTTP as an integrator would, so one boot
 * serves them all: {@link #shared()} starts it on first use (a free port, the build's database and
 * fake Stripe given by the environment failsafe sets, the JVM options and pre-boot commands of
 * {@code config/}, as production runs) and stops it when the test JVM exits. Each test builds its
 * own data, so a test class passes alone as well as in the suite. {@link #start(String)} starts
 * another instance of the same WAR on the same database, for the tests of several instances. The
 * server's console goes to {@code target/<name>.log}.
 */
public final class Server {

  /** A running instance: where it answers and where it logs. */
  public record Instance(String name, URL base, File log, Process process) {

    public void stop() {
      process.destroy();
      try {
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static final Duration BOOT = Duration.ofMinutes(4);
  private static Instance shared;

  private Server() {}

  /** The base URL of the one instance every black-box test shares, started on first use. */
  public static synchronized URL shared() {
    if (shared == null) {
      Instance instance = start("it-server");
      Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "stop " + instance.name()));
      shared = instance;
      // The demo relays' drawers are open, as at a relay during opening hours: the tests that take
      // cash there need it, and those that close a session use a relay of their own.
      Scenarios scenarios = new Scenarios(instance.base());
      scenarios.openCashDrawer("relais");
      scenarios.openCashDrawer("relais2");
    }
    return shared.base();
  }

  /**
   * Starts an instance of the packaged WAR on a free port with the JVM options the tests use, and
   * waits until it serves the public home page. The caller stops it.
   */
  public static Instance start(String name) {
    return start(name, java.util.Map.of());
  }

  /** The same with these environment variables set besides the build's (another database...). */
  public static Instance start(String name, java.util.Map<String, String> environment) {
    int port = freePort();
    File log = new File(target(), name + ".log");
    File workDir = new File(target(), name);
    // A fresh runtime directory each time: Payara Micro would otherwise deploy again the WAR of the
    // previous run that its domain.xml remembers, then replace it with this one mid-run.
    deleteTree(workDir);
    workDir.mkdirs();
    List<String> command = new ArrayList<>();
    command.add(new File(System.getProperty("java.home"), "bin/java").getPath());
    command.addAll(jvmOptions());
    command.addAll(
        List.of(
            "-jar",
            absolute(System.getProperty("payara.microJar", "target/payara-micro.jar")),
            "--deploy",
            absolute(System.getProperty("secondevie.war", "target/secondevie.war")),
            "--contextroot",
            "/",
            "--port",
            String.valueOf(port),
            "--nocluster",
            "--prebootcommandfile",
            new File(CONFIG, "preboot.asadmin").getAbsolutePath(),
            "--rootdir",
            new File(workDir, "root").getAbsolutePath()));
    Process process;
    try {
      ProcessBuilder builder = new ProcessBuilder(command);
      builder.environment().put("MALLOC_ARENA_MAX", "2");
      builder.environment().putAll(environment);
      process = builder.directory(workDir).redirectErrorStream(true).redirectOutput(log).start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    URL base = url("http://127.0.0.1:" + port + "/");
    Instance instance = new Instance(name, base, log, process);
    awaitReady(instance);
    return instance;
  }

  /** The shipped configuration: the tests run the server as {@code config/run.sh} does. */
  private static final File CONFIG = new File(System.getProperty("secondevie.config", "config"));

  /** The JVM options of {@code config/jvm.options}, one a line, comments left out. */
  private static List<String> jvmOptions() {
    try {
      return Files.readAllLines(new File(CONFIG, "jvm.options").toPath(), StandardCharsets.UTF_8)
          .stream()
          .map(String::trim)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void awaitReady(Instance instance) {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    Instant deadline = Instant.now().plus(BOOT);
    Instant started = Instant.now();
    while (true) {
      if (!instance.process().isAlive()) {
        throw new IllegalStateException(
            instance.name() + " died while starting:\n" + tail(instance));
      }
      if (Instant.now().isAfter(deadline)) {
        instance.stop();
        throw new IllegalStateException(
            instance.name() + " did not answer within " + BOOT + ":\n" + tail(instance));
      }
      if (failedToDeploy(instance)) {
        instance.stop();
        throw new IllegalStateException(
            instance.name()
                + " is up but the application failed to deploy (a database left by other"
                + " migrations? rm -rf target/it-db):\n"
                + tail(instance));
      }
      try {
        HttpResponse<Void> answer =
            client.send(
                HttpRequest.newBuilder(URI.create(instance.base() + "health/ready"))
                    .timeout(Duration.ofSeconds(5))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
        if (answer.statusCode() == 200) {
          System.out.printf(
              "%s ready at %s in %d ms (log: %s)%n",
              instance.name(),
              instance.base(),
              Duration.between(started, Instant.now()).toMillis(),
              instance.log());
          return;
        }
      } catch (IOException notYet) {
        // still starting
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      sleep(250);
    }
  }

  /** Payara Micro stays up, answering 503, when the application failed to deploy. */
  private static boolean failedToDeploy(Instance instance) {
    try {
      return Files.readString(instance.log().toPath(), StandardCharsets.UTF_8)
          .contains("Exception while loading the app");
    } catch (IOException notYet) {
      return false;
    }
  }

  private static String tail(Instance instance) {
    try {
      List<String> lines = Files.readAllLines(instance.log().toPath(), StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private static void deleteTree(File file) {
    File[] children = file.listFiles();
    if (children != null) {
      for (File child : children) {
        deleteTree(child);
      }
    }
    file.delete();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static File target() {
    File war = new File(absolute(System.getProperty("secondevie.war", "target/secondevie.war")));
    return war.getParentFile();
  }

  private static String absolute(String path) {
    return new File(path).getAbsolutePath();
  }

  private static URL url(String spec) {
    try {
      return URI.create(spec).toURL();
    } catch (java.net.MalformedURLException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
