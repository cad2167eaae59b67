package dev.yuqing.alerts.incident;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.yuqing.core.LowerCaseNamed;

/** What a response log entry records. */
public enum ResponseAction implements LowerCaseNamed {
  /** Contacted the homeowners: meets the first-contact deadline. */
  CONTACT("联系业主"),
  /** Went to the site (现场走访, inspection with the homeowners). */
  VISIT("现场走访"),
  /** Published a statement (发布声明). */
  STATEMENT("发布声明"),
  /** Answered a journalist's or an authority's inquiry. */
  MEDIA("回复媒体"),
  /** Reported progress to the command group: meets the progress deadline. */
  PROGRESS("进展报告"),
  /** Anything else worth keeping. */
  NOTE("其他");

  private final String chinese;

  ResponseAction(String chinese) {
    this.chinese = chinese;
  }

  public String chinese() {
    return chinese;
  }

  /**
   * Accepts the name in any case or the Chinese label.
   *
   * @throws IllegalArgumentException naming the known actions
   */
  @JsonCreator
  public static ResponseAction parse(String s) {
    return LowerCaseNamed.byNameOrAlias(ResponseAction.class, "action", ResponseAction::chinese, s);
  }
}
