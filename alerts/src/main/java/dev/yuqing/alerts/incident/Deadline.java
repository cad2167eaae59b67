package dev.yuqing.alerts.incident;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.yuqing.core.LowerCaseNamed;

/** The response plan's deadlines for an incident ({@code alerts.response}). */
public enum Deadline implements LowerCaseNamed {
  /** Someone takes the incident up: counted from when its grade was told. */
  ACKNOWLEDGE("确认"),
  /** The homeowners are contacted (联系业主): counted from when the incident opened. */
  CONTACT("联系业主"),
  /** A progress report (进展报告) is logged: counted from when the incident opened. */
  PROGRESS("报告进展");

  private final String chinese;

  Deadline(String chinese) {
    this.chinese = chinese;
  }

  public String chinese() {
    return chinese;
  }

  @JsonCreator
  public static Deadline parse(String s) {
    return LowerCaseNamed.byName(Deadline.class, s);
  }
}
