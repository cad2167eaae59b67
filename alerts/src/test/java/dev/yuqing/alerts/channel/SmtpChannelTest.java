package dev.yuqing.alerts.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.yuqing.alerts.mail.AlertMail;
import dev.yuqing.core.config.Secrets;
import dev.yuqing.core.config.SmtpConfig;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import java.util.Properties;
import org.assertj.core.api.MapAssert;
import org.junit.jupiter.api.Test;

class SmtpChannelTest {
  @Test
  void starttlsIsRequiredNotOpportunistic() {
    assertTransport(properties(null, "u"), "smtp", "587", true)
        .containsEntry("mail.smtp.starttls.enable", "true")
        .containsEntry("mail.smtp.starttls.required", "true")
        .containsEntry("mail.smtp.ssl.checkserveridentity", "true");
  }

  @Test
  void sslUsesSmtps() {
    assertTransport(properties(SmtpConfig.Security.SSL, null), "smtps", "465", false)
        .containsEntry("mail.smtps.ssl.enable", "true")
        .containsEntry("mail.smtps.ssl.checkserveridentity", "true");
  }

  @Test
  void aMissingPasswordIsReportedAtStartNamingTheVariable() {
    SmtpConfig cfg =
        new SmtpConfig("smtp.example.com", null, null, "yuqing", "MY_PW", "y@example.com");
    AlertMail mail = new AlertMail(ZoneId.of("Asia/Shanghai"), "y@example.com", null);
    assertThatThrownBy(() -> new SmtpChannel(cfg, Secrets.of(Map.of()), mail, Clock.systemUTC()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "smtp.passwordEnv: environment variable MY_PW is not set (needed for smtp.username yuqing)");
  }

  /** Jakarta Mail properties for smtp.example.com in {@code security} mode (null: the default). */
  private static Properties properties(SmtpConfig.Security security, String username) {
    return SmtpChannel.properties(
        new SmtpConfig("smtp.example.com", null, security, username, null, "y@example.com"));
  }

  /** Asserts what every mode sets (transport, port, login), for the caller to assert the rest. */
  private static MapAssert<Object, Object> assertTransport(
      Properties p, String protocol, String port, boolean auth) {
    return assertThat(p)
        .containsEntry("mail.transport.protocol", protocol)
        .containsEntry("mail." + protocol + ".port", port)
        .containsEntry("mail." + protocol + ".auth", String.valueOf(auth));
  }
}
