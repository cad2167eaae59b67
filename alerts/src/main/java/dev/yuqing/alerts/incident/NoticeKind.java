package dev.yuqing.alerts.incident;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.yuqing.core.LowerCaseNamed;

/** Why a message about an incident is sent. */
public enum NoticeKind implements LowerCaseNamed {
  /** The first message about the incident. */
  NEW("", "新预警"),
  /** The incident goes on and something changed: a member, the grade, the counts, the posts. */
  UPDATE("·更新", "更新"),
  /** Not acknowledged in time: raised to the next grade and its recipients. */
  ESCALATION("·升级", "升级"),
  /** Every member went quiet, or someone resolved it. */
  RECOVERY("·已解除", "解除");

  private final String subjectTag;
  private final String chinese;

  NoticeKind(String subjectTag, String chinese) {
    this.subjectTag = subjectTag;
    this.chinese = chinese;
  }

  /** What follows the grade in the subject bracket: 【舆情预警·二级·更新】. */
  public String subjectTag() {
    return subjectTag;
  }

  public String chinese() {
    return chinese;
  }

  @JsonCreator
  public static NoticeKind parse(String s) {
    return LowerCaseNamed.byName(NoticeKind.class, s);
  }
}
