package dev.yuqing.alerts.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yuqing.alerts.Alerts;
import dev.yuqing.core.Alert;
import dev.yuqing.core.AlertState;
import dev.yuqing.core.Grade;
import dev.yuqing.core.config.GroupingConfig;
import dev.yuqing.core.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The lifecycle alone, fed alerts and service times as literals: grouping, inhibition, the group
 * wait and interval, resolution, and a restart in the middle.
 */
class IncidentLifecycleTest {
  /** Event time the burst began: 08:00 in Shanghai. */
  static final Instant E = Instant.parse("2024-06-15T00:00:00Z");

  /** Service time the first alert arrives. */
  static final Instant S = Instant.parse("2024-06-15T00:31:00Z");

  static final GroupingConfig GROUPING =
      new GroupingConfig(Duration.ofHours(6), Duration.ofMinutes(2), Duration.ofMinutes(30));

  static Instant e(int minutes) {
    return E.plus(Duration.ofMinutes(minutes));
  }

  static Instant s(int minutes) {
    return S.plus(Duration.ofMinutes(minutes));
  }

  static final Alert SPIKE =
      Alerts.of(
          "spike-1",
          "spike",
          Grade.ALERT,
          AlertState.FIRING,
          E,
          e(30),
          1,
          12,
          "30分钟内负面帖12条，平时几乎没有；触发条件：同一窗口不少于5条",
          "p1",
          "p2");
  static final Alert TOPIC = Alerts.newTopic("topic-1", "房屋质量", 4, E, e(30), "p2", "p3");
  static final Alert CALL =
      Alerts.of(
          "call-1",
          "mobilization",
          Grade.CRITICAL,
          AlertState.FIRING,
          e(80),
          e(80),
          1,
          1,
          "业主号召集体行动（时间「周六上午九点」，地点「售楼部门口」）；有明确时间和地点的聚集号召",
          "p9");
  static final Alert MEDIA =
      Alerts.of(
          "media-1",
          "media",
          Grade.CRITICAL,
          AlertState.FIRING,
          e(150),
          e(150),
          1,
          2,
          "媒体介入：2位作者的帖子提到记者、电视台、曝光或热搜",
          "p10");

  /** The incidents as a store would keep them, and what was sent, in order. */
  static final class Desk {
    final IncidentLifecycle life;
    final Map<String, Incident> incidents = new LinkedHashMap<>();
    final List<Notice> sent = new ArrayList<>();

    Desk(GroupingConfig g) {
      life = new IncidentLifecycle(g);
    }

    /** A desk grouping by {@link #GROUPING} that {@code first} reached at {@link #S}. */
    static Desk after(Alert first) {
      Desk d = new Desk(GROUPING);
      d.alert(first, S);
      return d;
    }

    /** The alert's step; null for a replay. */
    IncidentLifecycle.Step alert(Alert a, Instant now) {
      Incident owner =
          incidents.values().stream()
              .filter(i -> i.member(a.id()).isPresent())
              .findFirst()
              .orElse(null);
      List<Incident> open = incidents.values().stream().filter(Incident::open).toList();
      IncidentLifecycle.Step step = life.onAlert(a, owner, open, now);
      apply(step);
      return step;
    }

    List<Notice> time(Instant now) {
      List<Notice> out = new ArrayList<>();
      for (Incident i : List.copyOf(incidents.values())) {
        IncidentLifecycle.Step step = life.onTime(i, now);
        apply(step);
        if (step != null) {
          out.addAll(step.notices());
        }
      }
      return out;
    }

    void apply(IncidentLifecycle.Step step) {
      if (step != null) {
        step.incidents().forEach(i -> incidents.put(i.id(), i));
        sent.addAll(step.notices());
      }
    }

    Incident only() {
      assertThat(incidents).hasSize(1);
      return incidents.values().iterator().next();
    }
  }

  @Test
  void membersJoinDuringTheGroupWaitAndTheFirstMailTellsThemAll() {
    Desk d = new Desk(GROUPING);
    assertThat(d.alert(SPIKE, S).notices()).isEmpty(); // collecting members
    assertThat(d.alert(TOPIC, s(1)).notices()).isEmpty(); // the same event: joins
    assertThat(d.time(s(1).plusSeconds(59))).isEmpty();
    List<Notice> first = d.time(s(2));
    assertThat(first).singleElement().extracting(Notice::kind).isEqualTo(NoticeKind.NEW);
    Incident i = d.only();
    assertThat(i.members()).extracting(m -> m.alert().id()).containsExactly("spike-1", "topic-1");
    assertThat(i.grade()).isEqualTo(Grade.ALERT);
    Notice n = first.get(0);
    assertThat(n.subject()).isEqualTo("【舆情预警·二级】翡翠湾：30分钟内负面帖12条，平时几乎没有 等2项");
    assertThat(n.messageId()).isEqualTo(i.id() + ".r1.new@yuqing");
    assertThat(n.references()).isEmpty();
    assertThat(n.changes()).isEmpty();
    // both members' posts are quoted, each once
    assertThat(n.alert().posts()).extracting(p -> p.id()).containsExactly("p1", "p2", "p3");
    assertThat(d.time(s(10))).isEmpty(); // nothing new: nothing more
  }

