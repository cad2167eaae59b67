package dev.yuqing.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import dev.yuqing.core.Grade;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AlertsConfigTest {
  static final String CONFIG =
      """
      projects:
        - name: 翡翠湾
      alerts:
        rules:
          - name: negative-spike
            type: spike
            window: 30m
            minCount: 6
            ratio: 2.5
            minZ: 2
            perTopic: true
            realert: 2h
          - name: daily
            type: threshold
            window: 1d
            count: 20
          - name: critical-words
            type: keyword
            words: [跳楼, 堵路]
            exclude: [跳楼价]
          - name: mobilization
            type: mobilization
            resolveAfter: 12h
          - name: media
            type: media
            minAuthors: 2
            government: true
          - name: new-topic
            type: new-topic
            minAuthors: 4
            baseline: 14d
        recipients:
          notice: [pr@example.com]
          alert: [cmd@example.com, pr@example.com]
          critical: [all@example.com]
        escalateAfter: 20m
        resolveAfter: 90m
        timeZone: Asia/Shanghai
        dashboardUrl: https://yuqing.example.com
        robots:
          - id: wecom-cmd
            kind: wecom
            urlEnv: YUQING_WECOM_URL
          - id: ding
            kind: dingtalk
            urlEnv: YUQING_DINGTALK_URL
            secretEnv: YUQING_DINGTALK_SECRET
            minGrade: critical
        retryInitial: 5s
        retryMax: 2m
        giveUpAfter: 12h
      smtp:
        host: smtp.example.com
        security: ssl
        username: yuqing
        from: yuqing@example.com
      """;

  final ConfigLoader loader = new ConfigLoader();

  @Test
  void bindsEveryRuleTypeRobotsAndTimings() {
    AlertsConfig a = loader.parse("c.yaml", CONFIG).alerts();
    assertThat(a.rules())
        .extracting(RuleConfig::type)
        .containsExactly("spike", "threshold", "keyword", "mobilization", "media", "new-topic");
    SpikeRuleConfig spike = (SpikeRuleConfig) a.rules().get(0);
    assertThat(spike.minCount()).isEqualTo(6);
    assertThat(spike.ratio()).isEqualTo(2.5);
    assertThat(spike.minZ()).isEqualTo(2.0);
    assertThat(spike.perTopic()).isTrue();
    assertThat(spike.realert()).isEqualTo(Duration.ofHours(2));
    assertThat(spike.resolveAfter()).isNull();
    assertThat(((ThresholdRuleConfig) a.rules().get(1)).count()).isEqualTo(20);
    assertThat(((KeywordRuleConfig) a.rules().get(2)).exclude()).containsExactly("跳楼价");
    assertThat(a.rules().get(3).resolveAfter()).isEqualTo(Duration.ofHours(12));
    assertThat(a.rules().get(3).grade()).isEqualTo(Grade.ALERT);
    assertThat(((MediaRuleConfig) a.rules().get(4)).government()).isTrue();
    assertThat(((NewTopicRuleConfig) a.rules().get(5)).baseline()).isEqualTo(Duration.ofDays(14));
    assertThat(a.robots())
        .extracting(RobotConfig::kind)
        .containsExactly(RobotConfig.Kind.WECOM, RobotConfig.Kind.DINGTALK);
    assertThat(a.robots().get(1).minGrade()).isEqualTo(Grade.CRITICAL);
    assertThat(a.retryMax()).isEqualTo(Duration.ofMinutes(2));
    assertThat(a.resolveAfter()).isEqualTo(Duration.ofMinutes(90));
    assertThat(a.zone().getId()).isEqualTo("Asia/Shanghai");
  }

  @Test
  void aGradeReachesItsOwnAndTheLowerGradesRecipientsOnce() {
    AlertsConfig a = loader.parse("c.yaml", CONFIG).alerts();
    assertThat(a.recipientsFor(Grade.NOTICE)).containsExactly("pr@example.com");
    assertThat(a.recipientsFor(Grade.ALERT)).containsExactly("pr@example.com", "cmd@example.com");
    assertThat(a.recipientsFor(Grade.CRITICAL))
        .containsExactly("pr@example.com", "cmd@example.com", "all@example.com");
  }

  @Test
  void theDefaultsHaveOneRuleOfEachSignal() {
    assertThat(AlertsConfig.DEFAULT.rules())
        .extracting(RuleConfig::name)
        .containsExactly(
            "negative-spike",
            "critical-words",
            "mobilization",
            "collective-act",
            "media",
            "new-topic");
    assertThat(AlertsConfig.DEFAULT.rules().get(3).type()).isEqualTo("collective-act");
  }

  @Test
  void everyKindOfRuleHasItsYamlTypeName() {
    // type() reads @JsonSubTypes: a rule config missing there would fail only when it alerts
    List<String> names =
        Stream.of(RuleConfig.class.getAnnotation(JsonSubTypes.class).value())
            .map(JsonSubTypes.Type::name)
            .toList();
    assertThat(names).doesNotHaveDuplicates();
    for (Class<?> kind : RuleConfig.class.getPermittedSubclasses()) {
      assertThat(Stream.of(RuleConfig.class.getAnnotation(JsonSubTypes.class).value()))
          .as("%s in @JsonSubTypes", kind.getSimpleName())
          .anyMatch(t -> t.value() == kind);
    }
    assertThat(AlertsConfig.DEFAULT.rules())
        .extracting(RuleConfig::type)
        .containsExactly(
            "spike", "keyword", "mobilization", "collective-act", "media", "new-topic");
    assertThat(AlertsConfig.DEFAULT.recipientsFor(Grade.CRITICAL)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "- {name: x, type: spike, windw: 30m}|c.yaml: alerts.rules[0].windw: unknown key",
        "- {name: x, type: spikes}|c.yaml: alerts.rules[0]: unknown rule type 'spikes'",
        "- {name: x, type: threshold}|c.yaml: alerts.rules[0].count: is required",
        "- {name: x, type: spike, ratio: 0.5}|c.yaml: alerts.rules[0].ratio: must be at least 1.0",
        "- {name: x, type: keyword, words: []}|c.yaml: alerts.rules[0].words: at least one word",
        "- {name: x, type: media, media: false}|c.yaml: alerts.rules[0].media: media and government",
        "- {name: x, type: mobilization, grade: critical, timeAndPlaceGrade: alert}|"
            + "c.yaml: alerts.rules[0].timeAndPlaceGrade: must not be below grade",
        "- {name: x, type: new-topic, window: 2d, baseline: 1d}|"
            + "c.yaml: alerts.rules[0].baseline: must not be shorter than window",
        "- {name: x, type: spike, grade: urgent}|c.yaml: alerts.rules[0].grade: unknown grade 'urgent'",
      })
  void aBadRuleNamesFileAndKey(String rule, String expected) {
    String yaml = "projects:\n  - name: 翡翠湾\nalerts:\n  rules:\n    " + rule + "\n";
    assertThatThrownBy(() -> loader.parse("c.yaml", yaml))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "timeZone: Mars/Olympus|c.yaml: alerts.timeZone: unknown time zone 'Mars/Olympus'",
        "recipients: {alert: [not-an-address]}|c.yaml: alerts.recipients.alert: not a mail address",
        "robots: [{id: r, kind: slack, urlEnv: X}]|c.yaml: alerts.robots[0].kind: unknown robot kind 'slack'",
        "robots: [{id: r, kind: wecom}]|c.yaml: alerts.robots[0].urlEnv: is required",
        "robots: [{id: r, kind: wecom, urlEnv: X, secretEnv: Y}]|"
            + "c.yaml: alerts.robots[0].secretEnv: WeCom robots are not signed",
        "robots: [{id: smtp, kind: wecom, urlEnv: X}]|c.yaml: alerts.robots[0].id: duplicate or reserved",
        "retryInitial: 10m|c.yaml: alerts.retryMax: must not be shorter than retryInitial",
        "grouping: {window: 0s}|c.yaml: alerts.grouping.window: must be a positive duration",
        "grouping: {wait: soon}|c.yaml: alerts.grouping.wait: Cannot deserialize",
        "grouping: {interval: 30m, every: 5m}|c.yaml: alerts.grouping.every: unknown key",
        "rules: [{name: s, type: spike, window: 45m}]|"
            + "c.yaml: alerts.rules[0].window: PT45M is not a multiple of stream.window PT30M",
        "rules: [{name: s, type: threshold, count: 3, window: 10m}]|"
            + "c.yaml: alerts.rules[0].window: PT10M is not a multiple of stream.window PT30M",
      })
  void aBadAlertsKeyNamesFileAndKey(String line, String expected) {
    String yaml = "projects:\n  - name: 翡翠湾\nalerts:\n  " + line + "\n";
    assertThatThrownBy(() -> loader.parse("c.yaml", yaml))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(expected);
  }

  @Test
  void theExampleConfigSpellsOutTheDefaultRules() {
    AlertsConfig a = loader.load(java.nio.file.Path.of("../config/example.yaml")).alerts();
    assertThat(a.rules()).isEqualTo(AlertsConfig.defaultRules());
    assertThat(a.robots()).isEmpty();
  }

  @Test
  void theRecordsCanBeBuiltInCode() {
    AlertsConfig a =
        new AlertsConfig(
            List.of(SpikeRuleConfig.named("s")),
            Map.of(Grade.ALERT, List.of("a@b.c")),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    assertThat(a.escalateAfter()).isEqualTo(Duration.ofMinutes(30));
    assertThat(a.robots()).isEmpty();
    assertThat(a.grouping()).isEqualTo(GroupingConfig.DEFAULT);
  }

  @Test
  void groupingAndTheCollectiveActRuleBind() {
    String yaml =
        """
        projects:
          - name: 翡翠湾
        alerts:
          grouping: {window: 4h, wait: 0s, interval: 15m}
          rules:
            - {name: acts, type: collective-act, grade: critical}
        """;
    AlertsConfig a = loader.parse("c.yaml", yaml).alerts();
    assertThat(a.grouping())
        .isEqualTo(new GroupingConfig(Duration.ofHours(4), Duration.ZERO, Duration.ofMinutes(15)));
    CollectiveActRuleConfig acts = (CollectiveActRuleConfig) a.rules().get(0);
    assertThat(acts.grade()).isEqualTo(Grade.CRITICAL);
    assertThat(acts.resolveAfter()).isEqualTo(Duration.ofDays(1));
    assertThat(GroupingConfig.DEFAULT.window()).isEqualTo(Duration.ofHours(6));
    assertThat(GroupingConfig.DEFAULT.groupWait()).isEqualTo(Duration.ofMinutes(2));
    assertThat(GroupingConfig.DEFAULT.interval()).isEqualTo(Duration.ofMinutes(30));
  }
}
