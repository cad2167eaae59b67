package dev.yuqing.analysis;

import dev.yuqing.analysis.learn.BinaryClassifier;
import dev.yuqing.analysis.learn.ClassifierFile;
import dev.yuqing.analysis.learn.Example;
import dev.yuqing.analysis.learn.PooledLogistic;
import dev.yuqing.core.Topic;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Trains the topic classifiers from the v2 handover gold and writes the shipped model. Each topic's
 * threshold is the one with the best F1 on out-of-fold probabilities: a passing mention scores low
 * and stays below it.
 */
public final class TopicTraining {
  /** The committed model, relative to the repository root. */
  public static final String MODEL_RESOURCE =
      "analysis/src/main/resources/dev/yuqing/analysis/" + TopicModel.RESOURCE;

  static final int FOLDS = 5;

  static final PooledLogistic.Options OPTIONS =
      PooledLogistic.Options.DEFAULT.withL2(1e-3).withMinCount(3);

  private TopicTraining() {}

  /** The topic features of each gold message, as the tagger computes them. */
  static List<List<String>> features(List<GoldFile.Gold> gold, Segmenter seg) {
    TopicCues lexicon = new TopicCues();
    SignalFeatures acts = new SignalFeatures();
    List<List<String>> out = new ArrayList<>(gold.size());
    for (GoldFile.Gold g : gold) {
      String title = TextNormalizer.normalize(g.title());
      String body = TextNormalizer.normalize(g.text());
      String full = HandoverTagger.join(title, body);
      List<Token> tokens = seg.terms(full);
      out.add(lexicon.features(title, body, acts.bag(full, tokens)));
    }
    return out;
  }

  static TopicModel train(
      List<GoldFile.Gold> gold, List<List<String>> features, List<ClassifierFile.Source> manifest) {
    Map<Topic, BinaryClassifier> m = new EnumMap<>(Topic.class);
    for (Topic t : Topic.values()) {
      if (t == Topic.OTHER) {
        continue;
      }
      List<Example> ex = new ArrayList<>(gold.size());
      for (int i = 0; i < gold.size(); i++) {
        ex.add(TopicModel.example(features.get(i), gold.get(i).topics().contains(t)));
      }
      m.put(
          t,
          BinaryClassifier.fit(
              ex, List.of(), OPTIONS, FOLDS, BinaryClassifier.ThresholdRule.BEST_F1));
    }
    return new TopicModel(m, manifest);
  }

  /** Trains the shipped model from the shared data and writes it to {@code out}. */
  public static List<ClassifierFile.Source> trainAndWrite(Path sharedData, Path out)
      throws IOException {
    Path goldFile = sharedData.resolve(SignalTraining.GOLD);
    List<GoldFile.Gold> gold = GoldFile.read(goldFile);
    List<ClassifierFile.Source> manifest =
        List.of(
            new ClassifierFile.Source(
                goldFile.getFileName().toString(), gold.size(), Corpora.sha256(goldFile)));
    TopicModel model = train(gold, features(gold, Segmenter.create()), manifest);
    ClassifierFile.write(
        out,
        "yuqing topic classifiers, written by `yuqing train topics` (do not edit): trained on\n"
            + "the v2 handover gold; see TopicTraining.",
        model.content());
    return manifest;
  }
}
