package fr.secondevie.platform.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Plain-text e-mails through the SMTP server of {@code SECONDEVIE_SMTP_HOST}, {@code _PORT} and
 * {@code _FROM} (Jakarta Mail, which the server provides). Without a host nothing is sent and the
 * callers hand the content over otherwise (the coordination sees the activation link). A message
 * leaves once the transaction of the act that wrote it has committed, never for an act rolled back;
 * a server that does not answer is logged, and the act stands.
 */
@ApplicationScoped
public class Mailer {

  private static final Logger LOG = Logger.getLogger(Mailer.class.getName());

  @Inject
  @ConfigProperty(name = "secondevie.smtp.host")
  Optional<String> host;

  @Inject
  @ConfigProperty(name = "secondevie.smtp.port", defaultValue = "25")
  int port;

  @Inject
  @ConfigProperty(name = "secondevie.smtp.from", defaultValue = "ne-pas-repondre@secondevie.fr")
  String from;

  @Resource TransactionSynchronizationRegistry transactions;

  /** Whether e-mails go out at all. */
  public boolean configured() {
    return host.filter(h -> !h.isBlank()).isPresent();
  }

  /** Sends the message once the current transaction commits (at once without a transaction). */
  public void sendAfterCommit(String to, String subject, String text) {
    if (!configured()) {
      return;
    }
    if (transactions.getTransactionKey() == null) {
      send(to, subject, text);
    } else {
      AfterCommit.run(transactions, () -> send(to, subject, text));
    }
  }

  void send(String to, String subject, String text) {
    Properties properties = new Properties();
    properties.put("mail.smtp.host", host.orElseThrow());
    properties.put("mail.smtp.port", String.valueOf(port));
    properties.put("mail.smtp.connectiontimeout", "5000");
    properties.put("mail.smtp.timeout", "10000");
    properties.put("mail.smtp.writetimeout", "10000");
    try {
      MimeMessage message = new MimeMessage(Session.getInstance(properties));
      message.setFrom(new InternetAddress(from));
      message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
      message.setSubject(subject, StandardCharsets.UTF_8.name());
      message.setText(text, StandardCharsets.UTF_8.name());
      Transport.send(message);
    } catch (MessagingException | RuntimeException e) {
      LOG.log(Level.WARNING, "E-mail to " + to + " not sent: " + e.getMessage(), e);
    }
  }
}
