package dev.yuqing.alerts.incident;

import static org.assertj.core.api.Assertions.assertThat;

/** The escalation notice both the acknowledge and the response deadlines end in. */
final class Escalations {
  private Escalations() {}

  /** {@code up} sends exactly one escalation notice, raised to 一级, explained by {@code note}. */
  static void assertOneEscalationTo一级(IncidentLifecycle.Step up, String note) {
    assertThat(up.notices())
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.kind()).isEqualTo(NoticeKind.ESCALATION);
              assertThat(n.subject()).startsWith("【舆情预警·一级·升级】");
              assertThat(n.note()).isEqualTo(note);
            });
  }
}
