package dev.yuqing.alerts.incident;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The response plan's deadlines for an incident ({@code alerts.response}). */
public enum Deadline {
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

  @JsonValue
  public String json() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static Deadline parse(String s) {
    return valueOf(s.trim().toUpperCase(Locale.ROOT));
  }
}
