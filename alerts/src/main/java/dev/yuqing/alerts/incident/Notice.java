package dev.yuqing.alerts.incident;

import dev.yuqing.core.Alert;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One message about an incident, the same for every channel; each channel renders it in its own
 * format. The lifecycle makes it unaddressed; the dispatcher adds each channel's recipients and the
 * dashboard links ({@link #addressed}).
 *
 * @param kind why it is sent
 * @param incident the incident as it stands (grade and state as the service sees them)
 * @param changes what changed since the thread's previous message, one line each, for people; empty
 *     for the first message
 * @param recipients mail addresses (ignored by robots)
 * @param messageId globally unique, deterministic id of this message (without angle brackets),
 *     {@code <incident id>.r<n>.<kind>@yuqing}: the same notice always gets the same id, so a
 *     receiver can tell a repeat
 * @param references the ids of the thread's earlier messages, oldest first (the first is the
 *     thread's); empty for the first message
 * @param dashboardLink link to the incident's page in the dashboard, or null
 * @param postsLink link to the dashboard search for the posts behind it, or null
 * @param note one line from the service about this message (why escalated, who resolved), or null
 * @param createdAt when the service made it (service clock)
 */
public record Notice(
    NoticeKind kind,
    Incident incident,
    List<String> changes,
    List<String> recipients,
    String messageId,
    List<String> references,
    String dashboardLink,
    String postsLink,
    String note,
    Instant createdAt) {
  public Notice {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(incident, "incident");
    Objects.requireNonNull(messageId, "messageId");
    changes = changes == null ? List.of() : List.copyOf(changes);
    recipients = recipients == null ? List.of() : List.copyOf(recipients);
    references = references == null ? List.of() : List.copyOf(references);
  }

  /** The incident in the shape of one alert (lead member's reason, all members' posts). */
  public Alert alert() {
    return incident.summary();
  }

  /**
   * The message this one replies to, or null for the first: the thread's first, which always went
   * out (a later message still waiting when a newer one came was folded into it and never sent).
   */
  public String inReplyTo() {
    return references.isEmpty() ? null : references.get(0);
  }

  /** 【舆情预警·二级·更新】翡翠湾：30分钟内负面帖12条… 等3项 */
  public String subject() {
    int n = incident.members().size();
    return "【舆情预警·"
        + incident.grade().level()
        + kind.subjectTag()
        + "】"
        + incident.project()
        + "："
        + incident.lead().alert().headline()
        + (n > 1 ? " 等" + n + "项" : "");
  }

  /** This notice for one channel: its recipients and the dashboard's links. */
  public Notice addressed(List<String> to, String dashboard, String posts) {
    return new Notice(
        kind, incident, changes, to, messageId, references, dashboard, posts, note, createdAt);
  }

  /** This notice saying {@code lines} changed. */
  public Notice withChanges(List<String> lines) {
    return new Notice(
        kind,
        incident,
        lines,
        recipients,
        messageId,
        references,
        dashboardLink,
        postsLink,
        note,
        createdAt);
  }
}
