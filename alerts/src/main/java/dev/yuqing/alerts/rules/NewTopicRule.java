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
public final class NewTopicRule implements Rule<NewTopicState> {
  private final NewTopicRuleConfig cfg;
  private final RuleContext ctx;

  public NewTopicRule(NewTopicRuleConfig cfg, RuleContext ctx) {
    this.cfg = cfg;
    this.ctx = ctx;
  }

  @Override
  public NewTopicRuleConfig config() {
    return cfg;
  }

  @Override
  public NewTopicState initialState() {
    return NewTopicState.empty();
  }

  @Override
  public Evaluation<NewTopicState> onWindow(NewTopicState state, WindowSummary w) {
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
        Incident open = t == null ? null : t.incident();
        t = new Track(w.start(), w.end(), fresh, List.of(), List.of(), open);
      }
      Incident incident = t.incident();
      List<String> authors = t.authors();
      List<Candidate> candidates = t.candidates();
      if (w.start().isBefore(t.since().plus(cfg.window()))) {
        LinkedHashSet<String> a = new LinkedHashSet<>(authors);
        a.addAll(w.topicAuthors().getOrDefault(topic, List.of()));
        authors = new ArrayList<>(a);
        candidates = Candidate.merge(candidates, w.candidates(topic), Incident.MAX_CANDIDATES);
        if (t.fresh() && authors.size() >= cfg.minAuthors()) {
          Incident.Hit h =
              new Incident.Hit(
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
                  trend(incident, w.start(), w.negative(topic)),
                  List.of());
          Incident.Step st = Incident.hit(cfg, w.project(), topic, incident, h);
          incident = st.incident();
          if (st.alert() != null) {
            out.add(st.alert());
          }
        }
      } else if (incident != null) {
        incident =
            incident.gathered(w.negative(topic), trend(incident, w.start(), w.negative(topic)));
      }
      tracks.put(topic, new Track(t.since(), w.end(), t.fresh(), authors, candidates, incident));
    }
    NewTopicState next = quiet(new NewTopicState(watching, tracks), w.end(), out);
    return evaluation(next, out);
  }

  @Override
  public Evaluation<NewTopicState> onPost(NewTopicState state, String project, TaggedPost post) {
    return evaluation(state, List.of());
  }

  @Override
  public Evaluation<NewTopicState> onTime(NewTopicState state, String project, Instant now) {
    List<Alert> out = new ArrayList<>();
    return evaluation(quiet(state, now, out), out);
  }

  /** Resolves quiet incidents and forgets topics not seen for a baseline period. */
  private NewTopicState quiet(NewTopicState s, Instant now, List<Alert> out) {
    Map<String, Track> tracks = new TreeMap<>();
    s.tracks()
        .forEach(
            (topic, t) -> {
              Incident.Step q = Incident.quiet(cfg, t.incident(), now, ctx.resolveAfter(cfg));
              if (q.alert() != null) {
                out.add(q.alert());
              }
              boolean forgotten = !now.isBefore(t.last().plus(cfg.baseline()));
              if (!forgotten || q.incident() != null) {
                tracks.put(
                    topic,
                    new Track(
                        t.since(), t.last(), t.fresh(), t.authors(), t.candidates(), q.incident()));
              }
            });
    return new NewTopicState(s.watchingSince(), tracks);
  }

  private List<TrendPoint> trend(Incident incident, Instant start, long count) {
    List<TrendPoint> t = new ArrayList<>(incident == null ? List.of() : incident.trend());
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

  private Evaluation<NewTopicState> evaluation(NewTopicState s, List<Alert> out) {
    Instant wake = null;
    for (Track t : s.tracks().values()) {
      if (t.incident() != null) {
        Instant r = t.incident().resolvesAt(ctx.resolveAfter(cfg));
        wake = wake == null || r.isBefore(wake) ? r : wake;
      }
    }
    return new Evaluation<>(s, out, wake);
  }
}
