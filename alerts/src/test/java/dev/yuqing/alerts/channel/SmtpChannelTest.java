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
import org.junit.jupiter.api.Test;

class SmtpChannelTest {
  @Test
  void starttlsIsRequiredNotOpportunistic() {
    Properties p =
        SmtpChannel.properties(
            new SmtpConfig("smtp.example.com", null, null, "u", null, "y@example.com"));
    assertThat(p)
        .containsEntry("mail.transport.protocol", "smtp")
        .containsEntry("mail.smtp.port", "587")
        .containsEntry("mail.smtp.auth", "true")
        .containsEntry("mail.smtp.starttls.enable", "true")
        .containsEntry("mail.smtp.starttls.required", "true")
        .containsEntry("mail.smtp.ssl.checkserveridentity", "true");
  }

  @Test
  void sslUsesSmtps() {
    Properties p =
        SmtpChannel.properties(
            new SmtpConfig(
                "smtp.example.com", null, SmtpConfig.Security.SSL, null, null, "y@example.com"));
    assertThat(p)
        .containsEntry("mail.transport.protocol", "smtps")
        .containsEntry("mail.smtps.port", "465")
        .containsEntry("mail.smtps.ssl.enable", "true")
        .containsEntry("mail.smtps.auth", "false");
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
}
