package dev.yuqing.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import dev.yuqing.analysis.Corpora.Example;
import dev.yuqing.core.Post;
import dev.yuqing.core.SentimentLabel;
import dev.yuqing.core.TaggedPost;
import dev.yuqing.core.Topic;
import dev.yuqing.core.json.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Measures the tagger: on the handover gold (sentiment, topics, mobilisation, media) and on review
 * corpora (sentiment; a review tagged neutral is wrong). Scores come from models that never saw the
 * scored rows: when the shipped model was trained on a corpus (its manifest holds the file's
 * SHA-256), the corpus is cross-fitted instead — split into folds, each fold scored by a model
 * retrained on everything else.
 */
public final class Evaluation {
  /** Folds of cross-fitting. */
  public static final int FOLDS = 5;

  private static final SentimentLabel[] LABELS = SentimentLabel.values();

  private Evaluation() {}

  /** One gold message with its labels. */
  record Gold(
      String id,
      String title,
      String text,
      SentimentLabel sentiment,
      Set<Topic> topics,
      boolean mobilization,
      boolean media) {}

  static List<Gold> readGold(Path file) throws IOException {
    List<Gold> out = new ArrayList<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      try {
        JsonNode n = Json.mapper().readTree(lines.get(i));
        Set<Topic> topics = EnumSet.noneOf(Topic.class);
        n.path("topics").forEach(t -> topics.add(Topic.parse(t.asText())));
        if (topics.isEmpty()) {
          topics.add(Topic.OTHER);
        }
        out.add(
            new Gold(
                n.path("id").asText(),
                n.path("title").isTextual() ? n.path("title").asText() : null,
                n.path("text").asText(""),
                SentimentLabel.parse(n.path("sentiment").asText()),
                topics,
                n.path("mobilization").asBoolean(false),
                n.path("media").asBoolean(false)));
      } catch (IOException | IllegalArgumentException e) {
        throw new IOException(file + ":" + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    return out;
  }

  /**
   * Scores the tagger on a gold file and prints the figures; returns sentiment macro-F1. When the
   * shipped model was trained on this file, each fold is tagged by a tagger whose model was
   * retrained without that fold.
   */
  public static double gold(
      Path file, Path sharedData, Path handoverExamples, PrintStream out, boolean verbose)
      throws IOException {
    List<Gold> gold = readGold(file);
    String sha = Corpora.sha256(file);
    SentimentModel shipped = SentimentModel.shipped();
    HandoverTagger[] taggers = new HandoverTagger[FOLDS];
    if (shipped.trainedOn().stream().noneMatch(s -> s.sha256().equals(sha))) {
      out.printf("gold: %s, tagged by the shipped model, which never saw it%n", file);
      java.util.Arrays.fill(taggers, HandoverTagger.create());
    } else {
      if (sharedData == null) {
        throw new IOException(
            "the shipped model was trained on "
                + file.getFileName()
                + ": cross-fitting needs the shared data to retrain");
      }
      out.printf(
          "gold: %s; the shipped model's stance layer was trained on its sentiment labels, so it is"
              + " cross-fitted: %d folds, each tagged with the shipped polarity (trained on reviews"
              + " only) and a stance layer retrained without that fold%n",
          file, FOLDS);
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
      for (int fold = 0; fold < FOLDS; fold++) {
        List<SentimentTrainer.Row> train = new ArrayList<>(handoverRows);
        for (int i = 0; i < goldRows.size(); i++) {
          if (i % FOLDS != fold) {
            train.add(goldRows.get(i));
          }
        }
        SentimentModel m = trainer.withStance(shipped, train, reviewRows, manifest);
        taggers[fold] = HandoverTagger.withModel(List.of(), m);
        out.printf(
            Locale.ROOT,
            "  fold %d/%d trained (%.0f s)%n",
            fold + 1,
            FOLDS,
            (System.nanoTime() - t0) / 1e9);
      }
    }
    int[][] confusion = new int[3][3];
    int[] topicTp = new int[Topic.values().length];
    int[] topicFp = new int[Topic.values().length];
    int[] topicFn = new int[Topic.values().length];
    int[] mob = new int[4]; // tp fp fn tn
    int[] media = new int[4];
    for (int i = 0; i < gold.size(); i++) {
      Gold g = gold.get(i);
      Post p = Post.builder().id(g.id()).sourceId("gold").title(g.title()).text(g.text()).build();
      TaggedPost t = taggers[i % FOLDS].tag(p);
      confusion[g.sentiment().ordinal()][t.sentiment().label().ordinal()]++;
      Set<Topic> predicted = EnumSet.copyOf(t.topics());
      for (Topic topic : Topic.values()) {
        boolean inGold = g.topics().contains(topic);
        boolean inPred = predicted.contains(topic);
        if (inGold && inPred) {
          topicTp[topic.ordinal()]++;
        } else if (inPred) {
          topicFp[topic.ordinal()]++;
        } else if (inGold) {
          topicFn[topic.ordinal()]++;
        }
      }
      count(mob, g.mobilization(), t.signals().mobilization());
      count(media, g.media(), t.signals().media());
      if (verbose
          && (g.sentiment() != t.sentiment().label()
              || !g.topics().equals(predicted)
              || g.mobilization() != t.signals().mobilization()
              || g.media() != t.signals().media())) {
        out.printf(
            Locale.ROOT,
            "%s gold=%s/%s/mob=%s/media=%s got=%s(%.2f)/%s/mob=%s/media=%s | %s%n",
            g.id(),
            g.sentiment().json(),
            labels(g.topics()),
            g.mobilization(),
            g.media(),
            t.sentiment().label().json(),
            t.sentiment().score(),
            labels(predicted),
            t.signals().mobilization(),
            t.signals().media(),
            snippet(g.title() == null ? g.text() : g.title() + " | " + g.text()));
      }
    }
    out.printf("gold: %d messages%n", gold.size());
    double macro = printSentiment(confusion, out);
    int tp = 0;
    int fp = 0;
    int fn = 0;
    double macroTopic = 0;
    int topicsSeen = 0;
    StringBuilder per = new StringBuilder();
    for (Topic topic : Topic.values()) {
      int i = topic.ordinal();
      tp += topicTp[i];
      fp += topicFp[i];
      fn += topicFn[i];
      if (topicTp[i] + topicFp[i] + topicFn[i] > 0) {
        double f = f1(topicTp[i], topicFp[i], topicFn[i]);
        macroTopic += f;
        topicsSeen++;
        per.append(String.format(Locale.ROOT, " %s=%.2f", topic.label(), f));
      }
    }
    out.printf(
        Locale.ROOT,
        "topics: micro-F1 %.3f  macro-F1 %.3f  (precision %.3f recall %.3f)%n",
        f1(tp, fp, fn),
        topicsSeen == 0 ? 0 : macroTopic / topicsSeen,
        ratio(tp, tp + fp),
        ratio(tp, tp + fn));
    out.println("  per topic F1:" + per);
    printBinary("mobilization", mob, out);
    printBinary("media", media, out);
    return macro;
  }

  private static void count(int[] c, boolean gold, boolean pred) {
    c[gold ? (pred ? 0 : 2) : (pred ? 1 : 3)]++;
  }

  private static void printBinary(String name, int[] c, PrintStream out) {
    out.printf(
        Locale.ROOT,
        "%s: precision %.3f recall %.3f  (tp %d fp %d fn %d)%n",
        name,
        ratio(c[0], c[0] + c[1]),
        ratio(c[0], c[0] + c[2]),
        c[0],
        c[1],
        c[2]);
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

  private static String labels(Set<Topic> topics) {
    StringBuilder sb = new StringBuilder();
    for (Topic t : topics) {
      sb.append(sb.length() == 0 ? "" : ",").append(t.label());
    }
    return sb.toString();
  }

  private static String snippet(String s) {
    String one = s.replace('\n', ' ');
    return one.length() > 90 ? one.substring(0, 90) + "…" : one;
  }
}
