package dev.yuqing.analysis;

import dev.yuqing.analysis.learn.BinaryClassifier;
import dev.yuqing.analysis.learn.ClassifierFile;
import dev.yuqing.analysis.learn.Example;
import dev.yuqing.analysis.learn.PooledLogistic;
import dev.yuqing.core.Signals;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Trains the signal classifiers from the v2 handover gold (real messages: they decide calibration
 * and thresholds) and the project's written examples ({@link #EXAMPLES}: always trained on, never
 * scored), and writes the shipped model. Thresholds are chosen for precision at least recall: a
 * signal that pages people must be right when it fires.
 */
public final class SignalTraining {
  /** The written examples, relative to the repository root. */
  public static final String EXAMPLES = "analysis/training/signal-examples.tsv";

  /** The committed model, relative to the repository root. */
  public static final String MODEL_RESOURCE =
      "analysis/src/main/resources/dev/yuqing/analysis/" + SignalModel.RESOURCE;

  /** The gold the shipped model trains on, under the shared data directory. */
  public static final String GOLD = "gold/handover-gold-v2.dev.jsonl";

  /** Inner folds for calibration and thresholds. */
  static final int FOLDS = 5;

  /**
   * Five runs averaged: a signal with a few dozen positives learns from them in a different order
   * each run.
   */
  static final PooledLogistic.Options OPTIONS = PooledLogistic.Options.DEFAULT.withRuns(5);

  private SignalTraining() {}

  /**
   * One text with its signal labels.
   *
   * @param text the normalised text
   * @param mobilization a call or announced future collective act
   * @param collectiveAct a collective act that already happened
   * @param media media involved or threatened
   */
  record Labelled(String text, boolean mobilization, boolean collectiveAct, boolean media) {
    boolean label(Signals.Kind k) {
      return switch (k) {
        case MOBILIZATION -> mobilization;
        case COLLECTIVE_ACT -> collectiveAct;
        case MEDIA -> media;
      };
    }
  }

  static List<Labelled> fromGold(List<GoldFile.Gold> gold) {
    return gold.stream()
        .map(g -> new Labelled(g.normalized(), g.mobilization(), g.collectivePast(), g.media()))
        .toList();
  }

  /** The written examples: {@code mobilization<TAB>collective_past<TAB>media<TAB>text}. */
  static List<Labelled> written(Path tsv) throws IOException {
    List<Labelled> out = new ArrayList<>();
    List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] p = line.split("\t", -1);
      if (p.length != 4 || !bit(p[0]) || !bit(p[1]) || !bit(p[2]) || p[3].isBlank()) {
        throw new IOException(
            tsv
                + ":"
                + (i + 1)
                + ": expected mobilization<TAB>collective_past<TAB>media<TAB>text"
                + " with 0/1 labels");
      }
      out.add(
          new Labelled(
              TextNormalizer.normalize(p[3]),
              p[0].equals("1"),
              p[1].equals("1"),
              p[2].equals("1")));
    }
    return out;
  }

  private static boolean bit(String s) {
    return s.equals("0") || s.equals("1");
  }

  /** The bags of texts (segmentation is the slow part: done once per text). */
  static List<SignalFeatures.Bag> bags(List<Labelled> texts, Segmenter segmenter) {
    SignalFeatures f = new SignalFeatures();
    return texts.stream().map(t -> f.bag(t.text(), segmenter.terms(t.text()))).toList();
  }

  /** Trains every kind's classifier. Bags are those of the labelled texts, in order. */
  static SignalModel train(
      List<Labelled> natural,
      List<SignalFeatures.Bag> naturalBags,
      List<Labelled> written,
      List<SignalFeatures.Bag> writtenBags,
      List<ClassifierFile.Source> manifest) {
    Map<Signals.Kind, BinaryClassifier> m = new EnumMap<>(Signals.Kind.class);
    for (Signals.Kind k : Signals.Kind.values()) {
      m.put(
          k,
          BinaryClassifier.fit(
              examples(k, natural, naturalBags),
              examples(k, written, writtenBags),
              OPTIONS,
              FOLDS,
              BinaryClassifier.ThresholdRule.PRECISION_FIRST));
    }
    return new SignalModel(m, manifest);
  }

  static List<Example> examples(
      Signals.Kind k, List<Labelled> texts, List<SignalFeatures.Bag> bags) {
    List<Example> out = new ArrayList<>(texts.size());
    for (int i = 0; i < texts.size(); i++) {
      out.add(SignalModel.example(k, bags.get(i), texts.get(i).label(k)));
    }
    return out;
  }

  /**
   * Trains the shipped model from the shared data and the written examples and writes it to {@code
   * out}; returns the manifest.
   */
  public static List<ClassifierFile.Source> trainAndWrite(Path sharedData, Path examples, Path out)
      throws IOException {
    Path goldFile = sharedData.resolve(GOLD);
    List<Labelled> gold = fromGold(GoldFile.read(goldFile));
    List<Labelled> written = written(examples);
    Segmenter seg = Segmenter.create();
    List<ClassifierFile.Source> manifest =
        List.of(
            new ClassifierFile.Source(
                goldFile.getFileName().toString(), gold.size(), Corpora.sha256(goldFile)),
            new ClassifierFile.Source(
                examples.getFileName().toString(), written.size(), Corpora.sha256(examples)));
    SignalModel model = train(gold, bags(gold, seg), written, bags(written, seg), manifest);
    ClassifierFile.write(
        out,
        "yuqing signal classifiers, written by `yuqing train signals` (do not edit): trained on\n"
            + "the v2 handover gold and the project's written examples; see SignalTraining.",
        model.content());
    return manifest;
  }
}
