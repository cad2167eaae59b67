package dev.yuqing.analysis;

import dev.yuqing.analysis.learn.BinaryClassifier;
import dev.yuqing.analysis.learn.ClassifierFile;
import dev.yuqing.analysis.learn.Example;
import dev.yuqing.analysis.learn.ModelBank;
import dev.yuqing.analysis.learn.PooledLogistic;
import dev.yuqing.core.Signals;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The trained signal classifiers: one {@link BinaryClassifier} per {@link Signals.Kind}, each
 * reading the part of {@link SignalFeatures} meant for it (act cues for mobilisation and collective
 * acts, media cues for media), with its calibrated threshold. Immutable and thread-safe.
 */
final class SignalModel {
  private final Map<Signals.Kind, BinaryClassifier> classifiers;
  private final List<ClassifierFile.Source> trainedOn;
  private final ModelBank bank;

  /** The shipped model's resource name beside this class. */
  static final String RESOURCE = "signal-model.tsv";

  SignalModel(
      Map<Signals.Kind, BinaryClassifier> classifiers, List<ClassifierFile.Source> trainedOn) {
    this.classifiers = Map.copyOf(classifiers);
    this.trainedOn = List.copyOf(trainedOn);
    List<PooledLogistic> models = new ArrayList<>();
    for (Signals.Kind k : Signals.Kind.values()) {
      BinaryClassifier c = classifiers.get(k);
      if (c == null) {
        throw new IllegalArgumentException("signal model: no classifier for " + k);
      }
      models.add(c.model());
    }
    // a kind's model has weights only for the features it reads (see reads), so scoring the
    // unfiltered bag with all of them at once gives each kind's own margin
    this.bank = new ModelBank(models);
  }

  /** The training files (name, rows, SHA-256), so evaluation can cross-fit. */
  List<ClassifierFile.Source> trainedOn() {
    return trainedOn;
  }

  /** The model shipped with yuqing (trained by {@code yuqing train signals}). */
  static SignalModel shipped() {
    return Shipped.MODEL;
  }

  private static final class Shipped {
    static final SignalModel MODEL = load();

    private static SignalModel load() {
      try (InputStream in = SignalModel.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("missing resource dev/yuqing/analysis/" + RESOURCE);
        }
        return of(ClassifierFile.read(in, RESOURCE));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  static SignalModel of(ClassifierFile.Content c) {
    Map<Signals.Kind, BinaryClassifier> m = new EnumMap<>(Signals.Kind.class);
    c.classifiers().forEach((name, k) -> m.put(Signals.Kind.valueOf(name), k));
    return new SignalModel(m, c.trainedOn());
  }

  ClassifierFile.Content content() {
    Map<String, BinaryClassifier> m = new java.util.LinkedHashMap<>();
    for (Signals.Kind k : Signals.Kind.values()) {
      m.put(k.name(), classifiers.get(k));
    }
    return new ClassifierFile.Content(m, trainedOn);
  }

  /**
   * Which features a kind's classifier reads: act cues and the text's form for mobilisation (its
   * positives are too few for words to carry); collective acts and media also read the text's
   * words. A letter in the name of the whole group ({@code J|}) is read by the two kinds about
   * acting together, not by media.
   */
  static boolean reads(Signals.Kind kind, String feature) {
    return switch (kind) {
      case MOBILIZATION ->
          feature.startsWith("A|")
              || feature.startsWith("B|")
              || feature.startsWith("D")
              || feature.startsWith("J|");
      case COLLECTIVE_ACT ->
          feature.startsWith("A|")
              || feature.startsWith("B|")
              || feature.startsWith("D")
              || feature.startsWith("J|")
              || feature.startsWith("W|");
      case MEDIA -> feature.startsWith("M|") || feature.startsWith("D") || feature.startsWith("W|");
    };
  }

  /** The example a kind's classifier learns from (or scores). */
  static Example example(Signals.Kind kind, SignalFeatures.Bag bag, boolean positive) {
    List<List<String>> instances = new ArrayList<>();
    for (SignalFeatures.Instance i : bag.sentences()) {
      instances.add(i.features().stream().filter(f -> reads(kind, f)).toList());
    }
    return new Example(
        bag.document().stream().filter(f -> reads(kind, f)).toList(), instances, positive);
  }

  /**
   * A kind's verdict on a text.
   *
   * @param score the score as reported
   * @param evidence the sentence that weighed most, or null when none added evidence
   */
  record Verdict(Signals.Score score, SignalFeatures.Instance evidence) {}

  /**
   * Every kind's verdict on a text's bag, in {@link Signals.Kind} order; {@code text} gives the
   * evidence its sentence.
   */
  List<Verdict> verdicts(SignalFeatures.Bag bag, String text) {
    ModelBank.Margins m = bank.margins(bag.document(), bag.features());
    List<Verdict> out = new ArrayList<>(3);
    for (Signals.Kind kind : Signals.Kind.values()) {
      BinaryClassifier c = classifiers.get(kind);
      double p = c.probability(m.margin()[kind.ordinal()]);
      int best = m.best()[kind.ordinal()];
      SignalFeatures.Instance evidence = best < 0 ? null : bag.sentences().get(best);
      String sentence = evidence == null ? null : text.substring(evidence.start(), evidence.end());
      out.add(
          new Verdict(
              new Signals.Score(
                  kind,
                  p,
                  c.threshold(),
                  p >= c.threshold(),
                  sentence == null ? null : sentence.strip()),
              evidence));
    }
    return out;
  }
}
