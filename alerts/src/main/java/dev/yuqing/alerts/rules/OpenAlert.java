package dev.yuqing.alerts.rules;

import dev.yuqing.core.Alert;
import dev.yuqing.core.AlertState;
import dev.yuqing.core.Grade;
import dev.yuqing.core.Ids;
import dev.yuqing.core.TrendPoint;
import dev.yuqing.core.config.RuleConfig;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An open alert of one rule and key, kept in the rule's state between windows. Everything in it
 * derives from event data, so that a Flink replay from a checkpoint rebuilds the same alert with
 * the same id and revisions, and the alert service drops what it already has.
 *
 * @param id alert id: a hash of rule, key and the event time the alert began
 * @param key rule|project[|topic]
 * @param project the project
 * @param topic topic label when the rule is keyed per topic, else null
 * @param grade current grade
 * @param firstAt event time the alert began
 * @param lastHotAt event time the signal was last above threshold
 * @param lastEmittedAt event time of the last alert emitted for it
 * @param revision revision of the last alert emitted
 * @param count count of the latest hot window (or matching posts for post rules)
 * @param baseline expected count for that window, NaN when the rule has none
 * @param total posts matched since the alert began
 * @param reason what crossed which threshold (Chinese; headline before the first '；')
 * @param topics topic counts over the alert's posts
 * @param keywords keyword counts over the alert's posts
 * @param candidates the best posts seen so far
 * @param trend chart points
 * @param postIds ids of posts already counted (post rules; bounded), so a re-sent post is not
 *     counted twice
 */
