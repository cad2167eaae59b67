package dev.yuqing.core;

import com.fasterxml.jackson.annotation.JsonCreator;

/** The Chinese script a text is written in. Traditional text is kept as published. */
public enum Script implements LowerCaseNamed {
  SIMPLIFIED,
  TRADITIONAL;

  @JsonCreator
  public static Script parse(String s) {
    return LowerCaseNamed.byName(Script.class, s);
  }
}
