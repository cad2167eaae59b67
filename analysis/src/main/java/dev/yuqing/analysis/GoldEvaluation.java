package dev.yuqing.analysis;

import dev.yuqing.analysis.learn.ClassifierFile;
import dev.yuqing.core.Post;
import dev.yuqing.core.TaggedPost;
import dev.yuqing.core.Topic;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Measures the tagger on a handover gold file: sentiment, topics, mobilisation (with its time and
 * place), collective acts and media, overall and per source. No figure comes from a model that saw
 * the scored message: every trained component whose shipped model was trained on the file (its
 * manifest holds the file's SHA-256) is cross-validated — the file is split into {@link
 * SentimentEvaluation#FOLDS} folds (row i in fold i mod k) and each fold is tagged by components
 * retrained without it, their calibration and thresholds chosen by cross-validation inside the
 * training part.
 */
public final class GoldEvaluation {
  private GoldEvaluation() {}

  /**
   * Scores the tagger on a gold file and prints the figures.
   *
   * @param sharedData the shared data (to retrain), or null
   * @param sentimentExamples the sentiment model's written examples
   * @param signalExamples the signal classifiers' written examples
   * @param verbose also list every message tagged differently from its labels
   */
  public static void run(
      Path file,
      Path sharedData,
      Path sentimentExamples,
      Path signalExamples,
      PrintStream out,
      boolean verbose)
      throws IOException {
    List<GoldFile.Gold> gold = GoldFile.read(file);
    String sha = Corpora.sha256(file);
    int k = SentimentEvaluation.FOLDS;
    List<Corpora.Example> examples = Corpora.goldExamples(gold);
    SentimentModel[] sentiment =
        SentimentEvaluation.goldFolds(file, examples, sharedData, sentimentExamples, out);
    SignalModel[] signals = signalFolds(gold, sha, signalExamples, out);
    TopicModel[] topics = topicFolds(gold, sha, out);
    HandoverTagger[] taggers = new HandoverTagger[k];
    for (int f = 0; f < k; f++) {
      taggers[f] =
          HandoverTagger.withModels(
              List.of(),
              new HandoverTagger.Models(
                  sentiment[f],
                  signals == null ? SignalModel.shipped() : signals[f],
                  topics == null ? TopicModel.shipped() : topics[f]));
    }
    GoldScore all = new GoldScore();
    Map<String, GoldScore> bySource = new TreeMap<>();
    List<dev.yuqing.core.Sentiment> sentiments = new ArrayList<>();
    for (int i = 0; i < gold.size(); i++) {
      GoldFile.Gold g = gold.get(i);
      Post p = Post.builder().id(g.id()).sourceId("gold").title(g.title()).text(g.text()).build();
      TaggedPost t = taggers[i % k].tag(p);
      all.add(g, t);
      sentiments.add(t.sentiment());
      bySource.computeIfAbsent(g.source(), s -> new GoldScore()).add(g, t);
      if (verbose) {
        String diff = differences(g, t);
        if (!diff.isEmpty()) {
          out.printf("%s %s | %s%n", g.id(), diff, snippet(g.title(), g.text()));
        }
      }
    }
    out.printf("gold: %d messages%n", gold.size());
    SentimentEvaluation.printGold(examples, sentiments, out);
    all.print(out);
    out.println("by source:");
    bySource.forEach((s, score) -> out.println(score.line(s)));
  }

  /**
   * The signal model of each fold, or null when the shipped model never saw the file. Fold f's
   * model is trained on the other folds and the written examples.
   */
  static SignalModel[] signalFolds(
      List<GoldFile.Gold> gold, String sha, Path writtenFile, PrintStream out) throws IOException {
    if (!crossValidated(
        "signals", SignalModel.shipped().trainedOn(), sha, " and " + writtenFile, out)) {
      return null;
    }
    int k = SentimentEvaluation.FOLDS;
    long t0 = System.nanoTime();
    Segmenter seg = Segmenter.create();
    List<SignalTraining.Labelled> labelled = SignalTraining.fromGold(gold);
    List<SignalFeatures.Bag> bags = SignalTraining.bags(labelled, seg);
    List<SignalTraining.Labelled> written = SignalTraining.written(writtenFile);
    List<SignalFeatures.Bag> writtenBags = SignalTraining.bags(written, seg);
    SignalModel[] models = new SignalModel[k];
    for (int f = 0; f < k; f++) {
      models[f] =
          SignalTraining.train(
              withoutFold(labelled, f), withoutFold(bags, f), written, writtenBags, List.of());
    }
    out.printf(Locale.ROOT, "  signal folds trained (%.0f s)%n", (System.nanoTime() - t0) / 1e9);
    return models;
  }

  /** The topic model of each fold, or null when the shipped model never saw the file. */
  static TopicModel[] topicFolds(List<GoldFile.Gold> gold, String sha, PrintStream out) {
    if (!crossValidated("topics", TopicModel.shipped().trainedOn(), sha, "", out)) {
      return null;
    }
    int k = SentimentEvaluation.FOLDS;
    long t0 = System.nanoTime();
    List<List<String>> features = TopicTraining.features(gold, Segmenter.create());
    TopicModel[] models = new TopicModel[k];
    for (int f = 0; f < k; f++) {
      models[f] = TopicTraining.train(withoutFold(gold, f), withoutFold(features, f), List.of());
    }
    out.printf(Locale.ROOT, "  topic folds trained (%.0f s)%n", (System.nanoTime() - t0) / 1e9);
    return models;
  }

  /**
   * Whether the shipped classifiers were trained on the gold file (so they must be cross-validated
   * on it), said on {@code out} either way; {@code alsoTrainedOn} names what each fold adds.
   */
  private static boolean crossValidated(
      String what,
      List<ClassifierFile.Source> manifest,
      String sha,
      String alsoTrainedOn,
      PrintStream out) {
    if (manifest.stream().noneMatch(s -> s.sha256().equals(sha))) {
      out.println(what + ": the shipped classifiers never saw this file");
      return false;
    }
    out.printf(
        "%s: the shipped classifiers were trained on this file, so they are cross-validated:"
            + " %d folds, each tagged by classifiers trained on the other folds%s%n",
        what, SentimentEvaluation.FOLDS, alsoTrainedOn);
    return true;
  }

  /** The rows outside fold {@code f} (row i is in fold i mod k), in order. */
  static <T> List<T> withoutFold(List<T> rows, int f) {
    List<T> out = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      if (i % SentimentEvaluation.FOLDS != f) {
        out.add(rows.get(i));
      }
    }
    return out;
  }

  private static String differences(GoldFile.Gold g, TaggedPost t) {
    StringBuilder sb = new StringBuilder();
    if (g.sentiment() != t.sentiment().label()) {
      sb.append(" sentiment ")
          .append(g.sentiment().json())
          .append("→")
          .append(t.sentiment().label().json());
    }
    if (!g.topics().equals(java.util.EnumSet.copyOf(t.topics()))) {
      sb.append(" topics ").append(labels(g.topics())).append("→").append(labels(t.topics()));
    }
    flag(sb, "mobilization", g.mobilization(), t.signals().mobilization());
    flag(sb, "collectiveAct", g.collectivePast(), t.signals().collectiveAct());
    flag(sb, "media", g.media(), t.signals().media());
    return sb.toString().strip();
  }

  private static void flag(StringBuilder sb, String name, boolean gold, boolean got) {
    if (gold != got) {
      sb.append(' ').append(name).append(gold ? " missed" : " false");
    }
  }

  private static String labels(java.util.Collection<Topic> topics) {
    StringBuilder sb = new StringBuilder();
    for (Topic t : topics) {
      sb.append(sb.length() == 0 ? "" : ",").append(t.label());
    }
    return sb.toString();
  }

  private static String snippet(String title, String text) {
    String one = (title == null ? text : title + " | " + text).replace('\n', ' ');
    return one.length() > 90 ? one.substring(0, 90) + "…" : one;
  }
}
