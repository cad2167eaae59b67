package dev.yuqing.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.yuqing.core.Grade;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigLoaderTest {
  private static final String MINIMAL =
      """
      projects:
        - name: 翡翠湾
          aliases: [翡翠湾花园]
          developer: [华景地产]
          propertyCompany: [华景物业]
      sources:
        - id: forum
          kind: forum
          url: http://127.0.0.1:8080/forum/board-1
          projects: [翡翠湾]
          allowPrivateNetwork: true
        - id: news
          kind: feed
          url: https://news.example.com/rss.xml
          revisit: 5m
      alerts:
        recipients:
          alert: [cmd@example.com]
          critical: [all@example.com]
        escalateAfter: 20m
      smtp:
        host: smtp.example.com
        from: yuqing@example.com
      """;

  private final ConfigLoader loader = new ConfigLoader();

  @Test
  void bindsAMinimalConfigWithDefaults() {
    YuqingConfig c = loader.parse("c.yaml", MINIMAL);
    assertThat(c.projects().get(0).allNames()).containsExactly("翡翠湾", "翡翠湾花园", "华景地产", "华景物业");
    assertThat(c.sources()).hasSize(2);
    assertThat(c.sources().get(0)).isInstanceOf(ForumSourceConfig.class);
    assertThat(c.sources().get(1).revisit()).isEqualTo(Duration.ofMinutes(5));
    assertThat(c.alerts().recipients().get(Grade.CRITICAL)).containsExactly("all@example.com");
    assertThat(c.alerts().escalateAfter()).isEqualTo(Duration.ofMinutes(20));
    assertThat(c.alerts().rules()).extracting(RuleConfig::name).contains("negative-spike");
    assertThat(c.smtp().port()).isEqualTo(587);
    assertThat(c.smtp().passwordEnv()).isEqualTo("YUQING_SMTP_PASSWORD");
    assertThat(c.index().backend()).isEqualTo(IndexConfig.Backend.LUCENE);
    assertThat(c.crawler().perHostDelay()).isEqualTo(Duration.ofSeconds(1));
  }

  /** The second source of MINIMAL with one key replaced (or added) per case. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "urll: http://x|c.yaml: sources[1].urll: unknown key (known: allowPrivateNetwork,",
        "url: htp:/x|c.yaml: sources[1].url: not an http(s) URL with a host: 'htp:/x'",
        "url: 'http://exa mple.com'|c.yaml: sources[1].url: not a valid URL: 'http://exa mple.com'",
        "revisit: soon|c.yaml: sources[1].revisit: ",
        "kind: rss|c.yaml: sources[1]: unknown kind 'rss'",
        "projects: [别的楼盘]|c.yaml: sources[1].projects: '别的楼盘' is not a project",
        "id: forum|c.yaml: sources[1].id: duplicate source id 'forum'",
      })
  void badSourceValueNamesFileAndKey(String line, String expected) {
    String key = line.substring(0, line.indexOf(':'));
    String second =
        Map.of(
                "url", "    url: https://news.example.com/rss.xml",
                "id", "  - id: news",
                "kind", "    kind: feed")
            .getOrDefault(key, "    revisit: 5m");
    String replacement = (key.equals("id") ? "  - " : "    ") + line;
    String text = MINIMAL.replace(second, replacement);
    assertThat(text).isNotEqualTo(MINIMAL);
    assertThatThrownBy(() -> loader.parse("c.yaml", text))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(expected)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void unknownTopLevelKeyListsTheKnownOnes() {
    assertThatThrownBy(() -> loader.parse("c.yaml", MINIMAL + "alerst: {}\n"))
        .hasMessageStartingWith(
            "c.yaml: alerst: unknown key (known: alerts, crawler, dashboard, database, index,");
  }

  @Test
  void theDatabaseIsPostgresqlWithItsKeysChecked() {
    YuqingConfig none = loader.parse("c.yaml", MINIMAL);
    assertThat(none.database()).as("absent: the embedded store").isNull();
    YuqingConfig pg =
        loader.parse(
            "c.yaml", MINIMAL + "database: {url: 'jdbc:postgresql://db:5432/yuqing', user: yq}\n");
    assertThat(pg.database().url()).isEqualTo("jdbc:postgresql://db:5432/yuqing");
    assertThat(pg.database().passwordEnv()).isEqualTo("YUQING_DB_PASSWORD");
    assertThatThrownBy(
            () -> loader.parse("c.yaml", MINIMAL + "database: {url: 'jdbc:mysql://db/yuqing'}\n"))
        .hasMessageStartingWith("c.yaml: database.url: only PostgreSQL is supported here");
    assertThatThrownBy(
            () ->
                loader.parse(
                    "c.yaml", MINIMAL + "database: {url: 'jdbc:postgresql://db/y', pasword: x}\n"))
        .hasMessageStartingWith(
            "c.yaml: database.pasword: unknown key (known: passwordEnv, url, user)");
  }

  @Test
  void theResponsePlanPerGradeTakesItsDefaults() {
    YuqingConfig c =
        loader.parse(
            "c.yaml",
            MINIMAL.replace("alerts:\n", "alerts:\n  response: {critical: {contact: 2h}}\n"));
    ResponseConfig critical = c.alerts().response(dev.yuqing.core.Grade.CRITICAL);
    assertThat(critical.contact()).isEqualTo(java.time.Duration.ofHours(2));
    assertThat(critical.progress()).isEqualTo(java.time.Duration.ofHours(24));
    assertThat(critical.acknowledge()).isEqualTo(c.alerts().escalateAfter());
    assertThat(c.alerts().response(dev.yuqing.core.Grade.ALERT).contact())
        .isEqualTo(java.time.Duration.ofHours(12));
    assertThatThrownBy(
            () ->
                loader.parse(
                    "c.yaml",
                    MINIMAL.replace("alerts:\n", "alerts:\n  response: {alert: {progress: 0s}}\n")))
        .hasMessageStartingWith(
            "c.yaml: alerts.response.alert.progress: must be a positive duration");
  }

  @Test
  void badRecipientAndUnknownGrade() {
    assertThatThrownBy(
            () -> loader.parse("c.yaml", MINIMAL.replace("cmd@example.com", "not-an-address")))
        .hasMessage("c.yaml: alerts.recipients.alert: not a mail address: 'not-an-address'");
    assertThatThrownBy(
            () -> loader.parse("c.yaml", MINIMAL.replace("    critical:", "    urgent:")))
        .hasMessageContaining("alerts.recipients")
        .hasMessageContaining("urgent");
  }

  @Test
  void noProjectsAndEmptyFileAndBrokenYaml() {
    assertThatThrownBy(() -> loader.parse("c.yaml", "sources: []\n"))
        .hasMessage("c.yaml: projects: at least one project is required");
    assertThatThrownBy(() -> loader.parse("c.yaml", "  \n"))
        .hasMessage("c.yaml: the file is empty");
    assertThatThrownBy(() -> loader.parse("c.yaml", "projects: [\n  - name: x\n"))
        .hasMessageStartingWith("c.yaml: not valid YAML at line");
  }

  @Test
  void secretsComeFromTheEnvironmentByName() {
    Secrets s = Secrets.of(Map.of("YUQING_SMTP_PASSWORD", "s3cret", "EMPTY", " "));
    assertThat(s.get("YUQING_SMTP_PASSWORD")).contains("s3cret");
    assertThat(s.get("EMPTY")).isEmpty();
    assertThat(s.get(null)).isEmpty();
    assertThatThrownBy(() -> loader.parse("c.yaml", MINIMAL + "  passwordEnv: my password\n"))
        .hasMessageStartingWith("c.yaml: smtp.passwordEnv: must name an environment variable");
  }
}
