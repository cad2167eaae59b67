package dev.yuqing.core.config;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.yuqing.core.Grade;

/** One alert rule, chosen by {@code type}; each type is one small pure class in alerts. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(value = SpikeRuleConfig.class, name = "spike")})
public sealed interface RuleConfig permits SpikeRuleConfig {
  /** Unique rule name, shown in alerts. */
  String name();

  /** The grade an alert of this rule starts at. */
  Grade grade();
}
