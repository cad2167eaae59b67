package dev.yuqing.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where an alert is in its lifecycle: firing → acknowledged / escalated → resolved. */
public enum AlertState {
  FIRING("未处理"),
  ACKNOWLEDGED("已确认"),
  ESCALATED("已升级"),
  RESOLVED("已解除");

  private final String chinese;

  AlertState(String chinese) {
    this.chinese = chinese;
  }

  public String chinese() {
    return chinese;
  }

  @JsonValue
  public String json() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static AlertState parse(String s) {
    return valueOf(s.trim().toUpperCase(Locale.ROOT));
  }
}
