package dev.yuqing.analysis;

import dev.yuqing.analysis.Corpora.Example;
import dev.yuqing.core.SentimentLabel;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Measures sentiment on review corpora (a review tagged neutral is wrong), and gives the gold
 * evaluation ({@link GoldEvaluation}) its per-fold sentiment models. Scores come from models that
 * never saw the scored rows: when the shipped model was trained on a corpus (its manifest holds the
 * file's SHA-256), the corpus is cross-fitted instead — split into folds, each fold scored by a
 * model retrained on everything else.
 */
public final class Evaluation {
  /** Folds of cross-fitting. */
  public static final int FOLDS = 5;

  private static final SentimentLabel[] LABELS = SentimentLabel.values();

  private Evaluation() {}

  /**
   * The sentiment model of each fold of a gold file (fold f holds the rows whose index i has i %
   * FOLDS == f), or null when the shipped model never saw the file (then it scores every fold).
   * When it did, fold f's model keeps the shipped polarity (trained on reviews only) and retrains
   * the stance layer without fold f.
   */
  static SentimentModel[] sentimentFolds(
      Path file, Path sharedData, Path handoverExamples, PrintStream out) throws IOException {
    String sha = Corpora.sha256(file);
    SentimentModel shipped = SentimentModel.shipped();
    if (shipped.trainedOn().stream().noneMatch(s -> s.sha256().equals(sha))) {
      out.printf("sentiment: the shipped model never saw %s%n", file.getFileName());
      return null;
    }
    if (sharedData == null) {
      throw new IOException(
          "the shipped model was trained on "
              + file.getFileName()
              + ": cross-fitting needs the shared data to retrain");
    }
    out.printf(
        "sentiment: the shipped model's stance layer was trained on %s, so it is cross-fitted:"
            + " %d folds, each with the shipped polarity (trained on reviews only) and a stance"
            + " layer retrained without that fold%n",
        file.getFileName(), FOLDS);
    long t0 = System.nanoTime();
    SentimentTrainer trainer = new SentimentTrainer();
    List<Example> handover = new ArrayList<>();
    List<Example> heldOutReviews = new ArrayList<>();
    List<SentimentModel.TrainingSource> manifest = new ArrayList<>();
    for (SentimentTraining.Source s : SentimentTraining.sources(sharedData, handoverExamples)) {
      if (s.entry().sha256().equals(sha)) {
        continue;
      }
      manifest.add(s.entry());
      for (Example e : s.examples()) {
        if (e.source().equals(Corpora.HANDOVER)) {
          handover.add(e);
        } else if (SentimentTrainer.calibration(SentimentTrainer.textHash(e.text()))) {
          // only the reviews held out of polarity training can reach the stance layer
          heldOutReviews.add(e);
        }
      }
    }
    List<SentimentTrainer.Row> handoverRows = trainer.featurize(handover);
    List<SentimentTrainer.Row> reviewRows = trainer.featurize(heldOutReviews);
    List<SentimentTrainer.Row> goldRows = trainer.featurize(Corpora.goldJsonl(file));
    SentimentModel[] models = new SentimentModel[FOLDS];
    for (int fold = 0; fold < FOLDS; fold++) {
      List<SentimentTrainer.Row> train = new ArrayList<>(handoverRows);
      for (int i = 0; i < goldRows.size(); i++) {
        if (i % FOLDS != fold) {
          train.add(goldRows.get(i));
        }
      }
      models[fold] = trainer.withStance(shipped, train, reviewRows, manifest);
      out.printf(
          Locale.ROOT,
          "  sentiment fold %d/%d trained (%.0f s)%n",
          fold + 1,
          FOLDS,
          (System.nanoTime() - t0) / 1e9);
    }
    return models;
  }

  /** Prints accuracy, macro-F1 and the confusion matrix; returns macro-F1 over gold's classes. */
  static double printSentiment(int[][] confusion, PrintStream out) {
    int total = 0;
    int right = 0;
    double macro = 0;
    int classes = 0;
    StringBuilder per = new StringBuilder();
    for (int i = 0; i < 3; i++) {
      int goldCount = 0;
      int predCount = 0;
      for (int j = 0; j < 3; j++) {
        total += confusion[i][j];
        goldCount += confusion[i][j];
        predCount += confusion[j][i];
      }
      right += confusion[i][i];
      if (goldCount > 0) {
        double f = f1(confusion[i][i], predCount - confusion[i][i], goldCount - confusion[i][i]);
        macro += f;
        classes++;
        per.append(String.format(Locale.ROOT, " %s=%.3f", LABELS[i].json(), f));
      }
    }
    macro = classes == 0 ? 0 : macro / classes;
    out.printf(
        Locale.ROOT,
        "sentiment: accuracy %.3f  macro-F1 %.3f  (F1%s)%n",
        ratio(right, total),
        macro,
        per);
    out.println("confusion (rows gold, columns predicted):");
    out.printf("  %-10s %8s %8s %8s%n", "", "negative", "neutral", "positive");
    for (int i = 0; i < 3; i++) {
      out.printf(
          "  %-10s %8d %8d %8d%n",
          LABELS[i].json(), confusion[i][0], confusion[i][1], confusion[i][2]);
    }
    return macro;
  }

  /**
   * Scores a review corpus. When the shipped model saw this file in training, the corpus is
   * cross-fitted with models retrained (same recipe) without the scored fold; otherwise the shipped
   * model scores it directly. Returns accuracy.
   */
  public static double corpus(Path csv, Path sharedData, Path handoverExamples, PrintStream out)
      throws IOException {
    List<Example> examples = Corpora.reviewCsv(csv);
    String sha = Corpora.sha256(csv);
    SentimentModel shipped = SentimentModel.shipped();
    boolean seen = shipped.trainedOn().stream().anyMatch(s -> s.sha256().equals(sha));
    int[][] confusion = new int[3][3];
    SentimentTrainer trainer = new SentimentTrainer();
    long t0 = System.nanoTime();
    if (!seen) {
      out.printf(
          "corpus: %s (%d reviews), scored by the shipped model, which never saw it%n",
          csv, examples.size());
      List<SentimentTrainer.Row> rows = trainer.featurize(examples);
      for (SentimentTrainer.Row r : rows) {
        confusion[r.label() + 1][shipped.predict(r.x()).label().ordinal()]++;
      }
    } else {
      if (sharedData == null) {
        throw new IOException(
            "the shipped model was trained on "
                + csv.getFileName()
                + ": cross-fitting needs the shared data to retrain");
      }
      out.printf(
          "corpus: %s (%d reviews); the shipped model was trained on it, so it is cross-fitted:"
              + " %d folds, each scored by a model retrained without it%n",
          csv, examples.size(), FOLDS);
      List<SentimentTraining.Source> sources =
          SentimentTraining.sources(sharedData, handoverExamples);
      List<Example> others = new ArrayList<>();
      List<SentimentModel.TrainingSource> manifest = new ArrayList<>();
      for (SentimentTraining.Source s : sources) {
        if (!s.entry().sha256().equals(sha)) {
          others.addAll(s.examples());
          manifest.add(s.entry());
        }
      }
      List<SentimentTrainer.Row> otherRows = trainer.featurize(others);
      List<SentimentTrainer.Row> rows = trainer.featurize(examples);
      for (int fold = 0; fold < FOLDS; fold++) {
        List<SentimentTrainer.Row> train = new ArrayList<>(otherRows);
        List<SentimentTrainer.Row> test = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
          (i % FOLDS == fold ? test : train).add(rows.get(i));
        }
        SentimentModel m = trainer.train(train, manifest);
        for (SentimentTrainer.Row r : test) {
          confusion[r.label() + 1][m.predict(r.x()).label().ordinal()]++;
        }
        out.printf(
            Locale.ROOT,
            "  fold %d/%d scored (%.0f s)%n",
            fold + 1,
            FOLDS,
            (System.nanoTime() - t0) / 1e9);
      }
    }
    // a review has no neutral gold: neutral predictions are simply wrong
    int right = confusion[0][0] + confusion[2][2];
    int total = 0;
    for (int[] row : confusion) {
      for (int v : row) {
        total += v;
      }
    }
    printSentiment(confusion, out);
    double acc = ratio(right, total);
    out.printf(Locale.ROOT, "accuracy %.3f (neutral counts as wrong)%n", acc);
    return acc;
  }

  private static double f1(int tp, int fp, int fn) {
    return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
  }

  private static double ratio(int a, int b) {
    return b == 0 ? 0 : (double) a / b;
  }
}
