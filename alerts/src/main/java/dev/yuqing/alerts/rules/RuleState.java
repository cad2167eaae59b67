package dev.yuqing.alerts.rules;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.io.Serializable;

/**
 * What one rule remembers about one project between calls: baselines, sliding counts, the open open
 * alerts. Immutable records, {@link Serializable} and Jackson-serialisable (see {@link
 * EngineState#toJson}), small and bounded: the caller keeps them (Flink keyed state) and passes
 * them back.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = CountRuleState.class, name = "count"),
  @JsonSubTypes.Type(value = PostRuleState.class, name = "post"),
  @JsonSubTypes.Type(value = NewTopicState.class, name = "new-topic")
})
public sealed interface RuleState extends Serializable
    permits CountRuleState, PostRuleState, NewTopicState {}