  @Test
  void theGradeRisesAtOnceWhenACallToGatherJoinsAndReachesEveryoneInTheSameThread() {
    Desk d = Desk.after(SPIKE);
    d.time(s(2));
    // five minutes after the first mail: the interval would hold an update, not a rise in grade
    List<Notice> rise = d.alert(CALL, s(7)).notices();
    assertThat(rise).singleElement().extracting(Notice::kind).isEqualTo(NoticeKind.UPDATE);
    Notice n = rise.get(0);
    Incident i = d.only();
    assertThat(i.grade()).isEqualTo(Grade.CRITICAL);
    assertThat(n.subject()).startsWith("【舆情预警·一级·更新】翡翠湾：业主号召集体行动");
    assertThat(n.changes())
        .containsExactly(
            "级别升为一级（紧急），通知范围扩大", "新增集体行动号召（一级）：业主号召集体行动（时间「周六上午九点」，地点「售楼部门口」）", "新的代表性帖子1条");
    assertThat(n.references()).containsExactly(i.id() + ".r1.new@yuqing");
    assertThat(n.inReplyTo()).isEqualTo(i.id() + ".r1.new@yuqing");
    assertThat(n.messageId()).isEqualTo(i.id() + ".r2.update@yuqing");
  }

  @Test
  void aCriticalIncidentDoesNotWaitAndARiseDuringTheWaitEndsIt() {
    Desk d = new Desk(GROUPING);
    assertThat(d.alert(CALL, S).notices()).extracting(Notice::kind).containsExactly(NoticeKind.NEW);

    Desk w = new Desk(GROUPING);
    w.alert(SPIKE, S);
    List<Notice> now = w.alert(CALL, s(1)).notices(); // within the wait
    assertThat(now).singleElement().extracting(Notice::kind).isEqualTo(NoticeKind.NEW);
    assertThat(now.get(0).incident().members()).hasSize(2);
    assertThat(now.get(0).incident().grade()).isEqualTo(Grade.CRITICAL);
  }

  @Test
  void whileACriticalIncidentIsOpenLowerGradeAlertsJoinItAndSendNothingOfTheirOwn() {
    Desk d = Desk.after(CALL); // critical: sent at once
    assertThat(d.sent).hasSize(1);
    // the spike and the new topic arrive later, the spike grows: all inhibited
    assertThat(d.alert(SPIKE, s(5)).notices()).isEmpty();
    assertThat(d.alert(TOPIC, s(6)).notices()).isEmpty();
    assertThat(d.alert(Alerts.next(SPIKE, e(90), 31, AlertState.FIRING), s(50)).notices())
        .isEmpty();
    assertThat(d.time(s(240))).isEmpty();
    // a day later in event time, far outside the grouping window: still this incident's
    Alert late = Alerts.newTopic("topic-2", "物业服务", 3, e(26 * 60), e(26 * 60), "p20");
    assertThat(d.alert(late, s(26 * 60)).notices()).isEmpty();
    assertThat(d.only().members()).hasSize(4);
    assertThat(d.sent).hasSize(1);
    // the journalist is critical too: it speaks, and carries what the inhibited ones added
    List<Notice> media = d.alert(MEDIA, s(26 * 60 + 1)).notices();
    assertThat(media).singleElement().extracting(Notice::kind).isEqualTo(NoticeKind.UPDATE);
    assertThat(media.get(0).changes())
        .contains(
            "新增负面激增（二级）：30分钟内负面帖12条，平时几乎没有",
            "新增新话题（三级）：新话题「物业服务」：3位作者集中反映",
            "新增媒体或政府介入（一级）：媒体介入：2位作者的帖子提到记者、电视台、曝光或热搜");
  }

  @Test
  void aLateAlertAboutAnEarlierTimeIsNotInhibitedIntoTheCriticalIncident() {
    Desk d = Desk.after(CALL);
    // a window rule's alert about the day before, arriving late (behind the watermark)
    Alert yesterday = Alerts.newTopic("topic-0", "交付标准", 3, e(-26 * 60), e(-25 * 60), "p30");
    d.alert(yesterday, s(3));
    assertThat(d.incidents).hasSize(2);
  }

