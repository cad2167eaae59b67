package dev.yuqing.alerts.rules;

import dev.yuqing.core.TaggedPost;
import dev.yuqing.core.Topic;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What one project's posts looked like in one event-time window: the input of the window rules
 * (spike, threshold, new-topic). Immutable and bounded in size whatever the traffic, so that it can
 * be a Flink aggregate accumulator: build it with {@link #empty} and {@link #plus}, combine partial
 * ones with {@link #merge}, or all at once with {@link #of}.
 *
 * <p>Only negative posts contribute to the per-topic authors, the keywords and the candidates;
 * every post counts in {@link #total}.
 *
 * @param project the watched project (the Flink key)
 * @param start window start, inclusive (event time)
 * @param end window end, exclusive
 * @param total posts in the window
 * @param negative negative posts in the window
 * @param topicTotal posts per topic label
 * @param topicNegative negative posts per topic label
 * @param topicAuthors distinct authors of negative posts per topic label (at most {@link
 *     #MAX_AUTHORS} each; posts without author count as distinct authors, named by post id)
 * @param keywords keyword counts over negative posts (at most {@link #MAX_KEYWORDS})
 * @param candidates the most representative negative posts (at most {@link #MAX_CANDIDATES})
 */
public record WindowSummary(
    String project,
    Instant start,
    Instant end,
    long total,
    long negative,
    Map<String, Long> topicTotal,
    Map<String, Long> topicNegative,
    Map<String, List<String>> topicAuthors,
    Map<String, Long> keywords,
    List<Candidate> candidates)
    implements Serializable {

  public static final int MAX_AUTHORS = 50;
  public static final int MAX_KEYWORDS = 100;
  public static final int MAX_CANDIDATES = 20;

  public WindowSummary {
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException("window end " + end + " is not after start " + start);
    }
    topicTotal = sorted(topicTotal);
    topicNegative = sorted(topicNegative);
    Map<String, List<String>> authors = new TreeMap<>();
    if (topicAuthors != null) {
      topicAuthors.forEach((k, v) -> authors.put(k, List.copyOf(v)));
    }
    topicAuthors = java.util.Collections.unmodifiableMap(authors);
    keywords = sorted(keywords);
    candidates = candidates == null ? List.of() : List.copyOf(candidates);
  }

  public static WindowSummary empty(String project, Instant start, Instant end) {
    return new WindowSummary(project, start, end, 0, 0, null, null, null, null, null);
  }

  /** A summary of the given posts (all of which should fall in the window). */
  public static WindowSummary of(
      String project, Instant start, Instant end, Iterable<TaggedPost> posts) {
    WindowSummary s = empty(project, start, end);
    for (TaggedPost p : posts) {
      s = s.plus(p);
    }
    return s;
  }

  /** This summary with one more post. */
  public WindowSummary plus(TaggedPost p) {
    Map<String, Long> tt = new TreeMap<>(topicTotal);
    Map<String, Long> tn = new TreeMap<>(topicNegative);
    Map<String, List<String>> ta = new TreeMap<>(topicAuthors);
    Map<String, Long> kw = new TreeMap<>(keywords);
    List<Candidate> cs = candidates;
    boolean neg = p.negative();
    for (Topic t : p.topics()) {
      tt.merge(t.label(), 1L, Long::sum);
      if (neg) {
        tn.merge(t.label(), 1L, Long::sum);
        String author = p.post().author() == null ? "#" + p.id() : p.post().author();
        ta.put(t.label(), addAuthor(ta.getOrDefault(t.label(), List.of()), author));
      }
    }
    if (neg) {
      for (String k : new LinkedHashSet<>(p.keywords())) {
        kw.merge(k, 1L, Long::sum);
      }
      cs = Candidate.merge(cs, List.of(Candidate.of(p)), MAX_CANDIDATES);
    }
    return new WindowSummary(
        project, start, end, total + 1, negative + (neg ? 1 : 0), tt, tn, ta, trim(kw), cs);
  }

  /** Two partial summaries of the same window combined. */
  public WindowSummary merge(WindowSummary o) {
    if (!project.equals(o.project) || !start.equals(o.start) || !end.equals(o.end)) {
      throw new IllegalArgumentException(
          "cannot merge summaries of different windows or projects: "
              + this.key()
              + " / "
              + o.key());
    }
    Map<String, Long> tt = new TreeMap<>(topicTotal);
    o.topicTotal.forEach((k, v) -> tt.merge(k, v, Long::sum));
    Map<String, Long> tn = new TreeMap<>(topicNegative);
    o.topicNegative.forEach((k, v) -> tn.merge(k, v, Long::sum));
    Map<String, List<String>> ta = new TreeMap<>(topicAuthors);
    o.topicAuthors.forEach(
        (k, v) -> {
          List<String> a = ta.getOrDefault(k, List.of());
          for (String author : v) {
            a = addAuthor(a, author);
          }
          ta.put(k, a);
        });
    Map<String, Long> kw = new TreeMap<>(keywords);
    o.keywords.forEach((k, v) -> kw.merge(k, v, Long::sum));
    return new WindowSummary(
        project,
        start,
        end,
        total + o.total,
        negative + o.negative,
        tt,
        tn,
        ta,
        trim(kw),
        Candidate.merge(candidates, o.candidates, MAX_CANDIDATES));
  }

  /** Negative posts on a topic, or all negative posts when {@code topic} is null. */
  public long negative(String topic) {
    return topic == null ? negative : topicNegative.getOrDefault(topic, 0L);
  }

  /** Posts on a topic, or all posts when {@code topic} is null. */
  public long total(String topic) {
    return topic == null ? total : topicTotal.getOrDefault(topic, 0L);
  }

  /** Candidates on a topic, or all when {@code topic} is null. */
  public List<Candidate> candidates(String topic) {
    return topic == null
        ? candidates
        : candidates.stream().filter(c -> c.topics().contains(topic)).toList();
  }

  private String key() {
    return project + "@" + start + ".." + end;
  }

  private static List<String> addAuthor(List<String> authors, String author) {
    if (authors.contains(author) || authors.size() >= MAX_AUTHORS) {
      return authors;
    }
    List<String> a = new ArrayList<>(authors);
    a.add(author);
    return a;
  }

  private static Map<String, Long> sorted(Map<String, Long> m) {
    return m == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(m));
  }

  /** Keeps the most frequent keywords so that the summary stays small on busy windows. */
  private static Map<String, Long> trim(Map<String, Long> kw) {
    if (kw.size() <= MAX_KEYWORDS) {
      return kw;
    }
    List<Map.Entry<String, Long>> es = new ArrayList<>(kw.entrySet());
    es.sort(
        Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
            .thenComparing(Map.Entry.comparingByKey()));
    Map<String, Long> kept = new LinkedHashMap<>();
    for (Map.Entry<String, Long> e : es.subList(0, MAX_KEYWORDS)) {
      kept.put(e.getKey(), e.getValue());
    }
    return kept;
  }
}
