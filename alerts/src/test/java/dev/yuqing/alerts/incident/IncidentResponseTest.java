package dev.yuqing.alerts.incident;

import static dev.yuqing.alerts.incident.IncidentLifecycleTest.GROUPING;
import static dev.yuqing.alerts.incident.IncidentLifecycleTest.S;
import static dev.yuqing.alerts.incident.IncidentLifecycleTest.SPIKE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.yuqing.core.AlertState;
import dev.yuqing.core.Grade;
import dev.yuqing.core.config.ResponseConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The response workflow and the plan's deadlines, pure, on literal service times: new →
 * acknowledged → responding → resolved → closed; a grade-二级 incident not contacted within 12 h is
 * escalated once; each deadline once.
 */
class IncidentResponseTest {
  static final ResponseConfig PLAN =
      new ResponseConfig(Duration.ofMinutes(30), Duration.ofHours(12), Duration.ofHours(24));
  final Escalator esc = new Escalator(g -> PLAN);

  static Instant h(double hours) {
    return S.plus(Duration.ofMinutes(Math.round(hours * 60)));
  }

  /** The spike's incident (grade 二级), its first mail out, acknowledged ten minutes in. */
  static Incident acknowledged() {
    IncidentLifecycleTest.Desk d = new IncidentLifecycleTest.Desk(GROUPING);
    d.alert(SPIKE, S);
    d.time(S.plus(Duration.ofMinutes(2)));
    d.apply(IncidentLifecycle.acknowledge(d.only(), "李主任", S.plus(Duration.ofMinutes(10))));
    return d.only();
  }

  @Test
  void anIncidentMovesThroughThePlansStatesAndEveryStepNamesItsUser() {
    Incident i = acknowledged();
    assertThat(i.state()).isEqualTo(AlertState.ACKNOWLEDGED);
    Assignment to = new Assignment(Assignment.Kind.DEPARTMENT, "工程", "李主任", h(1));
    i = IncidentResponse.assign(i, to);
    assertThat(i.state()).isEqualTo(AlertState.RESPONDING);
    assertThat(i.response().assignment().label()).isEqualTo("工程部");
    i = IncidentResponse.log(i, new LogEntry(i.id(), h(2), "王工", ResponseAction.VISIT, "到12栋查看渗水"));
    assertThat(i.history())
        .extracting(Incident.Event::text)
        .contains("李主任 指派给工程部", "王工 记录现场走访：到12栋查看渗水");
    assertThat(IncidentLifecycle.acknowledge(i, "别人", h(3)).incidents())
        .as("taken up already")
        .isEmpty();
    IncidentLifecycle.Step closed = IncidentResponse.close(i, "李主任", h(30));
    Incident c = closed.incidents().get(0);
    assertThat(c.state()).isEqualTo(AlertState.CLOSED);
    assertThat(c.handling().resolvedBy()).isEqualTo("李主任");
    assertThat(c.handling().closedBy()).isEqualTo("李主任");
    assertThat(closed.notices()).extracting(Notice::kind).containsExactly(NoticeKind.RECOVERY);
    assertThatThrownBy(
            () ->
                IncidentResponse.log(
                    c, new LogEntry(c.id(), h(31), "王工", ResponseAction.NOTE, "补记")))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void loggingAStepTakesANewIncidentUpAndAResolvedOneStaysResolved() {
    IncidentLifecycleTest.Desk d = new IncidentLifecycleTest.Desk(GROUPING);
    d.alert(SPIKE, S);
    Incident i =
        IncidentResponse.log(
            d.only(), new LogEntry(d.only().id(), h(1), "李娜", ResponseAction.CONTACT, "回电业主"));
    assertThat(i.state()).isEqualTo(AlertState.RESPONDING);
    assertThat(i.handling().ackedBy()).as("the first to act took it up").isEqualTo("李娜");
    assertThat(i.response().contactedAt()).isEqualTo(h(1));
    Incident resolved = IncidentLifecycle.resolve(i, "李娜", h(2)).incidents().get(0);
    Incident after =
        IncidentResponse.log(
            resolved, new LogEntry(i.id(), h(3), "李娜", ResponseAction.PROGRESS, "善后：已赔付"));
    assertThat(after.state()).isEqualTo(AlertState.RESOLVED);
    assertThat(after.response().progressAt()).isEqualTo(h(3));
  }

  @Test
  void aGrade二级IncidentNotContactedWithin12HoursEscalatesOnce() {
    Incident i = acknowledged();
    assertThat(i.grade()).isEqualTo(Grade.ALERT);
    assertThat(esc.escalate(i, h(11.9))).as("acknowledged, within 12 h").isNull();
    IncidentLifecycle.Step up = esc.escalate(i, h(12));
    Escalations.assertOneEscalationTo一级(up, "12小时内未联系业主。");
    Incident j = up.incidents().get(0);
    assertThat(j.state())
        .as("still acknowledged: it went up, not back")
        .isEqualTo(AlertState.ACKNOWLEDGED);
    assertThat(j.response().overdue()).containsExactly(Deadline.CONTACT);
    for (double t : new double[] {12.5, 13, 20, 23.9}) {
      assertThat(esc.escalate(j, h(t))).as("once, at %s h", t).isNull();
    }
    // the next deadline is another one: the progress report, once too
    IncidentLifecycle.Step progress = esc.escalate(j, h(24));
    assertThat(progress.notices()).singleElement().extracting(Notice::note).isEqualTo("1天内未报告进展。");
    Incident k = progress.incidents().get(0);
    assertThat(k.grade()).isEqualTo(Grade.CRITICAL);
    assertThat(esc.escalate(k, h(48))).isNull();
  }

  @Test
  void aContactInTimeMeetsItsDeadlineAndNothingEscalates() {
    Incident i = acknowledged();
    i =
        IncidentResponse.log(
            i, new LogEntry(i.id(), h(11), "李娜", ResponseAction.CONTACT, "电话联系业主"));
    i =
        IncidentResponse.log(
            i, new LogEntry(i.id(), h(20), "李娜", ResponseAction.PROGRESS, "向指挥组报告"));
    assertThat(esc.escalate(i, h(100))).isNull();
    List<IncidentResponse.Status> s = IncidentResponse.deadlines(i, PLAN);
    assertThat(s)
        .extracting(IncidentResponse.Status::deadline)
        .containsExactly(Deadline.ACKNOWLEDGE, Deadline.CONTACT, Deadline.PROGRESS);
    assertThat(s).allMatch(IncidentResponse.Status::metInTime);
    assertThat(IncidentResponse.next(i, PLAN)).isNull();
  }

  @Test
  void aResolvedIncidentHasNoDeadlinesLeft() {
    Incident i = IncidentLifecycle.resolve(acknowledged(), "李主任", h(1)).incidents().get(0);
    assertThat(esc.escalate(i, h(30))).isNull();
    assertThat(IncidentResponse.next(i, PLAN)).isNull();
  }
}
