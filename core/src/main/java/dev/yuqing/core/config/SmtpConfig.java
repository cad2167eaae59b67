package dev.yuqing.core.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.yuqing.core.LowerCaseNamed;

/**
 * SMTP server for alert and report mail. Without it, mail is written to the outbox directory.
 *
 * @param host server host
 * @param port server port (default 587 for starttls, 465 for ssl, 25 otherwise)
 * @param security none, starttls (default) or ssl
 * @param username login user, or null for no authentication
 * @param passwordEnv environment variable holding the password (default YUQING_SMTP_PASSWORD)
 * @param from sender address
 */
public record SmtpConfig(
    String host,
    Integer port,
    Security security,
    String username,
    String passwordEnv,
    String from) {
  public SmtpConfig {
    host = Check.required("host", host);
    from = Check.required("from", from);
    security = security == null ? Security.STARTTLS : security;
    port =
        port != null
            ? port
            : switch (security) {
              case STARTTLS -> 587;
              case SSL -> 465;
              case NONE -> 25;
            };
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port: must be 1..65535, got " + port);
    }
    passwordEnv =
        Check.envName("passwordEnv", passwordEnv == null ? "YUQING_SMTP_PASSWORD" : passwordEnv);
  }

  /** Transport security. */
  public enum Security implements LowerCaseNamed {
    NONE,
    STARTTLS,
    SSL;

    @JsonCreator
    public static Security parse(String s) {
      return LowerCaseNamed.byName(Security.class, "security", s);
    }
  }
}