public record OpenAlert(
    String id,
    String key,
    String project,
    String topic,
    Grade grade,
    Instant firstAt,
    Instant lastHotAt,
    Instant lastEmittedAt,
    int revision,
    long count,
    double baseline,
    long total,
    String reason,
    Map<String, Long> topics,
    Map<String, Long> keywords,
    List<Candidate> candidates,
    List<TrendPoint> trend,
    List<String> postIds)
    implements Serializable {

  static final int MAX_CANDIDATES = 20;
  static final int MAX_POST_IDS = 200;
  static final int QUOTED_POSTS = 5;
  static final int TOP_TOPICS = 3;
  static final int TOP_KEYWORDS = 8;

  public OpenAlert {
    topics =
        topics == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(topics));
    keywords =
        keywords == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new TreeMap<>(keywords));
    candidates = candidates == null ? List.of() : List.copyOf(candidates);
    trend = trend == null ? List.of() : List.copyOf(trend);
    postIds = postIds == null ? List.of() : List.copyOf(postIds);
  }

  /** The suppression key of a rule, project and optional topic. */
  public static String key(RuleConfig rule, String project, String topic) {
    return rule.name() + "|" + project + (topic == null ? "" : "|" + topic);
  }

  /** The deterministic id of an alert. */
  public static String id(String key, Instant firstAt) {
    return Ids.sha256Hex(key + "\n" + firstAt).substring(0, 16);
  }

  /** This open alert as an {@link Alert} in the given rule-side state. */
  Alert toAlert(RuleConfig rule, AlertState state, Instant at) {
    return new Alert(
        id,
        key,
        rule.name(),
        rule.type(),
        project,
        topic,
        grade,
        state,
        firstAt,
        at,
        reason,
        count,
        baseline,
        top(topics, TOP_TOPICS),
        top(keywords, TOP_KEYWORDS),
        Candidate.representative(candidates, QUOTED_POSTS),
        revision,
        trend,
        total);
  }

  /**
   * One match: the signal is above threshold at {@code at}, on evidence that begins at {@code
   * since} (the start of the window, or the post's time).
   */
  record Hit(
      Instant since,
      Instant at,
      Grade grade,
      long count,
      double baseline,
      long added,
      String reason,
      Map<String, Long> topics,
      Map<String, Long> keywords,
      List<Candidate> candidates,
      List<TrendPoint> trend,
      List<String> postIds) {

    /**
     * This match with nothing counted and the chart {@code trend}: what an open window leaves in
     * the alert, as its counts are added when it closes.
     */
    Hit countedLater(List<TrendPoint> trend) {
      return new Hit(
          since,
          at,
          grade,
          count,
          baseline,
          0,
          reason,
          Map.of(),
          Map.of(),
          candidates,
          trend,
          postIds);
    }
  }

  /** The alert after a step, and the alert to emit (null when suppressed). */
  record Step(OpenAlert openAlert, Alert alert) {
    /** Adds the alert to emit (if any) to {@code out}; returns the open alert to keep. */
    OpenAlert emitTo(List<Alert> out) {
      if (alert != null) {
        out.add(alert);
      }
      return openAlert;
    }
  }

  /**
   * Opens an alert or feeds the open one. A new alert emits revision 1; an open one emits an update
   * when its grade rises or {@code realert} has passed since the last emission, otherwise it only
   * gathers (and the next emission carries everything gathered).
   */
  static Step hit(RuleConfig rule, String project, String topic, OpenAlert open, Hit h) {
    if (open == null) {
      String key = key(rule, project, topic);
      OpenAlert i =
          new OpenAlert(
              id(key, h.since()),
              key,
              project,
              topic,
              h.grade(),
              h.since(),
              h.at(),
              h.at(),
              1,
              h.count(),
              h.baseline(),
              h.added(),
              h.reason(),
              h.topics(),
              h.keywords(),
              Candidate.merge(List.of(), h.candidates(), MAX_CANDIDATES),
              h.trend(),
              cap(h.postIds()));
      return new Step(i, i.toAlert(rule, AlertState.FIRING, h.at()));
    }
    Grade grade = h.grade().compareTo(open.grade) > 0 ? h.grade() : open.grade;
    Instant lastHot = h.at().isAfter(open.lastHotAt) ? h.at() : open.lastHotAt;
    boolean emit =
        grade.compareTo(open.grade) > 0
            || !h.at().isBefore(open.lastEmittedAt.plus(rule.realert()));
    List<String> ids = new ArrayList<>(open.postIds);
    ids.addAll(h.postIds());
    OpenAlert i =
        new OpenAlert(
            open.id,
            open.key,
            project,
            topic,
            grade,
            open.firstAt,
            lastHot,
            emit ? h.at() : open.lastEmittedAt,
            emit ? open.revision + 1 : open.revision,
            h.count(),
            h.baseline(),
            open.total + h.added(),
            h.reason(),
            add(open.topics, h.topics()),
            add(open.keywords, h.keywords()),
            Candidate.merge(open.candidates, h.candidates(), MAX_CANDIDATES),
            h.trend() == null || h.trend().isEmpty() ? open.trend : h.trend(),
            cap(ids));
    return new Step(i, emit ? i.toAlert(rule, AlertState.FIRING, h.at()) : null);
  }

  /** The open alert with more posts counted but no new match (e.g. a window below threshold). */
  OpenAlert gathered(long added, List<TrendPoint> newTrend) {
    return new OpenAlert(
        id,
        key,
        project,
        topic,
        grade,
        firstAt,
        lastHotAt,
        lastEmittedAt,
        revision,
        count,
        baseline,
        total + added,
        reason,
        topics,
        keywords,
        candidates,
        newTrend == null ? trend : newTrend,
        postIds);
  }

  /** When a quiet alert resolves, if nothing matches again. */
  Instant resolvesAt(Duration resolveAfter) {
    return lastHotAt.plus(resolveAfter);
  }

  /**
   * The recovery step at event time {@code now}: when the signal has stayed quiet for {@code
   * resolveAfter}, the alert closes with a resolved alert (revision + 1) dated exactly when the
   * quiet period ended; otherwise nothing changes.
   */
  static Step quiet(RuleConfig rule, OpenAlert open, Instant now, Duration resolveAfter) {
    if (open == null || now.isBefore(open.resolvesAt(resolveAfter))) {
      return new Step(open, null);
    }
    Instant at = open.resolvesAt(resolveAfter);
    OpenAlert closed =
        new OpenAlert(
            open.id,
            open.key,
            open.project,
            open.topic,
            open.grade,
            open.firstAt,
            open.lastHotAt,
            at,
            open.revision + 1,
            open.count,
            open.baseline,
            open.total,
            open.reason,
            open.topics,
            open.keywords,
            open.candidates,
            open.trend,
            open.postIds);
    return new Step(null, closed.toAlert(rule, AlertState.RESOLVED, at));
  }

  /** Sums two count maps, keeping the 100 most frequent keys so that state stays small. */
  static Map<String, Long> add(Map<String, Long> a, Map<String, Long> b) {
    Map<String, Long> m = new TreeMap<>(a);
    if (b != null) {
      b.forEach((k, v) -> m.merge(k, v, Long::sum));
    }
    if (m.size() <= 100) {
      return m;
    }
    Map<String, Long> kept = new TreeMap<>();
    for (String k : top(m, 100)) {
      kept.put(k, m.get(k));
    }
    return kept;
  }

  /** The most frequent keys, ties in key order. */
  static List<String> top(Map<String, Long> counts, int n) {
    return counts.entrySet().stream()
        .sorted(
            Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(n)
        .map(Map.Entry::getKey)
        .toList();
  }

  private static List<String> cap(List<String> ids) {
    if (ids == null) {
      return List.of();
    }
    return ids.size() <= MAX_POST_IDS ? ids : ids.subList(ids.size() - MAX_POST_IDS, ids.size());
  }
}
