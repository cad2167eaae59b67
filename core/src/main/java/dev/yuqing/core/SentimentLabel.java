package dev.yuqing.core;

import com.fasterxml.jackson.annotation.JsonCreator;

/** Stance toward the developer, the property company or the authorities. */
public enum SentimentLabel implements LowerCaseNamed {
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

  @JsonCreator
  public static SentimentLabel parse(String s) {
    return LowerCaseNamed.byName(SentimentLabel.class, s);
  }
}
