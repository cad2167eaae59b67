package dev.yuqing.alerts.incident;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of an incident's response log: who did what, when, in their own words.
 *
 * @param incidentId the incident
 * @param at when it was logged (service clock)
 * @param user who logged it (a dashboard admin or the CLI's user)
 * @param action what kind of step
 * @param text what happened, free text (at most {@value #MAX_TEXT} characters)
 */
public record LogEntry(
    String incidentId, Instant at, String user, ResponseAction action, String text) {
  public static final int MAX_TEXT = 4000;

  public LogEntry {
    Objects.requireNonNull(incidentId, "incidentId");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(action, "action");
    user = person("user", user);
    text = text == null ? "" : text.strip();
    if (text.isEmpty()) {
      throw new IllegalArgumentException("text: say what was done");
    }
    if (text.length() > MAX_TEXT) {
      throw new IllegalArgumentException("text: at most " + MAX_TEXT + " characters");
    }
  }

  /** A name of a person or department: 1..64 characters, no control characters. */
  static String person(String key, String name) {
    String n = name == null ? "" : name.strip();
    if (n.isEmpty() || n.length() > 64 || n.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException(key + ": 1..64 characters without control characters");
    }
    return n;
  }
}
