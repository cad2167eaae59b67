package dev.yuqing.analysis;

import dev.yuqing.core.Topic;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Multi-label topics over the DOMAIN.md taxonomy from the project's topic cues ({@code
 * topic-lexicon.txt}): each distinct cue adds its weight (cues in the title count 1.5 times), a
 * topic is given when its sum reaches {@link #THRESHOLD}; long texts need more evidence, since a
 * long news article mentions many things in passing. {@link Topic#OTHER} when none. Thread-safe.
 */
final class TopicClassifier {
  static final double THRESHOLD = 1.0;

  private static final Pattern NEWS = Pattern.compile("记者|本报|日电|消息，|据了解|据悉|数据显示|业内人士|分析人士");
  private static final Pattern ESTATE =
      Pattern.compile("小区|业主|楼盘|住户|开发商|物业|楼栋|\\d+栋|家属院|社区|入住|购房|交房|居民楼|房子|新房|学区房");

  private final Map<String, List<Cue>> cues = new HashMap<>();
  private final Cues finder;

  private record Cue(Topic topic, double weight) {}

  TopicClassifier() {
    for (String[] row : Resources.rows("topic-lexicon.txt")) {
      Topic topic = Topic.parse(row[0]);
      cues.computeIfAbsent(row[1], k -> new ArrayList<>())
          .add(new Cue(topic, Double.parseDouble(row[2])));
    }
    this.finder = new Cues(cues.keySet().toArray(String[]::new));
  }

  /** The cue words of the lexicon (the segmenter keeps them whole). */
  Set<String> words() {
    return cues.keySet();
  }

  /**
   * Topics of a title and a body (both normalised). Cues are matched on the characters, not on
   * tokens, so a cue inside a longer word (集体投诉 in 业主集体投诉) still counts.
   */
  List<Topic> classify(String title, String body, boolean mobilization, boolean media) {
    Map<Topic, Double> score = new EnumMap<>(Topic.class);
    Map<String, Integer> seen = new HashMap<>();
    collect(title, 1.5, score, seen);
    collect(body, 1.0, score, seen);
    String all = title + "\n" + body;
    // a long news report mentions many things in passing: it needs more evidence
    double need = all.length() > 600 && NEWS.matcher(all).find() ? 1.5 : THRESHOLD;
    if (mobilization) {
      score.merge(Topic.COLLECTIVE_ACTION, 1.0, Double::sum);
    }
    if (media) {
      score.merge(Topic.MEDIA, 1.0, Double::sum);
    }
    List<Topic> out = new ArrayList<>();
    for (Topic t : Topic.values()) {
      if (t != Topic.OTHER && score.getOrDefault(t, 0.0) >= need) {
        out.add(t);
      }
    }
    if (!media) {
      out.remove(Topic.MEDIA);
    }
    // gas, traffic or schools are surroundings only for an estate (a village's gas supply is not)
    if (!ESTATE.matcher(all).find()) {
      out.remove(Topic.SURROUNDINGS);
    }
    if (out.isEmpty()) {
      out.add(Topic.OTHER);
    }
    return out;
  }

  private void collect(
      String text, double factor, Map<Topic, Double> score, Map<String, Integer> seen) {
    int i = 0;
    while (i < text.length()) {
      String w = finder.at(text, i);
      if (w == null) {
        i++;
        continue;
      }
      int times = seen.merge(w, 1, Integer::sum);
      // a repeated cue adds a little (a post about 漏水 says it more than once), up to four times
      double gain = times == 1 ? 1 : times <= 4 ? 0.25 : 0;
      for (Cue c : cues.get(w)) {
        score.merge(c.topic(), c.weight() * factor * gain, Double::sum);
      }
      i += w.length();
    }
  }
}
