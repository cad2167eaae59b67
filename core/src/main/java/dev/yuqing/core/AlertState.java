package dev.yuqing.core;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * Where an alert or an incident is. A rule's alert is firing or resolved. An incident follows the
 * response plan: new (firing, or escalated while nobody took it) → acknowledged → responding
 * (assigned, or a response logged) → resolved → closed (handled and summed up; nothing changes it
 * any more).
 */
public enum AlertState implements LowerCaseNamed {
  FIRING("未处理"),
  ACKNOWLEDGED("已确认"),
  RESPONDING("处置中"),
  ESCALATED("已升级"),
  RESOLVED("已解除"),
  CLOSED("已关闭");

  private final String chinese;

  AlertState(String chinese) {
    this.chinese = chinese;
  }

  public String chinese() {
    return chinese;
  }

  @JsonCreator
  public static AlertState parse(String s) {
    return LowerCaseNamed.byName(AlertState.class, s);
  }
}
