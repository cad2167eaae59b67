package dev.yuqing.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.yuqing.core.config.SmtpConfig;
import dev.yuqing.core.json.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LowerCaseNamedTest {
  @Test
  void namesAreWrittenLowerCaseAndReadInAnyCaseWithBlanksAround() throws Exception {
    assertThat(Json.mapper().writeValueAsString(List.of(AlertState.FIRING, Grade.CRITICAL)))
        .isEqualTo("[\"firing\",\"critical\"]");
    assertThat(Json.mapper().writeValueAsString(Map.of(SentimentLabel.NEGATIVE, 3)))
        .isEqualTo("{\"negative\":3}");
    assertThat(SentimentLabel.parse(" Negative ")).isEqualTo(SentimentLabel.NEGATIVE);
    // a full-width blank (typed with a Chinese input method) is a blank too
    assertThat(AlertState.parse("\u3000firing")).isEqualTo(AlertState.FIRING);
    assertThat(Grade.parse("\u3000二级")).isEqualTo(Grade.ALERT);
  }

  @Test
  void aGradeIsAlsoReadByItsLevelAndAnUnknownOneIsNamedWithTheKnownOnes() {
    assertThat(Grade.parse("一级")).isEqualTo(Grade.CRITICAL);
    assertThat(Grade.parse("NOTICE")).isEqualTo(Grade.NOTICE);
    assertThatThrownBy(() -> Grade.parse("四级"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown grade '四级' (known: notice, alert, critical)");
    assertThatThrownBy(() -> AlertState.parse("burning"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aConfigValueIsReadInAnyCaseAndAnUnknownOneIsNamedWithTheKnownOnes() {
    assertThat(SmtpConfig.Security.parse("\u3000StartTLS "))
        .isEqualTo(SmtpConfig.Security.STARTTLS);
    assertThatThrownBy(() -> SmtpConfig.Security.parse("tls"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown security 'tls' (known: none, starttls, ssl)")
        .hasNoCause();
  }
}
