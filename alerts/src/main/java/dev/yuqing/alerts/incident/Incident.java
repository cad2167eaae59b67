package dev.yuqing.alerts.incident;

import dev.yuqing.alerts.rules.Texts;
import dev.yuqing.core.Alert;
import dev.yuqing.core.AlertPost;
import dev.yuqing.core.AlertState;
import dev.yuqing.core.Grade;
import dev.yuqing.core.Ids;
import dev.yuqing.core.TrendPoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One event at one project, as the command group works it: the alerts of every rule about it (its
 * members), one grade, one state and one message thread. Immutable; the lifecycle returns a new
 * version for every change. Its id derives from the project and its first member, so that a job
 * replayed from a checkpoint rebuilds the same incident and the service drops what it has.
 *
 * @param id 16 hex digits
 * @param project the project
 * @param grade the highest of the members' grades, or higher after escalation
 * @param state firing or escalated (new), acknowledged, responding, resolved or closed
 * @param members the alerts in the order they joined, each in its latest revision
 * @param openedAt when the service received the first member (service clock)
 * @param gradeSince when the current grade was first told; escalation counts from here
 * @param messages what the thread has said so far and what it is waiting to say
 * @param handling who acknowledged and who resolved it
 * @param history what happened, oldest first
 * @param response the response plan's side: the assignment, first contact, progress report and
 *     which deadlines were escalated
 */
