package dev.yuqing.analysis;

import dev.yuqing.analysis.learn.BinaryClassifier;
import dev.yuqing.analysis.learn.ClassifierFile;
import dev.yuqing.analysis.learn.Example;
import dev.yuqing.analysis.learn.ModelBank;
import dev.yuqing.analysis.learn.PooledLogistic;
import dev.yuqing.core.Topic;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The trained topic classifiers: one {@link BinaryClassifier} per topic of the taxonomy (其他 is what
 * is left when none fires), each over the text's words and the topic cues of {@code
 * topic-lexicon.txt} (so a cue the gold never showed still counts), with its own threshold chosen
 * by cross-validation. Immutable and thread-safe.
 */
final class TopicModel {
  private final Map<Topic, BinaryClassifier> classifiers;
  private final List<ClassifierFile.Source> trainedOn;
  private final List<Topic> topics = new ArrayList<>();
  private final ModelBank bank;

  /** The shipped model's resource name beside this class. */
  static final String RESOURCE = "topic-model.tsv";

  TopicModel(Map<Topic, BinaryClassifier> classifiers, List<ClassifierFile.Source> trainedOn) {
    this.classifiers = Map.copyOf(classifiers);
    this.trainedOn = List.copyOf(trainedOn);
    List<PooledLogistic> models = new ArrayList<>();
    for (Topic t : Topic.values()) {
      if (t == Topic.OTHER) {
        continue;
      }
      BinaryClassifier c = classifiers.get(t);
      if (c == null) {
        throw new IllegalArgumentException("topic model: no classifier for " + t.label());
      }
      topics.add(t);
      models.add(c.model());
    }
    this.bank = new ModelBank(models);
  }

  /** The training files (name, rows, SHA-256), so evaluation can cross-fit. */
  List<ClassifierFile.Source> trainedOn() {
    return trainedOn;
  }

  static TopicModel shipped() {
    return Shipped.MODEL;
  }

  private static final class Shipped {
    static final TopicModel MODEL = load();

    private static TopicModel load() {
      try (InputStream in = TopicModel.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("missing resource dev/yuqing/analysis/" + RESOURCE);
        }
        return of(ClassifierFile.read(in, RESOURCE));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  static TopicModel of(ClassifierFile.Content c) {
    Map<Topic, BinaryClassifier> m = new EnumMap<>(Topic.class);
    c.classifiers().forEach((name, k) -> m.put(Topic.valueOf(name), k));
    return new TopicModel(m, c.trainedOn());
  }

  ClassifierFile.Content content() {
    Map<String, BinaryClassifier> m = new LinkedHashMap<>();
    for (Topic t : Topic.values()) {
      if (t != Topic.OTHER) {
        m.put(t.name(), classifiers.get(t));
      }
    }
    return new ClassifierFile.Content(m, trainedOn);
  }

  /** The topics whose classifier fires, or 其他 when none does. */
  List<Topic> classify(List<String> features) {
    List<Topic> out = new ArrayList<>();
    java.util.Set<String> present = new java.util.HashSet<>(features);
    double[] margin = bank.margins(features, List.of()).margin();
    for (int i = 0; i < topics.size(); i++) {
      Topic t = topics.get(i);
      BinaryClassifier c = classifiers.get(t);
      if (evidence(t, present) && c.probability(margin[i]) >= c.threshold()) {
        out.add(t);
      }
    }
    if (out.isEmpty()) {
      out.add(Topic.OTHER);
    }
    return out;
  }

  /**
   * Whether the text holds what the topic needs at least: one of its cue words (a passing thought
   * without one is not the topic), acts for 维权行动, and an estate for 周边配套 (a village's gas supply is
   * not an estate's surroundings).
   */
  private static boolean evidence(Topic t, java.util.Set<String> features) {
    return switch (t) {
      case COLLECTIVE_ACTION ->
          features.contains(TopicCues.cueFeature(t)) || features.contains("A|*");
      case SURROUNDINGS ->
          features.contains(TopicCues.cueFeature(t)) && features.contains("D|estate");
      default -> features.contains(TopicCues.cueFeature(t));
    };
  }

  static Example example(List<String> features, boolean positive) {
    return new Example(features, List.of(), positive);
  }
}
