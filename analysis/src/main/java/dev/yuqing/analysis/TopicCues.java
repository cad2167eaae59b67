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
 * The project's topic cues ({@code topic-lexicon.txt}, written from the DOMAIN.md taxonomy) as
 * features for the trained {@link TopicModel}: each distinct cue adds its weight to its topic (cues
 * in the title count 1.5 times), and the sums enter the model in steps, so that a cue word the gold
 * never showed still counts. Thread-safe.
 */
final class TopicCues {
  private static final Pattern NEWS = Pattern.compile("记者|本报|日电|消息，|据了解|据悉|数据显示|业内人士|分析人士");
  private static final Pattern ESTATE =
      Pattern.compile("小区|业主|楼盘|住户|开发商|物业|楼栋|\\d+栋|家属院|社区|入住|购房|交房|居民楼|房子|新房|学区房");

  private final Map<String, List<Cue>> cues = new HashMap<>();
  private final Cues finder;

  private record Cue(Topic topic, double weight) {}

  TopicCues() {
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
   * The features the topic model reads: the text's words ({@code W|}), each topic cue found ({@code
   * C|}, title cues also {@code CT|}) and each topic's lexicon score in steps ({@code L|topic|n}),
   * the act cues of {@link SignalFeatures} ({@code A|}), and the text's form ({@code D|}).
   */
  List<String> features(String title, String body, SignalFeatures.Bag acts) {
    List<String> f = new ArrayList<>();
    // what the text says owners did or will do together (维权行动 is collective or formal
    // escalation): the act cues of its sentences, without their character bigrams
    java.util.Set<String> cues = new java.util.LinkedHashSet<>();
    for (SignalFeatures.Instance i : acts.sentences()) {
      for (String x : i.features()) {
        if (x.startsWith("A|")) {
          cues.add(x);
        }
      }
    }
    f.addAll(cues);
    // the words are those the signal bag already holds for the document
    for (String x : acts.document()) {
      if (x.startsWith("W|")) {
        f.add(x);
      }
    }
    Map<Topic, Double> score = new EnumMap<>(Topic.class);
    Map<String, Integer> seen = new HashMap<>();
    collect(title, 1.5, score, seen);
    java.util.Set<String> titleCues = new java.util.HashSet<>(seen.keySet());
    collect(body, 1.0, score, seen);
    for (String cue : seen.keySet()) {
      f.add("C|" + cue);
      if (titleCues.contains(cue)) {
        f.add("CT|" + cue);
      }
    }
    for (Map.Entry<Topic, Double> e : score.entrySet()) {
      double s = e.getValue();
      for (double step : new double[] {0.5, 1, 2, 3}) {
        if (s >= step) {
          f.add("L|" + e.getKey().name() + "|" + step);
        }
      }
    }
    String all = title + "\n" + body;
    if (all.length() > 600 && NEWS.matcher(all).find()) {
      f.add("D|news");
    }
    if (ESTATE.matcher(all).find()) {
      f.add("D|estate");
    }
    f.add("D");
    return f;
  }

  /** The feature saying the text holds at least one cue of the topic. */
  static String cueFeature(Topic t) {
    return "L|" + t.name() + "|0.5";
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