  @Test
  void aNoticeAloneIsAnIncidentOfItsOwnAtItsGrade() {
    Desk d = Desk.after(TOPIC);
    assertThat(d.time(s(2)))
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.incident().grade()).isEqualTo(Grade.NOTICE);
              assertThat(n.subject()).startsWith("【舆情预警·三级】");
            });
  }

  @Test
  void updatesComeAtMostOncePerIntervalWithEverythingSinceTheLast() {
    Desk d = Desk.after(SPIKE);
    d.time(s(2)); // first mail
    Alert grown = Alerts.next(SPIKE, e(60), 22, AlertState.FIRING);
    assertThat(d.alert(grown, s(5)).notices()).isEmpty();
    assertThat(d.alert(Alerts.next(grown, e(90), 31, AlertState.FIRING), s(20)).notices())
        .isEmpty();
    assertThat(d.time(s(31)).isEmpty()).isTrue(); // 29 minutes after the first mail
    List<Notice> update = d.time(s(32));
    assertThat(update).singleElement().extracting(Notice::kind).isEqualTo(NoticeKind.UPDATE);
    assertThat(update.get(0).changes()).containsExactly("负面激增：累计31条（上次通报时12条）");
    // the next change waits for the interval after this update
    d.alert(TOPIC, s(40));
    assertThat(d.time(s(61))).isEmpty();
    assertThat(d.time(s(62)))
        .singleElement()
        .satisfies(n -> assertThat(n.changes()).first().asString().startsWith("新增新话题（三级）"));
  }

  @Test
  void anAlertOutsideTheWindowIsAnotherIncidentUnlessItQuotesTheSamePosts() {
    Desk d = Desk.after(SPIKE);
    Alert far =
        Alerts.of(
            "call-2",
            "mobilization",
            Grade.ALERT,
            AlertState.FIRING,
            e(8 * 60),
            e(8 * 60),
            1,
            1,
            "业主号召集体行动",
            "p40");
    d.alert(far, s(8 * 60));
    assertThat(d.incidents).hasSize(2);
    Alert samePost =
        Alerts.of(
            "media-2",
            "media",
            Grade.ALERT,
            AlertState.FIRING,
            e(9 * 60),
            e(9 * 60),
            1,
            2,
            "媒体介入",
            "p1");
    d.alert(samePost, s(9 * 60));
    assertThat(d.incidents).hasSize(2); // p1 is the spike's: it joined that incident
    assertThat(d.incidents.values().iterator().next().members()).hasSize(2);
  }

  @Test
  void theIncidentResolvesWithOneRecoveryWhenItsLastMemberIsQuiet() {
    Desk d = Desk.after(SPIKE);
    d.alert(TOPIC, s(1));
    d.time(s(2));
    assertThat(d.alert(Alerts.next(TOPIC, e(150), 4, AlertState.RESOLVED), s(120)).notices())
        .isEmpty();
    assertThat(d.only().open()).isTrue();
    List<Notice> recovery =
        d.alert(Alerts.next(SPIKE, e(160), 12, AlertState.RESOLVED), s(130)).notices();
    assertThat(recovery)
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.kind()).isEqualTo(NoticeKind.RECOVERY);
              assertThat(n.subject()).startsWith("【舆情预警·二级·已解除】");
              assertThat(n.changes())
                  .containsExactly("负面激增已平息：30分钟内负面帖12条，平时几乎没有", "新话题已平息：新话题「房屋质量」：4位作者集中反映");
            });
    Incident i = d.only();
    assertThat(i.state()).isEqualTo(AlertState.RESOLVED);
    assertThat(i.handling().resolvedBy()).isEqualTo("rule");
    // a new burst after it is another incident
    Alert again =
        Alerts.of(
            "spike-2",
            "spike",
            Grade.ALERT,
            AlertState.FIRING,
            e(200),
            e(230),
            1,
            6,
            "30分钟内负面帖6条",
            "p50");
    d.alert(again, s(200));
    assertThat(d.incidents).hasSize(2);
  }

  @Test
  void anIncidentOverBeforeItsFirstMailIsToldOnceAsARecovery() {
    Desk d = Desk.after(SPIKE);
    List<Notice> n = d.alert(Alerts.next(SPIKE, e(150), 12, AlertState.RESOLVED), s(1)).notices();
    assertThat(n)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.kind()).isEqualTo(NoticeKind.RECOVERY);
              assertThat(r.references()).isEmpty(); // the thread's first message
            });
  }

  @Test
  void aPersonsResolveSendsARecoveryAndSilencesTheMembersLaterRevisions() {
    Desk d = Desk.after(SPIKE);
    d.time(s(2));
    IncidentLifecycle.Step s = IncidentLifecycle.resolve(d.only(), "王总", s(10));
    d.apply(s);
    assertThat(s.notices())
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.kind()).isEqualTo(NoticeKind.RECOVERY);
              assertThat(n.note()).isEqualTo("已由王总手动解除。");
            });
    assertThat(d.alert(Alerts.next(SPIKE, e(60), 30, AlertState.FIRING), s(40)).notices())
        .isEmpty();
    assertThat(d.only().state()).isEqualTo(AlertState.RESOLVED);
    assertThat(d.only().history())
        .last()
        .extracting(Incident.Event::text)
        .asString()
        .contains("不发送");
    // resolved before anyone heard of it: nothing to tell
    Desk quiet = new Desk(GROUPING);
    quiet.alert(SPIKE, S);
    assertThat(IncidentLifecycle.resolve(quiet.only(), "王总", s(1)).notices()).isEmpty();
  }

  @Test
  void aReplayedAlertIsDropped() {
    Desk d = Desk.after(SPIKE);
    assertThat(d.alert(SPIKE, s(1))).isNull();
    Alert two = Alerts.next(SPIKE, e(60), 20, AlertState.FIRING);
    assertThat(d.alert(two, s(2))).isNotNull();
    assertThat(d.alert(SPIKE, s(3))).isNull(); // an older revision
  }

  @Test
  void aRestartInTheMiddleKeepsTheIncidentAndItsThreadAndSendsNothingTwice() throws Exception {
    // the same events with and without a restart (the incidents written out and read back in a
    // new lifecycle) between the first mail and the call to gather
    Desk straight = new Desk(GROUPING);
    Desk restarted = new Desk(GROUPING);
    for (Desk d : List.of(straight, restarted)) {
      d.alert(SPIKE, S);
      d.alert(TOPIC, s(1));
      d.time(s(2));
    }
    Desk after = new Desk(GROUPING);
    for (Incident i : restarted.incidents.values()) {
      String json = Json.mapper().writeValueAsString(i);
      Incident back = Json.mapper().readValue(json, Incident.class);
      assertThat(back).isEqualTo(i);
      after.incidents.put(back.id(), back);
    }
    after.sent.addAll(restarted.sent);
    for (Desk d : List.of(straight, after)) {
      assertThat(d.alert(SPIKE, s(3))).isNull(); // the job replays its last alerts
      assertThat(d.alert(TOPIC, s(3))).isNull();
      d.time(s(4));
      d.alert(CALL, s(10));
      d.time(s(60));
      d.alert(Alerts.next(CALL, e(81), 1, AlertState.RESOLVED), s(70));
      d.alert(Alerts.next(TOPIC, e(82), 4, AlertState.RESOLVED), s(71));
      d.alert(Alerts.next(SPIKE, e(83), 12, AlertState.RESOLVED), s(72));
    }
    assertThat(after.sent).extracting(Notice::messageId).doesNotHaveDuplicates();
    assertThat(after.sent)
        .extracting(Notice::kind)
        .containsExactly(NoticeKind.NEW, NoticeKind.UPDATE, NoticeKind.RECOVERY);
    assertThat(after.sent).isEqualTo(straight.sent);
    Notice recovery = after.sent.get(2);
    assertThat(recovery.references())
        .containsExactly(after.sent.get(0).messageId(), after.sent.get(1).messageId());
  }

  @Test
  void anUnacknowledgedIncidentEscalatesOnceItsGradeStoodForEscalateAfter() {
    Escalator esc = new Escalator(Duration.ofMinutes(30));
    Desk d = Desk.after(SPIKE);
    assertThat(esc.escalate(d.only(), s(40))).as("nothing sent yet").isNull();
    d.time(s(2));
    assertThat(esc.escalate(d.only(), s(31))).isNull();
    IncidentLifecycle.Step up = esc.escalate(d.only(), s(32));
    Escalations.assertOneEscalationTo一级(up, "30分钟内无人确认。");
    Incident i = up.incidents().get(0);
    assertThat(i.state()).isEqualTo(AlertState.ESCALATED);
    assertThat(esc.escalate(i, s(200))).as("critical is the top").isNull();

    Desk acked = new Desk(GROUPING);
    acked.alert(SPIKE, S);
    acked.time(s(2));
    acked.apply(IncidentLifecycle.acknowledge(acked.only(), "李主任", s(10)));
    assertThat(acked.only().handling().ackedBy()).isEqualTo("李主任");
    assertThat(esc.escalate(acked.only(), s(100))).isNull();
  }
}
