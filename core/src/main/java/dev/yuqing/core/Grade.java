package dev.yuqing.core;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * Severity grades of the plans' graded response (分级负责), lowest first. Each grade is routed to its
 * own recipients; escalation moves an alert to the next grade.
 */
public enum Grade implements LowerCaseNamed {
  /** A rising negative trend: PR on duty. */
  NOTICE("三级", "关注"),
  /** A spike or a mobilisation call: the emergency command group. */
  ALERT("二级", "预警"),
  /** Media involvement or a gathering with time and place: everyone, at once. */
  CRITICAL("一级", "紧急");

  private final String level;
  private final String word;

  Grade(String level, String word) {
    this.level = level;
    this.word = word;
  }

  /** 三级 / 二级 / 一级, as in subjects: 【舆情预警·二级】. */
  public String level() {
    return level;
  }

  /** 关注 / 预警 / 紧急. */
  public String word() {
    return word;
  }

  /** The next grade up, or this one when already critical. */
  public Grade next() {
    return this == CRITICAL ? CRITICAL : values()[ordinal() + 1];
  }

  /** Accepts the name in any case or the level (二级). */
  @JsonCreator
  public static Grade parse(String s) {
    return LowerCaseNamed.byNameOrAlias(Grade.class, "grade", Grade::level, s);
  }
}
