package dev.yuqing.analysis;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.yuqing.core.Entity;
import dev.yuqing.core.Signals;
import dev.yuqing.core.TaggedPost;
import dev.yuqing.core.Topic;

/**
 * The JSON shape of tags that {@code yuqing tag} adds to a post object: {@code sentiment} {label,
 * score}, {@code topics}, {@code keywords}, {@code entities} [{type, text}] and {@code signals}
 * {mobilization, mobilizationTime, mobilizationPlace, media, collectiveAct, government, intensity,
 * criticalWords, scores [{signal, score, threshold, fired, sentence}], author}.
 */
public final class TagJson {
  private TagJson() {}

  /** Adds (or replaces) the tag fields of {@code obj}; every other field is left as it is. */
  public static void addTags(ObjectNode obj, TaggedPost t) {
    ObjectNode s = obj.putObject("sentiment");
    s.put("label", t.sentiment().label().json());
    s.put("score", Math.round(t.sentiment().score() * 1000) / 1000.0);
    ArrayNode topics = obj.putArray("topics");
    for (Topic topic : t.topics()) {
      topics.add(topic.label());
    }
    ArrayNode keywords = obj.putArray("keywords");
    t.keywords().forEach(keywords::add);
    ArrayNode entities = obj.putArray("entities");
    for (Entity e : t.entities()) {
      entities.addObject().put("type", e.type().json()).put("text", e.text());
    }
    Signals g = t.signals();
    ObjectNode sig = obj.putObject("signals");
    sig.put("mobilization", g.mobilization());
    if (g.mobilizationTime() != null) {
      sig.put("mobilizationTime", g.mobilizationTime());
    }
    if (g.mobilizationPlace() != null) {
      sig.put("mobilizationPlace", g.mobilizationPlace());
    }
    sig.put("media", g.media());
    sig.put("collectiveAct", g.collectiveAct());
    sig.put("government", g.government());
    sig.put("intensity", g.intensity());
    ArrayNode critical = sig.putArray("criticalWords");
    g.criticalWords().forEach(critical::add);
    ArrayNode scores = sig.putArray("scores");
    for (Signals.Score sc : g.scores()) {
      ObjectNode o = scores.addObject();
      o.put("signal", sc.kind().name().toLowerCase(java.util.Locale.ROOT));
      o.put("score", Math.round(sc.score() * 1000) / 1000.0);
      o.put("threshold", Math.round(sc.threshold() * 1000) / 1000.0);
      o.put("fired", sc.fired());
      if (sc.sentence() != null) {
        o.put("sentence", sc.sentence());
      }
    }
    // the author is what key-homeowner tracking counts on: carried with the signals
    if (t.post().author() != null) {
      sig.put("author", t.post().author());
    }
  }
}
