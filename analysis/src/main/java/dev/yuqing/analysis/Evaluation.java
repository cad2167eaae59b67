package dev.yuqing.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import dev.yuqing.core.Post;
import dev.yuqing.core.Sentiment;
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
 * Measures the tagger on the handover gold (sentiment, topics, mobilisation, media). Sentiment
 * comes from models that never saw the scored rows: {@link SentimentEvaluation#goldFolds} gives one
 * per fold. Labelled corpora are measured by {@link SentimentEvaluation#corpus}.
 */
public final class Evaluation {
  /** Folds of cross-fitting. */
  public static final int FOLDS = SentimentEvaluation.FOLDS;

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
   * Scores the tagger on a gold file and prints the figures; returns sentiment macro-F1. Gold row
   * {@code i} is tagged with the sentiment model of fold {@code i % FOLDS}, which never saw it.
   */
  public static double gold(
      Path file, Path sharedData, Path handoverExamples, PrintStream out, boolean verbose)
      throws IOException {
    List<Gold> gold = readGold(file);
    SentimentModel[] models =
        SentimentEvaluation.goldFolds(file, sharedData, handoverExamples, out);
    HandoverTagger[] taggers = new HandoverTagger[FOLDS];
    for (int fold = 0; fold < FOLDS; fold++) {
      taggers[fold] = HandoverTagger.withModel(List.of(), models[fold]);
    }
    List<Sentiment> sentiments = new ArrayList<>();
    int[] topicTp = new int[Topic.values().length];
    int[] topicFp = new int[Topic.values().length];
    int[] topicFn = new int[Topic.values().length];
    int[] mob = new int[4]; // tp fp fn tn
    int[] media = new int[4];
    for (int i = 0; i < gold.size(); i++) {
      Gold g = gold.get(i);
      Post p = Post.builder().id(g.id()).sourceId("gold").title(g.title()).text(g.text()).build();
      TaggedPost t = taggers[i % FOLDS].tag(p);
      sentiments.add(t.sentiment());
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
    double macro = SentimentEvaluation.printGold(file, sentiments, out);
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
