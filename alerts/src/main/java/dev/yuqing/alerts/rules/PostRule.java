package dev.yuqing.alerts.rules;

import dev.yuqing.alerts.rules.PostRuleState.Sighting;
import dev.yuqing.core.Alert;
import dev.yuqing.core.Grade;
import dev.yuqing.core.TaggedPost;
import dev.yuqing.core.Topic;
import dev.yuqing.core.TrendPoint;
import dev.yuqing.core.config.DistinctAuthorsConfig;
import dev.yuqing.core.config.RuleConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The bookkeeping shared by rules that judge single posts: the sightings within a window (for "from
 * N distinct authors"), one alert per project that further matches update, recovery after {@code
 * alerts.resolveAfter} without a match. Subclasses only say whether a post matches.
 */
abstract sealed class PostRule<C extends RuleConfig> extends ConfiguredRule<C, PostRuleState>
    permits KeywordRule, MobilizationRule, CollectiveActRule, MediaRule {
  PostRule(C cfg, RuleContext ctx) {
    super(cfg, ctx);
  }

  /** What a matching post says. */
  record Match(Grade grade, String reason) {}

  /** The match, or null when the post does not match. */
  abstract Match match(TaggedPost post);

  /** Distinct authors needed within {@link #window()}: one, unless the config asks for more. */
  private int minAuthors() {
    return cfg instanceof DistinctAuthorsConfig d ? d.minAuthors() : 1;
  }

  /** How far back sightings count toward {@link #minAuthors()}. */
  private Duration window() {
    return cfg instanceof DistinctAuthorsConfig d ? d.window() : ctx.streamWindow();
  }

  /** The reason once several authors were needed, given how many there were. */
  String reasonFor(Match m, int authors) {
    return m.reason();
  }

  @Override
  public PostRuleState initialState() {
    return PostRuleState.empty();
  }

  @Override
  public RuleOutcome<PostRuleState> onWindow(PostRuleState state, WindowSummary window) {
    return onTime(state, window.project(), window.end());
  }

  @Override
  public RuleOutcome<PostRuleState> onPost(PostRuleState state, String project, TaggedPost post) {
    Instant at = post.post().eventTime();
    if (at == null) {
      return evaluation(state, List.of());
    }
    Instant now = state.now() == null || at.isAfter(state.now()) ? at : state.now();
    List<Alert> out = new ArrayList<>();
    OpenAlert openAlert = quiet(state.openAlert(), now, out);
    Match m = match(post);
    List<Sighting> sightings = prune(state.sightings(), now);
    if (m == null || openAlert != null && openAlert.postIds().contains(post.id())) {
      return evaluation(new PostRuleState(openAlert, sightings, now), out);
    }
    String author = post.post().author() == null ? "#" + post.id() : post.post().author();
    if (openAlert == null && sightings.stream().noneMatch(s -> s.postId().equals(post.id()))) {
      sightings = new ArrayList<>(sightings);
      sightings.add(new Sighting(at, author, post.id(), Candidate.of(post)));
    }
    Set<String> authors = new HashSet<>();
    sightings.forEach(s -> authors.add(s.author()));
    if (openAlert == null && authors.size() < minAuthors()) {
      return evaluation(new PostRuleState(null, sightings, now), out);
    }
    Map<String, Long> topics = new TreeMap<>();
    for (Topic t : post.topics()) {
      topics.merge(t.label(), 1L, Long::sum);
    }
    Map<String, Long> keywords = new TreeMap<>();
    for (String k : new LinkedHashSet<>(post.keywords())) {
      keywords.merge(k, 1L, Long::sum);
    }
    // On first firing the sightings that made up the authors are the evidence, and they are used
    // up: once the alert resolves, a new one needs new posts.
    List<Candidate> evidence =
        openAlert == null
            ? sightings.stream().map(Sighting::candidate).toList()
            : List.of(Candidate.of(post));
    List<String> ids =
        openAlert == null ? sightings.stream().map(Sighting::postId).toList() : List.of(post.id());
    long inWindow = openAlert == null ? sightings.size() : 1;
    Instant since = openAlert == null ? sightings.get(0).at() : at;
    OpenAlert.Hit h =
        new OpenAlert.Hit(
            since,
            at,
            m.grade(),
            inWindow,
            Double.NaN,
            inWindow,
            openAlert == null
                ? reasonFor(m, authors.size())
                : m.grade().compareTo(openAlert.grade()) > 0 ? m.reason() : openAlert.reason(),
            topics,
            keywords,
            evidence,
            trend(openAlert == null ? List.of() : openAlert.trend(), at),
            ids);
    sightings = List.of();
    OpenAlert kept = OpenAlert.hit(cfg, project, null, openAlert, h).emitTo(out);
    return evaluation(new PostRuleState(kept, sightings, now), out);
  }

  @Override
  public RuleOutcome<PostRuleState> onTime(PostRuleState state, String project, Instant now) {
    Instant n = state.now() == null || now.isAfter(state.now()) ? now : state.now();
    List<Alert> out = new ArrayList<>();
    OpenAlert openAlert = quiet(state.openAlert(), n, out);
    return evaluation(new PostRuleState(openAlert, prune(state.sightings(), n), n), out);
  }

  private List<Sighting> prune(List<Sighting> sightings, Instant now) {
    Instant from = now.minus(window());
    return sightings.stream().filter(s -> !s.at().isBefore(from)).toList();
  }

  /** Adds one post to the per-window counts of the chart. */
  private List<TrendPoint> trend(List<TrendPoint> trend, Instant at) {
    long w = ctx.streamWindow().toMillis();
    Instant bucket = Instant.ofEpochMilli(Math.floorDiv(at.toEpochMilli(), w) * w);
    List<TrendPoint> t = new ArrayList<>(trend);
    int i = 0;
    while (i < t.size() && t.get(i).start().isBefore(bucket)) {
      i++;
    }
    if (i < t.size() && t.get(i).start().equals(bucket)) {
      t.set(i, new TrendPoint(bucket, t.get(i).count() + 1, Double.NaN));
    } else {
      t.add(i, new TrendPoint(bucket, 1, Double.NaN));
    }
    return t.size() <= 48 ? t : t.subList(t.size() - 48, t.size());
  }

  private RuleOutcome<PostRuleState> evaluation(PostRuleState s, List<Alert> alerts) {
    Instant wake = s.openAlert() == null ? null : s.openAlert().resolvesAt(resolveAfter());
    return new RuleOutcome<>(s, alerts, wake);
  }

  /** Quotes text found in a post for a reason: short, one line. */
  static String quote(String s) {
    String t = s.replaceAll("\\s+", " ").strip();
    return "「" + (t.length() <= 20 ? t : t.substring(0, 20) + "…") + "」";
  }
}
