package dev.yuqing.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The Chinese script a text is written in. Traditional text is kept as published. */
public enum Script {
  SIMPLIFIED,
  TRADITIONAL;

  @JsonValue
  public String json() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static Script parse(String s) {
    return valueOf(s.trim().toUpperCase(Locale.ROOT));
  }
}
