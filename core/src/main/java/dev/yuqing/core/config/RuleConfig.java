package dev.yuqing.core.config;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.yuqing.core.Grade;
import java.io.Serializable;
import java.time.Duration;

/**
 * One alert rule, chosen by {@code type}; each type is one small pure class in the alerts module
 * ({@code dev.yuqing.alerts.rules}). Noise control ({@link #realert()}) is configuration, not code.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = SpikeRuleConfig.class, name = "spike"),
  @JsonSubTypes.Type(value = ThresholdRuleConfig.class, name = "threshold"),
  @JsonSubTypes.Type(value = KeywordRuleConfig.class, name = "keyword"),
  @JsonSubTypes.Type(value = MobilizationRuleConfig.class, name = "mobilization"),
  @JsonSubTypes.Type(value = CollectiveActRuleConfig.class, name = "collective-act"),
  @JsonSubTypes.Type(value = MediaRuleConfig.class, name = "media"),
  @JsonSubTypes.Type(value = NewTopicRuleConfig.class, name = "new-topic")
})
public sealed interface RuleConfig extends Serializable
    permits SpikeRuleConfig,
        ThresholdRuleConfig,
        KeywordRuleConfig,
        MobilizationRuleConfig,
        CollectiveActRuleConfig,
        MediaRuleConfig,
        NewTopicRuleConfig {
  /** Unique rule name, shown in alerts. */
  String name();

  /** The grade an alert of this rule starts at. */
  Grade grade();

  /**
   * While an incident of this rule is open, further matches update it at most this often (event
   * time); a rise in grade is sent at once.
   */
  Duration realert();

  /**
   * How long the signal must stay quiet before an incident of this rule resolves with a recovery
   * notice; null: {@code alerts.resolveAfter}.
   */
  Duration resolveAfter();

  /** The rule type as written in YAML ({@code spike}, {@code new-topic} …): its name above. */
  default String type() {
    for (JsonSubTypes.Type t : RuleConfig.class.getAnnotation(JsonSubTypes.class).value()) {
      if (t.value() == getClass()) {
        return t.name();
      }
    }
    throw new IllegalStateException(getClass().getName() + " is not listed in @JsonSubTypes");
  }
}
