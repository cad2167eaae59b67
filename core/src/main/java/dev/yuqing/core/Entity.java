package dev.yuqing.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * A named thing in a post that matters during handover.
 *
 * @param type what it is
 * @param text the surface form as written (simplified)
 */
public record Entity(Type type, String text) {

  /** Entity kinds. */
  public enum Type {
    PROJECT,
    DEVELOPER,
    PROPERTY_COMPANY,
    BUILDING,
    UNIT,
    ORGANIZATION,
    PERSON,
    PLACE;

    @JsonValue
    public String json() {
      return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Type parse(String s) {
      return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }
  }
}
