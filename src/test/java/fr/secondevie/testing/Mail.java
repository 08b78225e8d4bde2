package fr.secondevie.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real SMTP server in the test JVM (GreenMail) on the port the build reserved ({@code
 * it.smtp.port}), which the server under test is told of ({@code SECONDEVIE_SMTP_HOST}, {@code
 * _PORT}): the tests wait for the message sent to an address and follow the link it carries.
 * Started on first use, stopped when the JVM exits.
 */
public final class Mail {

  /** A message as the person reads it. */
  public record Received(String to, String subject, String text) {

    /** The activation link of the message. */
    public String link() {
      Matcher m =
          Pattern.compile("https?://\\S+activation\\.xhtml\\?token=[A-Za-z0-9_-]+").matcher(text);
      if (!m.find()) {
        throw new AssertionError("No activation link in: " + text);
      }
      return m.group();
    }
  }

  private static GreenMail server;

  private Mail() {}

  private static synchronized GreenMail server() {
    if (server == null) {
      String port = System.getProperty("it.smtp.port");
      if (port == null || port.isBlank() || port.startsWith("$")) {
        throw new IllegalStateException("No it.smtp.port: run through mvn verify");
      }
      GreenMail started =
          new GreenMail(new ServerSetup(Integer.parseInt(port), "127.0.0.1", "smtp"));
      started.start();
      Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "stop GreenMail"));
      server = started;
    }
    return server;
  }

  /** Makes sure the SMTP server listens before the act that sends a message. */
  public static void listen() {
    server();
  }

  /** The first message to the address, waiting up to 30 s for it. */
  public static Received awaitTo(String address) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(deadline)) {
      Optional<Received> found = find(address);
      if (found.isPresent()) {
        return found.get();
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("No e-mail to " + address + " within 30 s");
  }

  /** How many messages went to the address. */
  public static long countTo(String address) {
    return Arrays.stream(server().getReceivedMessages()).filter(m -> isTo(m, address)).count();
  }

  private static Optional<Received> find(String address) {
    return Arrays.stream(server().getReceivedMessages())
        .filter(m -> isTo(m, address))
        .findFirst()
        .map(
            m -> {
              try {
                // the decoded text (quoted-printable would cut the link with soft line breaks)
                return new Received(address, m.getSubject(), m.getContent().toString());
              } catch (MessagingException | java.io.IOException e) {
                throw new IllegalStateException(e);
              }
            });
  }

  private static boolean isTo(MimeMessage message, String address) {
    try {
      return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
          .anyMatch(a -> a.toString().equalsIgnoreCase(address));
    } catch (MessagingException e) {
      return false;
    }
  }
}
