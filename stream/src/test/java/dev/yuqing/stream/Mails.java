package dev.yuqing.stream;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** Reads the .eml files the alert outbox writes. */
public final class Mails {
  private Mails() {}

  public static MimeMessage read(Path eml) throws Exception {
    try (InputStream in = Files.newInputStream(eml)) {
      return new MimeMessage(Session.getInstance(new Properties()), in);
    }
  }

  public static String subject(Path eml) throws Exception {
    return read(eml).getSubject();
  }
}
