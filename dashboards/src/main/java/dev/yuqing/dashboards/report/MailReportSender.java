package dev.yuqing.dashboards.report;

import dev.yuqing.alerts.channel.SmtpChannel;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Date;
import java.util.Properties;

/**
 * Mails a report with the file attached: through the alerts module's {@link SmtpChannel} when SMTP
 * is configured, otherwise as an .eml file in the outbox directory ({@code DATA/outbox}), as alert
 * mail does.
 *
 * @param smtp the alerts' SMTP channel, or null to write to {@code outbox}
 * @param from sender address (smtp.from)
 */
public record MailReportSender(SmtpChannel smtp, String from, Path outbox, Clock clock)
    implements ReportSender {

  @Override
  public void send(ReportMail mail) throws Exception {
    Session session = smtp != null ? smtp.session() : Session.getInstance(new Properties());
    MimeMessage m = compose(session, mail);
    if (smtp != null) {
      smtp.send(m);
      return;
    }
    Files.createDirectories(outbox);
    Path target =
        outbox.resolve("report-" + mail.fileName().replaceAll("[^A-Za-z0-9._-]", "_") + ".eml");
    Path tmp = Files.createTempFile(outbox, ".writing-", ".tmp");
    try {
      // buffered: the mail encoders write a line, or a byte, at a time, and unbuffered each write
      // is a system call (see the alerts' OutboxChannel for what that cost)
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
        m.writeTo(out);
      }
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  MimeMessage compose(Session session, ReportMail mail) throws MessagingException, IOException {
    MimeMessage m = new MimeMessage(session);
    m.setFrom(new InternetAddress(from));
    for (String address : mail.to()) {
      m.addRecipient(Message.RecipientType.TO, new InternetAddress(address));
    }
    m.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
    m.setSentDate(Date.from(clock.instant()));
    MimeBodyPart body = new MimeBodyPart();
    body.setContent(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>"
            + mail.htmlBody()
            + "</body></html>",
        "text/html; charset=utf-8");
    MimeBodyPart file = new MimeBodyPart();
    file.setDataHandler(
        new DataHandler(new ByteArrayDataSource(mail.attachment(), mail.contentType())));
    file.setFileName(MimeUtility.encodeText(mail.fileName(), StandardCharsets.UTF_8.name(), "B"));
    file.setDisposition(MimeBodyPart.ATTACHMENT);
    MimeMultipart mixed = new MimeMultipart("mixed");
    mixed.addBodyPart(body);
    mixed.addBodyPart(file);
    m.setContent(mixed);
    m.saveChanges();
    return m;
  }
}
