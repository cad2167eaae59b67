package dev.yuqing.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Stance toward the developer, the property company or the authorities. */
public enum SentimentLabel {
  NEGATIVE("负面"),
  NEUTRAL("中性"),
  POSITIVE("正面");

  private final String chinese;

  SentimentLabel(String chinese) {
    this.chinese = chinese;
  }

  /** The label shown to users. */
  public String chinese() {
    return chinese;
  }

  @JsonValue
  public String json() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static SentimentLabel parse(String s) {
    return valueOf(s.trim().toUpperCase(Locale.ROOT));
  }
}
