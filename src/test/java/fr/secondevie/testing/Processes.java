package fr.secondevie.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What the harness does with the processes it runs besides the test JVM (Payara Micro instances,
 * HAProxy): a free port of loopback, a process started with its console in {@code
 * target/<name>.log}, the tail of that log when it fails, and a stop that waits and then kills.
 */
final class Processes {

  private Processes() {}

  /** Starts the command with these variables added to the build's, its console into the log. */
  static Process start(List<String> command, Map<String, String> environment, File dir, File log) {
    try {
      ProcessBuilder builder = new ProcessBuilder(command);
      builder.environment().putAll(environment);
      if (dir != null) {
        builder.directory(dir);
      }
      return builder.redirectErrorStream(true).redirectOutput(log).start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Asks the process to stop, waits that long, then kills it. */
  static void stop(Process process, long seconds) {
    process.destroy();
    try {
      if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The last lines of a log, for the message of a failure. */
  static String tail(File log, int lines) {
    try {
      List<String> all = Files.readAllLines(log.toPath(), StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  /** Where the build puts the WAR, and the harness its processes' logs and directories. */
  static File target() {
    return new File(System.getProperty("secondevie.war", "target/secondevie.war"))
        .getAbsoluteFile()
        .getParentFile();
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static URL url(String spec) {
    try {
      return URI.create(spec).toURL();
    } catch (java.net.MalformedURLException e) {
      throw new IllegalArgumentException(e);
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
