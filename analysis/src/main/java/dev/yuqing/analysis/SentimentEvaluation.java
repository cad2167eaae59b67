package dev.yuqing.analysis;

import dev.yuqing.analysis.Corpora.Example;
import dev.yuqing.analysis.SentimentTrainer.Row;
import dev.yuqing.core.Sentiment;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Measures the sentiment model on data it never saw. A text is seen when any training corpus holds
 * it (the same normalised text, or for a repost the same reposted post): then the scored file is
 * cross-fitted — split into {@link #FOLDS} folds, each scored by a model retrained without every
 * training row that shares a text with the fold. The polarity layer never learns from handover
 * messages or social posts, so for those only the stance layer is retrained; for reviews, both.
 * When the shipped model's manifest names the scored file (by SHA-256) the training data must be
 * present; otherwise a file none of whose texts occur in it is scored by the shipped model.
 */
public final class SentimentEvaluation {
  /** Folds of cross-fitting. */
  public static final int FOLDS = 5;

  private SentimentEvaluation() {}

  /**
   * Sentiment models for the folds of the handover gold {@code gold}, read as {@code rows} ({@link
   * Corpora#goldJsonl}): element {@code f} never saw gold row {@code i} (0-based, blank lines
   * skipped) with {@code i % FOLDS == f}, nor any copy of its text. Every element is the shipped
   * model when no gold text is among its training data.
   */
  static SentimentModel[] goldFolds(
      Path gold, List<Example> rows, Path sharedData, Path handoverExamples, PrintStream log)
      throws IOException {
    int[] folds = new int[rows.size()];
    for (int i = 0; i < folds.length; i++) {
      folds[i] = i % FOLDS;
    }
    return models(gold, rows, folds, sharedData, handoverExamples, log);
  }

  /**
   * Prints the sentiment part of a gold report: per-class precision, recall and F1, the confusion
   * matrix, calibration, and the same per gold {@code source}. {@code rows} is the gold as {@link
   * Corpora#goldJsonl} reads it, {@code predicted} in the same order. Returns macro-F1 over the
   * classes the gold holds.
   */
  static double printGold(List<Example> rows, List<Sentiment> predicted, PrintStream out) {
    if (rows.size() != predicted.size()) {
      throw new IllegalArgumentException(
          rows.size() + " gold messages, " + predicted.size() + " predictions");
    }
    SentimentScores all = new SentimentScores();
    java.util.Map<String, SentimentScores> bySource = new java.util.TreeMap<>();
    for (int i = 0; i < rows.size(); i++) {
      Example e = rows.get(i);
      all.add(e.label(), predicted.get(i));
      bySource
          .computeIfAbsent(e.source(), k -> new SentimentScores())
          .add(e.label(), predicted.get(i));
    }
    double macro = all.print("sentiment", out);
    out.println("sentiment by source:");
    bySource.forEach((source, s) -> s.printLine("  " + source, out));
    return macro;
  }

  /**
   * Scores a labelled corpus ({@code label,review} reviews or {@code sentiment,text} posts in three
   * classes, see {@link Corpora#labelledCsv}) and prints the figures. Folds go by the hash of each
   * text (a repost by the post it reposts), so copies of a text share a fold. Returns accuracy for
   * reviews (a neutral verdict is wrong) and macro-F1 for three classes.
   */
  public static double corpus(Path csv, Path sharedData, Path handoverExamples, PrintStream out)
      throws IOException {
    List<Example> examples = Corpora.labelledCsv(csv);
    int[] folds = new int[examples.size()];
    for (int i = 0; i < folds.length; i++) {
      folds[i] = Math.floorMod(SentimentTrainer.textKey(examples.get(i).text()), FOLDS);
    }
    SentimentModel[] models = models(csv, examples, folds, sharedData, handoverExamples, out);
    List<Row> rows = new SentimentTrainer().featurize(examples);
    SentimentScores s = new SentimentScores();
    for (int i = 0; i < rows.size(); i++) {
      s.add(rows.get(i).label(), models[folds[i]].predict(rows.get(i).x()));
    }
    double macro = s.print("sentiment", out);
    if (s.goldClasses() == 3) {
      return macro;
    }
    double acc = s.accuracy();
    out.printf(Locale.ROOT, "accuracy %.3f (neutral counts as wrong)%n", acc);
    return acc;
  }

  /** The model for each fold of {@code scored}, as the class comment says. */
  private static SentimentModel[] models(
      Path file,
      List<Example> scored,
      int[] folds,
      Path sharedData,
      Path handoverExamples,
      PrintStream log)
      throws IOException {
    SentimentModel shipped = SentimentModel.shipped();
    String sha = Corpora.sha256(file);
    boolean named = shipped.trainedOn().stream().anyMatch(s -> s.sha256().equals(sha));
    SentimentModel[] models = new SentimentModel[FOLDS];
    if (sharedData == null) {
      if (named) {
        throw new IOException(
            "the shipped model was trained on "
                + file.getFileName()
                + ": cross-fitting needs the shared data to retrain");
      }
      log.printf(
          "%s (%d texts): scored by the shipped model; without the shared data its training texts"
              + " could not be checked for overlap%n",
          file, scored.size());
      java.util.Arrays.fill(models, shipped);
      return models;
    }
    List<SentimentTraining.Source> sources =
        SentimentTraining.sources(sharedData, handoverExamples);
    List<Example> training = new ArrayList<>();
    List<SentimentModel.TrainingSource> manifest = new ArrayList<>();
    for (SentimentTraining.Source s : sources) {
      training.addAll(s.examples());
      manifest.add(s.entry());
    }
    List<Set<Integer>> foldKeys = new ArrayList<>();
    for (int f = 0; f < FOLDS; f++) {
      foldKeys.add(new HashSet<>());
    }
    for (int i = 0; i < scored.size(); i++) {
      foldKeys.get(folds[i]).add(SentimentTrainer.textKey(scored.get(i).text()));
    }
    Set<Integer> allKeys = new HashSet<>();
    foldKeys.forEach(allKeys::addAll);
    int seen = 0;
    for (Example e : training) {
      seen += allKeys.contains(SentimentTrainer.textKey(e.text())) ? 1 : 0;
    }
    if (seen == 0 && !named) {
      log.printf(
          "%s (%d texts): scored by the shipped model, which never saw any of them%n",
          file, scored.size());
      java.util.Arrays.fill(models, shipped);
      return models;
    }
    boolean sameData = manifest.equals(shipped.trainedOn());
    log.printf(
        "%s (%d texts): %d training texts share a text with it, so it is cross-fitted: %d folds,"
            + " each scored by a model trained without them%n",
        file, scored.size(), seen, FOLDS);
    SentimentTrainer trainer = new SentimentTrainer();
    long t0 = System.nanoTime();
    List<Row> rows = trainer.featurize(training);
    for (int f = 0; f < FOLDS; f++) {
      models[f] = crossFit(trainer, sameData ? shipped : null, rows, manifest, foldKeys.get(f));
      log.printf(
          Locale.ROOT,
          "  fold %d/%d trained (%.0f s)%n",
          f + 1,
          FOLDS,
          (System.nanoTime() - t0) / 1e9);
    }
    return models;
  }

  /**
   * A model trained on {@code training} without the rows whose key is in {@code excluded}. When
   * {@code base} was trained on exactly {@code training} and no polarity row is excluded, its
   * polarity is kept and only the stance layer is retrained.
   */
  static SentimentModel crossFit(
      SentimentTrainer trainer,
      SentimentModel base,
      List<Row> training,
      List<SentimentModel.TrainingSource> manifest,
      Set<Integer> excluded) {
    List<Row> kept = new ArrayList<>(training.size());
    boolean polarityHit = false;
    for (Row r : training) {
      if (excluded.contains(r.key())) {
        polarityHit |= SentimentTrainer.polarity(r);
      } else {
        kept.add(r);
      }
    }
    if (base == null || polarityHit) {
      return trainer.train(kept, manifest);
    }
    return trainer.withStance(base, kept, manifest);
  }
}