public record Incident(
    String id,
    String project,
    Grade grade,
    AlertState state,
    List<Member> members,
    Instant openedAt,
    Instant gradeSince,
    Messages messages,
    Handling handling,
    List<Event> history,
    Response response) {

  /** Representative posts an incident quotes. */
  static final int QUOTED_POSTS = 6;

  /** Message ids kept for a thread's References: the first and the latest ones. */
  static final int REFERENCES = 12;

  public Incident {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(grade, "grade");
    Objects.requireNonNull(state, "state");
    members = List.copyOf(members);
    if (members.isEmpty()) {
      throw new IllegalArgumentException("an incident has at least one member");
    }
    messages = messages == null ? Messages.NONE : messages;
    handling = handling == null ? Handling.NONE : handling;
    history = history == null ? List.of() : List.copyOf(history);
    response = response == null ? Response.NONE : response;
  }

  /**
   * One alert in an incident.
   *
   * @param alert its latest revision
   * @param joinedAt when it joined (service clock)
   * @param hotUntil the latest event time at which its rule still fired (a recovery does not move
   *     it): how far the incident reaches for grouping
   */
  public record Member(Alert alert, Instant joinedAt, Instant hotUntil) {
    public boolean resolved() {
      return alert.state() == AlertState.RESOLVED;
    }
  }

  /**
   * The thread.
   *
   * @param count messages issued so far
   * @param ids their message ids: the first and the latest {@value #REFERENCES}
   * @param lastAt when the last was issued (service clock), or null
   * @param dueAt when the next one is due (the end of the group wait or interval), or null when
   *     nothing waits
   * @param shown what the last message showed, null before the first: what changed is measured
   *     against it
   */
  public record Messages(int count, List<String> ids, Instant lastAt, Instant dueAt, Shown shown) {
    public static final Messages NONE = new Messages(0, List.of(), null, null, null);

    public Messages {
      ids = ids == null ? List.of() : List.copyOf(ids);
    }

    Messages due(Instant at) {
      Instant d = dueAt == null || at.isBefore(dueAt) ? at : dueAt;
      return new Messages(count, ids, lastAt, d, shown);
    }
  }

  /**
   * What a message showed.
   *
   * @param grade the incident's grade
   * @param members per member alert id
   * @param postIds the quoted posts
   */
  public record Shown(Grade grade, Map<String, Seen> members, List<String> postIds) {
    public Shown {
      members = Map.copyOf(members);
      postIds = List.copyOf(postIds);
    }
  }

  /** A member as a message showed it. */
  public record Seen(int revision, long total, boolean resolved) {}

  /**
   * Who acknowledged, resolved and closed the incident ({@code rule} resolved it: its members went
   * quiet).
   */
  public record Handling(
      String ackedBy,
      Instant ackedAt,
      String resolvedBy,
      Instant resolvedAt,
      String closedBy,
      Instant closedAt) {
    public static final Handling NONE = new Handling(null, null, null, null, null, null);

    Handling acked(String who, Instant at) {
      return new Handling(who, at, resolvedBy, resolvedAt, closedBy, closedAt);
    }

    Handling resolved(String who, Instant at) {
      return new Handling(ackedBy, ackedAt, who, at, closedBy, closedAt);
    }

    Handling closed(String who, Instant at) {
      return new Handling(ackedBy, ackedAt, resolvedBy, resolvedAt, who, at);
    }
  }

  /**
   * One line of history.
   *
   * @param at service clock
   * @param type received, joined, update, notice, escalate, ack, resolve, sent, failed
   * @param text for people
   */
  public record Event(Instant at, String type, String text) {}

  /** An incident after a message was issued, and the message (not yet addressed). */
  public record Issued(Incident incident, Notice notice) {}

  /** The deterministic id of the incident that alert {@code firstAlertId} opened. */
  public static String idOf(String project, String firstAlertId) {
    return Ids.sha256Hex("incident\n" + project + "\n" + firstAlertId).substring(0, 16);
  }

  /** A new incident of one alert, its first message due at {@code dueAt}. */
  static Incident open(Alert a, Instant now, Instant dueAt) {
    Member m = new Member(a, now, a.updatedAt());
    Messages msgs = new Messages(0, List.of(), null, dueAt, null);
    return new Incident(
        idOf(a.project(), a.id()),
        a.project(),
        a.grade(),
        AlertState.FIRING,
        List.of(m),
        now,
        now,
        msgs,
        Handling.NONE,
        List.of(new Event(now, "received", "新事件：" + a.headline())),
        Response.NONE);
  }

  /** Not resolved (nor closed): alerts still join it and its thread still speaks. */
  public boolean open() {
    return state != AlertState.RESOLVED && state != AlertState.CLOSED;
  }

  /** Closed: handled and summed up; nothing changes it any more. */
  public boolean closed() {
    return state == AlertState.CLOSED;
  }

  public Optional<Member> member(String alertId) {
    return members.stream().filter(m -> m.alert().id().equals(alertId)).findFirst();
  }

  /** Every member's rule went quiet. */
  boolean allQuiet() {
    return members.stream().allMatch(Member::resolved);
  }

  /** The member that speaks for the incident: the highest grade, the earliest of those. */
  public Member lead() {
    Member lead = members.get(0);
    for (Member m : members) {
      if (m.alert().grade().compareTo(lead.alert().grade()) > 0) {
        lead = m;
      }
    }
    return lead;
  }

  /** Event time the earliest member began. */
  public Instant firstAt() {
    return members.stream().map(m -> m.alert().firstAt()).min(Comparator.naturalOrder()).get();
  }

  /** The latest event time any member still fired. */
  public Instant hotUntil() {
    return members.stream().map(Member::hotUntil).max(Comparator.naturalOrder()).get();
  }

  /** Ids of the posts the members quote. */
  Set<String> postIds() {
    Set<String> ids = new LinkedHashSet<>();
    members.forEach(m -> m.alert().posts().forEach(p -> ids.add(p.id())));
    return ids;
  }

  /**
   * Whether {@code a} is about the same event: it quotes a post a member quotes, or its event-time
   * span comes within {@code window} of the incident's.
   */
  boolean touches(Alert a, Duration window) {
    Set<String> ids = postIds();
    if (a.posts().stream().anyMatch(p -> ids.contains(p.id()))) {
      return true;
    }
    return !a.firstAt().isAfter(hotUntil().plus(window))
        && !a.updatedAt().isBefore(firstAt().minus(window));
  }

  /** With {@code a} as a new member or a member's new revision; the grade follows the members. */
  Incident withMember(Alert a, Instant now) {
    List<Member> ms = new ArrayList<>(members);
    Optional<Member> old = member(a.id());
    String text;
    if (old.isPresent()) {
      Instant hot =
          a.state() == AlertState.RESOLVED || a.updatedAt().isBefore(old.get().hotUntil())
              ? old.get().hotUntil()
              : a.updatedAt();
      ms.set(ms.indexOf(old.get()), new Member(a, old.get().joinedAt(), hot));
      text =
          a.state() == AlertState.RESOLVED
              ? Texts.ruleKind(a.ruleType()) + "已平息"
              : Texts.ruleKind(a.ruleType()) + "第" + a.revision() + "版";
    } else {
      ms.add(new Member(a, now, a.updatedAt()));
      text = "新增" + Texts.ruleKind(a.ruleType()) + "：" + a.headline();
    }
    Grade g = a.grade().compareTo(grade) > 0 ? a.grade() : grade;
    if (!open()) {
      text += "（事件已解除，不发送）";
    } else if (g != grade) {
      text += "，级别升为" + g.level();
    }
    return new Incident(
        id,
        project,
        g,
        state,
        ms,
        openedAt,
        gradeSince,
        messages,
        handling,
        add(new Event(now, old.isPresent() ? "update" : "joined", text)),
        response);
  }

  /** This incident with its next message due at {@code at} at the latest. */
  Incident dueBy(Instant at) {
    return with(state, grade, gradeSince, messages.due(at), handling, null);
  }

  /** This incident with nothing waiting to be said. */
  Incident notDue() {
    Messages m =
        new Messages(messages.count(), messages.ids(), messages.lastAt(), null, messages.shown());
    return with(state, grade, gradeSince, m, handling, null);
  }

  Incident acknowledged(String who, Instant at) {
    Handling h = handling.acked(who, at);
    return with(
        AlertState.ACKNOWLEDGED, grade, gradeSince, messages, h, event(at, "ack", who + " 确认"));
  }

  Incident resolved(String who, Instant at) {
    Handling h = handling.resolved(who, at);
    Messages m = notDue().messages();
    String text = who.equals("rule") ? "各项规则判定已恢复，事件解除" : who + " 解除";
    return with(AlertState.RESOLVED, grade, gradeSince, m, h, event(at, "resolve", text));
  }

  Incident escalated(Grade to, Instant at, String why) {
    return with(AlertState.ESCALATED, to, at, messages, handling, event(at, "escalate", why));
  }

  /** Raised to {@code to} because deadline {@code d} passed unmet; the state stays as it was. */
  Incident overdue(Deadline d, Grade to, Instant at, String why) {
    AlertState s = state == AlertState.FIRING ? AlertState.ESCALATED : state;
    Instant since = to == grade ? gradeSince : at;
    return responded(s, to, since, handling, response.escalated(d), event(at, "escalate", why));
  }

  /**
   * Issues the thread's next message of {@code kind}: it says what changed since the last one, and
   * the incident remembers what it showed.
   */
  Issued issue(NoticeKind kind, String note, Instant now) {
    int n = messages.count() + 1;
    String messageId = id + ".r" + n + "." + kind.json() + "@yuqing";
    List<String> changes = changes();
    List<String> ids = new ArrayList<>(messages.ids());
    ids.add(messageId);
    if (ids.size() > REFERENCES) {
      ids.remove(1); // keep the thread's first
    }
    Messages m = new Messages(n, ids, now, null, shown());
    boolean sameGrade = messages.shown() != null && messages.shown().grade() == grade;
    Incident next =
        with(
            state,
            grade,
            sameGrade ? gradeSince : now,
            m,
            handling,
            event(now, "notice", kind.chinese() + "（第" + n + "封）"));
    // the message carries the incident without its history: renderers do not need it
    Incident shown =
        new Incident(
            id,
            project,
            grade,
            state,
            members,
            openedAt,
            next.gradeSince,
            m,
            handling,
            null,
            response);
    Notice notice =
        new Notice(kind, shown, changes, null, messageId, messages.ids(), null, null, note, now);
    return new Issued(next, notice);
  }

  /** What changed since the last message, one line each; empty before the first. */
  public List<String> changes() {
    Shown s = messages.shown();
    if (s == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    if (grade.compareTo(s.grade()) > 0) {
      out.add("级别升为" + grade.level() + "（" + grade.word() + "），通知范围扩大");
    }
    for (Member m : members) {
      Alert a = m.alert();
      Seen seen = s.members().get(a.id());
      String kind = Texts.ruleKind(a.ruleType());
      if (seen == null) {
        out.add("新增" + kind + "（" + a.grade().level() + "）：" + a.headline());
      } else if (m.resolved() && !seen.resolved()) {
        out.add(kind + "已平息：" + a.headline());
      } else if (a.total() != seen.total()) {
        out.add(kind + "：累计" + a.total() + "条（上次通报时" + seen.total() + "条）");
      } else if (a.revision() != seen.revision()) {
        out.add(kind + "：" + a.headline());
      }
    }
    long fresh = summary().posts().stream().filter(p -> !s.postIds().contains(p.id())).count();
    if (fresh > 0) {
      out.add("新的代表性帖子" + fresh + "条");
    }
    return out;
  }

  private Shown shown() {
    Map<String, Seen> seen = new LinkedHashMap<>();
    for (Member m : members) {
      Alert a = m.alert();
      seen.put(a.id(), new Seen(a.revision(), a.total(), m.resolved()));
    }
    return new Shown(grade, seen, summary().posts().stream().map(AlertPost::id).toList());
  }

  /**
   * The incident in the shape of one alert, for the mail, the robots and the dashboard: the lead
   * member's rule, reason and counts; every member's topics, keywords and posts (the lead's first);
   * the longest trend with a baseline (a spike's); revision: messages issued.
   */
  public Alert summary() {
    Alert l = lead().alert();
    Set<String> topics = new LinkedHashSet<>(l.topTopics());
    Set<String> keywords = new LinkedHashSet<>(l.topKeywords());
    Map<String, AlertPost> posts = new LinkedHashMap<>();
    l.posts().forEach(p -> posts.putIfAbsent(p.id(), p));
    List<TrendPoint> trend = l.trend();
    Instant updated = l.updatedAt();
    for (Member m : members) {
      Alert a = m.alert();
      topics.addAll(a.topTopics());
      keywords.addAll(a.topKeywords());
      a.posts().forEach(p -> posts.putIfAbsent(p.id(), p));
      if (baselined(a.trend()) > baselined(trend)) {
        trend = a.trend();
      }
      if (a.updatedAt() != null && (updated == null || a.updatedAt().isAfter(updated))) {
        updated = a.updatedAt();
      }
    }
    return new Alert(
        id,
        "incident|" + project,
        l.rule(),
        l.ruleType(),
        project,
        l.topic(),
        grade,
        state,
        firstAt(),
        updated,
        l.reason(),
        l.count(),
        l.baseline(),
        topics.stream().limit(5).toList(),
        keywords.stream().limit(8).toList(),
        posts.values().stream().limit(QUOTED_POSTS).toList(),
        Math.max(1, messages.count()),
        trend,
        l.total());
  }

  /** Points with a baseline, then points: what makes one trend a better chart than another. */
  private static long baselined(List<TrendPoint> t) {
    return t.stream().filter(p -> !Double.isNaN(p.baseline())).count() * 1000 + t.size();
  }

  private Event event(Instant at, String type, String text) {
    return new Event(at, type, text);
  }

  /** This incident with one more line of history. */
  public Incident noted(Event e) {
    return with(state, grade, gradeSince, messages, handling, e);
  }

  private Incident with(AlertState s, Grade g, Instant since, Messages m, Handling h, Event e) {
    return new Incident(
        id, project, g, s, members, openedAt, since, m, h, e == null ? history : add(e), response);
  }

  /** This incident in state {@code s} with {@code h}, {@code r} and one more line of history. */
  Incident responded(AlertState s, Grade g, Instant since, Handling h, Response r, Event e) {
    return new Incident(id, project, g, s, members, openedAt, since, messages, h, add(e), r);
  }

  private List<Event> add(Event e) {
    List<Event> h = new ArrayList<>(history);
    h.add(e);
    return h;
  }
}
