package dev.yuqing.core;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * A named thing in a post that matters during handover.
 *
 * @param type what it is
 * @param text the surface form as written (simplified)
 */
public record Entity(Type type, String text) {

  /** Entity kinds. */
  public enum Type implements LowerCaseNamed {
    PROJECT,
    DEVELOPER,
    PROPERTY_COMPANY,
    BUILDING,
    UNIT,
    ORGANIZATION,
    PERSON,
    PLACE;

    @JsonCreator
    public static Type parse(String s) {
      return LowerCaseNamed.byName(Type.class, s);
    }
  }
}
