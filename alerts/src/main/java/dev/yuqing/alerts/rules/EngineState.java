package dev.yuqing.alerts.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.yuqing.core.json.Json;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything the rules remember about one project: one {@link RuleState} per rule name. Keep it in
 * Flink keyed state (keyed by project) — as this record, or as the bytes of {@link #toJson}, which
 * survive changes to the records better than Java or Kryo serialisation.
 *
 * @param rules state per rule name; a rule missing here starts fresh
 */
public record EngineState(Map<String, RuleState> rules) implements Serializable {
  public EngineState {
    rules = rules == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(rules));
  }

  public byte[] toJson() {
    try {
      return Json.mapper().writeValueAsBytes(this);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static EngineState fromJson(byte[] json) {
    return Json.read(new String(json, StandardCharsets.UTF_8), EngineState.class);
  }
}
