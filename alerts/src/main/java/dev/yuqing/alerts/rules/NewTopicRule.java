package dev.yuqing.alerts.rules;

import dev.yuqing.alerts.rules.NewTopicState.Track;
import dev.yuqing.core.Alert;
import dev.yuqing.core.TaggedPost;
import dev.yuqing.core.Topic;
import dev.yuqing.core.TrendPoint;
import dev.yuqing.core.config.NewTopicRuleConfig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A topic absent from a project's negative posts for the whole baseline period appears from several
 * distinct authors within the window: 业主集中反映同一问题, about something new. Silent until it has watched
 * the project for a baseline period, since before that every topic is "new".
 */
public final class NewTopicRule extends ConfiguredRule<NewTopicRuleConfig, NewTopicState> {
  public NewTopicRule(NewTopicRuleConfig cfg, RuleContext ctx) {
    super(cfg, ctx);
  }

  @Override
  public NewTopicState initialState() {
    return NewTopicState.empty();
  }

  @Override
  public RuleOutcome<NewTopicState> onWindow(NewTopicState state, WindowSummary w) {
    Instant watching = state.watchingSince() == null ? w.start() : state.watchingSince();
    Map<String, Track> tracks = new TreeMap<>(state.tracks());
    List<Alert> out = new ArrayList<>();
    for (Map.Entry<String, Long> e : w.topicNegative().entrySet()) {
      String topic = e.getKey();
      if (e.getValue() == 0 || topic.equals(Topic.OTHER.label())) {
        continue;
      }
      Track t = tracks.get(topic);
      if (t != null && w.start().isBefore(t.last())) {
        continue; // late or repeated window
      }
      if (t == null || !w.start().isBefore(t.last().plus(cfg.baseline()))) {
        boolean fresh = !w.start().isBefore(watching.plus(cfg.baseline()));
        OpenAlert open = t == null ? null : t.openAlert();
        t = new Track(w.start(), w.end(), fresh, List.of(), List.of(), open);
      }
      OpenAlert openAlert = t.openAlert();
      List<String> authors = t.authors();
      List<Candidate> candidates = t.candidates();
      if (w.start().isBefore(t.since().plus(cfg.window()))) {
        LinkedHashSet<String> a = new LinkedHashSet<>(authors);
        a.addAll(w.topicAuthors().getOrDefault(topic, List.of()));
        authors = new ArrayList<>(a);
        candidates = Candidate.merge(candidates, w.candidates(topic), OpenAlert.MAX_CANDIDATES);
        if (t.fresh() && authors.size() >= cfg.minAuthors()) {
          OpenAlert.Hit h =
              new OpenAlert.Hit(
                  t.since(),
                  w.end(),
                  cfg.grade(),
                  authors.size(),
                  Double.NaN,
                  w.negative(topic),
                  reason(topic, authors.size()),
                  Map.of(topic, w.negative(topic)),
                  w.keywords(),
                  candidates,
                  trend(openAlert, w.start(), w.negative(topic)),
                  List.of());
          openAlert = OpenAlert.hit(cfg, w.project(), topic, openAlert, h).emitTo(out);
        }
      } else if (openAlert != null) {
        openAlert =
            openAlert.gathered(w.negative(topic), trend(openAlert, w.start(), w.negative(topic)));
      }
      tracks.put(topic, new Track(t.since(), w.end(), t.fresh(), authors, candidates, openAlert));
    }
    NewTopicState next = quiet(new NewTopicState(watching, tracks), w.end(), out);
    return evaluation(next, out);
  }

  @Override
  public RuleOutcome<NewTopicState> onPost(NewTopicState state, String project, TaggedPost post) {
    return evaluation(state, List.of());
  }

  @Override
  public RuleOutcome<NewTopicState> onTime(NewTopicState state, String project, Instant now) {
    List<Alert> out = new ArrayList<>();
    return evaluation(quiet(state, now, out), out);
  }

  /** Resolves quiet open alerts and forgets topics not seen for a baseline period. */
  private NewTopicState quiet(NewTopicState s, Instant now, List<Alert> out) {
    Map<String, Track> tracks = new TreeMap<>();
    s.tracks()
        .forEach(
            (topic, t) -> {
              OpenAlert open = quiet(t.openAlert(), now, out);
              boolean forgotten = !now.isBefore(t.last().plus(cfg.baseline()));
              if (!forgotten || open != null) {
                tracks.put(
                    topic,
                    new Track(t.since(), t.last(), t.fresh(), t.authors(), t.candidates(), open));
              }
            });
    return new NewTopicState(s.watchingSince(), tracks);
  }

  private List<TrendPoint> trend(OpenAlert openAlert, Instant start, long count) {
    List<TrendPoint> t = new ArrayList<>(openAlert == null ? List.of() : openAlert.trend());
    t.add(new TrendPoint(start, count, Double.NaN));
    return t.size() <= 48 ? t : t.subList(t.size() - 48, t.size());
  }

  private String reason(String topic, int authors) {
    return "新话题「"
        + topic
        + "」："
        + authors
        + "位作者集中反映；此前"
        + Texts.duration(cfg.baseline())
        + "内未出现，触发条件："
        + Texts.duration(cfg.window())
        + "内至少"
        + cfg.minAuthors()
        + "位不同作者";
  }

  private RuleOutcome<NewTopicState> evaluation(NewTopicState s, List<Alert> out) {
    Instant wake = null;
    for (Track t : s.tracks().values()) {
      if (t.openAlert() != null) {
        Instant r = t.openAlert().resolvesAt(resolveAfter());
        wake = wake == null || r.isBefore(wake) ? r : wake;
      }
    }
    return new RuleOutcome<>(s, out, wake);
  }
}
