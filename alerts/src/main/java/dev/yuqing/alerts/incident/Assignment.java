package dev.yuqing.alerts.incident;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.yuqing.core.LowerCaseNamed;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Who an incident is assigned to: a person, or one of the departments the plans name.
 *
 * @param kind person or department
 * @param name the person's name, or the department ({@link #DEPARTMENTS})
 * @param by the admin who assigned it
 * @param at when (service clock)
 */
public record Assignment(Kind kind, String name, String by, Instant at) {
  /** The departments an incident goes to: customer service, engineering, legal, marketing, PM. */
  public static final List<String> DEPARTMENTS = List.of("客服", "工程", "法务", "营销", "物业");

  public Assignment {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(at, "at");
    by = LogEntry.person("by", by);
    name = LogEntry.person(kind == Kind.DEPARTMENT ? "department" : "person", name);
    if (kind == Kind.DEPARTMENT && !DEPARTMENTS.contains(name)) {
      throw new IllegalArgumentException(
          "department: '" + name + "' is not one of " + String.join("、", DEPARTMENTS));
    }
  }

  /** 客服部 or the person's name. */
  public String label() {
    return kind == Kind.DEPARTMENT ? name + "部" : name;
  }

  /** A person or a department. */
  public enum Kind implements LowerCaseNamed {
    PERSON,
    DEPARTMENT;

    @JsonCreator
    public static Kind parse(String s) {
      return LowerCaseNamed.byName(Kind.class, s);
    }
  }
}
