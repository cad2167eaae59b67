package dev.yuqing.alerts.channel;

import dev.yuqing.alerts.incident.Notice;
import dev.yuqing.alerts.mail.AlertMail;
import dev.yuqing.core.Grade;
import dev.yuqing.core.config.Secrets;
import dev.yuqing.core.config.SmtpConfig;
import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.util.Properties;

/**
 * Sends notices over SMTP (Jakarta Mail / Angus Mail): STARTTLS (required, not opportunistic) or
 * SSL as configured, login with the password from the environment variable the config names.
 *
 * <p>Exactly-once note: SMTP has no idempotent submit. If the process dies after the server
 * accepted a message but before the service recorded it, the message is sent again on restart, with
 * the same Message-ID, which mail clients and servers use to drop the repeat.
 */
public final class SmtpChannel implements Channel {
  private final SmtpConfig cfg;
  private final String password;
  private final AlertMail mail;
  private final Clock clock;
  private final Session session;

  /**
   * @throws IllegalArgumentException when a username is configured but its password variable is not
   *     set: a misconfiguration to report at start, not at the first alert
   */
  public SmtpChannel(SmtpConfig cfg, Secrets secrets, AlertMail mail, Clock clock) {
    this.cfg = cfg;
    this.mail = mail;
    this.clock = clock;
    this.password =
        cfg.username() == null
            ? null
            : secrets
                .get(cfg.passwordEnv())
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            "smtp.passwordEnv: environment variable "
                                + cfg.passwordEnv()
                                + " is not set (needed for smtp.username "
                                + cfg.username()
                                + ")"));
    this.session = Session.getInstance(properties(cfg));
  }

  /** Jakarta Mail properties for the config (visible for tests). */
  static Properties properties(SmtpConfig cfg) {
    Properties p = new Properties();
    String proto = cfg.security() == SmtpConfig.Security.SSL ? "smtps" : "smtp";
    p.put("mail.transport.protocol", proto);
    p.put("mail." + proto + ".host", cfg.host());
    p.put("mail." + proto + ".port", String.valueOf(cfg.port()));
    p.put("mail." + proto + ".auth", String.valueOf(cfg.username() != null));
    p.put("mail." + proto + ".connectiontimeout", "10000");
    p.put("mail." + proto + ".timeout", "20000");
    p.put("mail." + proto + ".writetimeout", "20000");
    p.put("mail." + proto + ".from", cfg.from());
    switch (cfg.security()) {
      case STARTTLS -> {
        p.put("mail.smtp.starttls.enable", "true");
        p.put("mail.smtp.starttls.required", "true");
        p.put("mail.smtp.ssl.checkserveridentity", "true");
      }
      case SSL -> {
        p.put("mail.smtps.ssl.enable", "true");
        p.put("mail.smtps.ssl.checkserveridentity", "true");
      }
      case NONE -> {
        // plain SMTP: a relay on localhost or a test server
      }
    }
    return p;
  }

  @Override
  public String id() {
    return "smtp";
  }

  @Override
  public boolean accepts(Grade grade) {
    return true;
  }

  @Override
  public void deliver(Notice n) throws DeliveryException {
    if (n.recipients().isEmpty()) {
      throw new DeliveryException(
          "smtp: no recipients for grade " + n.incident().grade().json() + " (alerts.recipients)",
          true,
          null);
    }
    MimeMessage m;
    try {
      m = mail.compose(session, n, clock.instant());
    } catch (MessagingException e) {
      throw new DeliveryException("smtp " + where() + ": " + e.getMessage(), false, e);
    }
    send(m);
  }

  /** The mail session to compose messages in for {@link #send}. */
  public Session session() {
    return session;
  }

  /**
   * Sends a composed message through this channel's server, security and login, with the failure
   * handling of notices. Reports (dashboards module) send their mail here, so yuqing keeps one SMTP
   * client.
   */
  public void send(MimeMessage m) throws DeliveryException {
    try {
      Transport t = session.getTransport();
      try {
        t.connect(cfg.host(), cfg.port(), cfg.username(), password);
        t.sendMessage(m, m.getAllRecipients());
      } finally {
        t.close();
      }
    } catch (SendFailedException e) {
      Address[] valid = e.getValidUnsentAddresses();
      boolean noneValid = (valid == null || valid.length == 0) && e.getInvalidAddresses() != null;
      throw new DeliveryException("smtp " + where() + ": " + e.getMessage(), noneValid, e);
    } catch (AuthenticationFailedException e) {
      // retried: a password may be fixed in the environment without losing the alert
      throw new DeliveryException(
          "smtp " + where() + ": login failed: " + e.getMessage(), false, e);
    } catch (MessagingException e) {
      throw new DeliveryException("smtp " + where() + ": " + e.getMessage(), false, e);
    }
  }

  private String where() {
    return cfg.host() + ":" + cfg.port();
  }
}
