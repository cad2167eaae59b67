package dev.yuqing.alerts.channel;

import dev.yuqing.alerts.incident.Notice;
import dev.yuqing.alerts.mail.AlertMail;
import dev.yuqing.core.Grade;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Properties;

/**
 * Writes each notice as a standard .eml file (RFC 822, what a mail client opens) into the outbox
 * directory, {@code DIR/outbox}. Used when no SMTP server is configured. The file name derives from
 * the notice ({@code 20240610-103000-<incident id>-r2-update.eml}: the incident's second message),
 * it is written to a temporary file and moved into place, and an existing file means "already
 * delivered": exactly once, also across crashes.
 */
public final class OutboxChannel implements Channel {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  private final Path dir;
  private final AlertMail mail;
  private final ZoneId zone;
  private final Session session = Session.getInstance(new Properties());

  /** Whether this channel made (or found) its directory; made again after an error. */
  private volatile boolean dirMade;

  public OutboxChannel(Path dir, AlertMail mail, ZoneId zone) {
    this.dir = dir;
    this.mail = mail;
    this.zone = zone;
  }

  @Override
  public String id() {
    return "outbox";
  }

  @Override
  public boolean accepts(Grade grade) {
    return true;
  }

  /** The file a notice is written to. */
  public Path fileFor(Notice n) {
    String id = n.messageId().replace("@yuqing", "").replace('.', '-');
    return dir.resolve(STAMP.format(n.createdAt().atZone(zone)) + "-" + id + ".eml");
  }

  @Override
  public void deliver(Notice n) throws DeliveryException {
    Path target = fileFor(n);
    if (Files.exists(target)) {
      return;
    }
    try {
      if (!dirMade) {
        Files.createDirectories(dir); // once, not per message
        dirMade = true;
      }
      MimeMessage m = mail.compose(session, n, n.createdAt());
      Path tmp = Files.createTempFile(dir, ".writing-", ".tmp");
      boolean moved = false;
      try {
        // buffered: the mail encoders write a line, or a byte, at a time, and unbuffered each write
        // is a system call
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
          m.writeTo(out);
        }
        try {
          Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        moved = true;
      } finally {
        if (!moved) {
          Files.deleteIfExists(tmp);
        }
      }
    } catch (IOException e) {
      dirMade = false; // the directory may have been removed: make it again on the next attempt
      throw new DeliveryException("outbox " + dir + ": " + e.getMessage(), false, e);
    } catch (MessagingException e) {
      throw new DeliveryException("outbox: cannot compose mail: " + e.getMessage(), true, e);
    }
  }
}
