package fr.secondevie.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The packaged WAR on Payara Micro, started once for all the black-box integration tests of a run.
 *
 * <p>Every black-box test calls the application over HTTP as an integrator would, so one boot
 * serves them all: {@link #shared()} starts it on first use (a free port, the build's database and
 * fake Stripe given by the environment failsafe sets, the JVM options and pre-boot commands of
 * {@code config/}, as production runs) and stops it when the test JVM exits. Each test builds its
 * own data, so a test class passes alone as well as in the suite. The tests of several instances
 * share a second one the same way, {@link #second()}, on the same database: a boot of Payara Micro
 * is some 20 s of both cores, and the suite's classes of several instances used to boot one each.
 * {@link #start(String)} starts another instance of the same WAR for a test that needs one of its
 * own (another database). The server's console goes to {@code target/<name>.log}.
 */
public final class Server {

  /** A running instance: where it answers and where it logs. */
  public record Instance(String name, URL base, File log, Process process) {

    public void stop() {
      Processes.stop(process, 30);
    }
  }

  private static final Duration BOOT = Duration.ofMinutes(4);
  private static Instance shared;

  /** Guards {@link #second}: a boot under it holds up no caller of {@link #shared()}. */
  private static final Object SECOND = new Object();

  private static Instance second;
  private static final AtomicInteger SPARES = new AtomicInteger();

  private Server() {}

  /** The base URL of the one instance every black-box test shares, started on first use. */
  public static synchronized URL shared() {
    if (shared == null) {
      Instance instance = start("it-server");
      stopAtExit(instance);
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
   * The second instance the tests of several instances share, on the database of {@link #shared()},
   * started on first use and stopped when the test JVM exits; started again if a test killed it. It
   * has an instance name of its own and renews its batches' leases for 5 s, so a batch it ran and
   * left is taken over soon (JobsAcrossInstancesIT).
   */
  public static Instance second() {
    shared();
    synchronized (SECOND) {
      if (second == null || !second.process().isAlive()) {
        second = spare(SPARES.get() == 0 ? "second-instance" : "second-instance-" + SPARES.get());
        stopAtExit(second);
      }
      return second;
    }
  }

  /**
   * Starts an instance configured as {@link #second()} is (its own instance name, 5 s batch
   * leases), for a test that kills one of two: hand it to {@link #keepAsSecond} afterwards.
   */
  public static Instance spare(String name) {
    return start(
        name,
        Map.of(
            "SECONDEVIE_INSTANCE_ID",
            "second-" + ProcessHandle.current().pid() + "-" + SPARES.incrementAndGet(),
            "SECONDEVIE_BATCH_LEASE_SECONDS",
            "5"));
  }

  /**
   * A spare instance that outlived its test: if the shared second instance was killed it takes its
   * place (saving the next test a boot), otherwise it is stopped.
   */
  public static void keepAsSecond(Instance spare) {
    if (!spare.process().isAlive()) {
      return;
    }
    synchronized (SECOND) {
      if (second == null || !second.process().isAlive()) {
        second = spare;
        stopAtExit(spare);
        return;
      }
    }
    spare.stop();
  }

  private static void stopAtExit(Instance instance) {
    Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "stop " + instance.name()));
  }

  /**
   * Starts an instance of the packaged WAR on a free port with the JVM options the tests use, and
   * waits until it serves the public home page. The caller stops it.
   */
  public static Instance start(String name) {
    return start(name, Map.of());
  }

  /** The same with these environment variables set besides the build's (another database...). */
  public static Instance start(String name, Map<String, String> environment) {
    int port = Processes.freePort();
    File log = new File(Processes.target(), name + ".log");
    File workDir = new File(Processes.target(), name);
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
    Map<String, String> variables = new HashMap<>(environment);
    variables.putIfAbsent("MALLOC_ARENA_MAX", "2");
    Process process = Processes.start(command, variables, workDir, log);
    URL base = Processes.url("http://127.0.0.1:" + port + "/");
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
      Processes.sleep(250);
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
    return Processes.tail(instance.log(), 60);
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

  private static String absolute(String path) {
    return new File(path).getAbsolutePath();
  }
}
