package dev.yuqing.alerts.channel;

import dev.yuqing.core.Alert;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One message to deliver about an alert, the same for every channel; each channel renders it in its
 * own format.
 *
 * @param kind why it is sent
 * @param alert the alert as it stands (grade and state as the service sees them)
 * @param recipients mail addresses (ignored by robots)
 * @param messageId globally unique, deterministic id of this message (without angle brackets), e.g.
 *     {@code 9f2c…r2.update@yuqing}: the same notice always gets the same id, so a receiver can
 *     tell a repeat
 * @param threadId message id of the first message about the alert, for mail threading
 * @param dashboardLink link to the alert's page in the dashboard
 * @param postsLink link to the dashboard search for the posts behind the alert, or null
 * @param note one line from the service about this message (why escalated, who resolved), or null
 * @param createdAt when the service queued it (service clock)
 */
public record Notice(
    NoticeKind kind,
    Alert alert,
    List<String> recipients,
    String messageId,
    String threadId,
    String dashboardLink,
    String postsLink,
    String note,
    Instant createdAt) {
  public Notice {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(alert, "alert");
    Objects.requireNonNull(messageId, "messageId");
    recipients = recipients == null ? List.of() : List.copyOf(recipients);
  }

  /** 【舆情预警·二级·更新】翡翠湾：30分钟内负面帖12条… */
  public String subject() {
    return "【舆情预警·"
        + alert.grade().level()
        + kind.subjectTag()
        + "】"
        + alert.project()
        + "："
        + alert.headline();
  }

  /** The message id of the first message about an alert. */
  public static String threadIdOf(String alertId) {
    return alertId + ".r1.new@yuqing";
  }
}
