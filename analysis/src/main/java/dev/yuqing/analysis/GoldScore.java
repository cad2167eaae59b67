package dev.yuqing.analysis;

import dev.yuqing.analysis.learn.BinaryCounts;
import dev.yuqing.core.SentimentLabel;
import dev.yuqing.core.TaggedPost;
import dev.yuqing.core.Topic;
import java.io.PrintStream;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/** The figures of tagged gold messages against their labels; one per gold file or per source. */
final class GoldScore {
  private final SentimentScores sentiment = new SentimentScores();
  private final int[] topicTp = new int[Topic.values().length];
  private final int[] topicFp = new int[Topic.values().length];
  private final int[] topicFn = new int[Topic.values().length];
  private BinaryCounts mobilization = BinaryCounts.ZERO;
  private BinaryCounts collectiveAct = BinaryCounts.ZERO;
  private BinaryCounts media = BinaryCounts.ZERO;
  private int times;
  private int timesRight;
  private int places;
  private int placesRight;
  private int messages;

  void add(GoldFile.Gold g, TaggedPost t) {
    messages++;
    sentiment.add(g.sentiment().ordinal() - 1, t.sentiment());
    Set<Topic> predicted = EnumSet.copyOf(t.topics());
    for (Topic topic : Topic.values()) {
      boolean inGold = g.topics().contains(topic);
      boolean inPred = predicted.contains(topic);
      int i = topic.ordinal();
      if (inGold && inPred) {
        topicTp[i]++;
      } else if (inPred) {
        topicFp[i]++;
      } else if (inGold) {
        topicFn[i]++;
      }
    }
    mobilization = mobilization.add(g.mobilization(), t.signals().mobilization());
    collectiveAct = collectiveAct.add(g.collectivePast(), t.signals().collectiveAct());
    media = media.add(g.media(), t.signals().media());
    if (g.mobilizationTime() != null) {
      times++;
      timesRight += Objects.equals(g.mobilizationTime(), t.signals().mobilizationTime()) ? 1 : 0;
    }
    if (g.mobilizationPlace() != null) {
      places++;
      placesRight += Objects.equals(g.mobilizationPlace(), t.signals().mobilizationPlace()) ? 1 : 0;
    }
  }

  /** F1 of one sentiment class, or NaN when the class is absent from gold and predictions. */
  double sentimentF1(SentimentLabel l) {
    return sentiment.seen(l.ordinal()) ? sentiment.f1(l.ordinal(), new double[2]) : Double.NaN;
  }

  /** Topic micro-F1 over every topic, 其他 included. */
  double topicMicroF1() {
    int tp = 0;
    int fp = 0;
    int fn = 0;
    for (int i = 0; i < topicTp.length; i++) {
      tp += topicTp[i];
      fp += topicFp[i];
      fn += topicFn[i];
    }
    return f1(tp, fp, fn);
  }

  /** The full report. */
  void print(PrintStream out) {
    int tp = 0;
    int fp = 0;
    int fn = 0;
    double macro = 0;
    int seen = 0;
    StringBuilder per = new StringBuilder();
    for (Topic topic : Topic.values()) {
      int i = topic.ordinal();
      tp += topicTp[i];
      fp += topicFp[i];
      fn += topicFn[i];
      if (topicTp[i] + topicFp[i] + topicFn[i] > 0) {
        double f = f1(topicTp[i], topicFp[i], topicFn[i]);
        macro += f;
        seen++;
        per.append(
            String.format(
                Locale.ROOT,
                " %s=%.2f(p%.2f r%.2f)",
                topic.label(),
                f,
                ratio(topicTp[i], topicTp[i] + topicFp[i]),
                ratio(topicTp[i], topicTp[i] + topicFn[i])));
      }
    }
    out.printf(
        Locale.ROOT,
        "topics: micro-F1 %.3f  macro-F1 %.3f  (precision %.3f recall %.3f)%n",
        f1(tp, fp, fn),
        seen == 0 ? 0 : macro / seen,
        ratio(tp, tp + fp),
        ratio(tp, tp + fn));
    out.println("  per topic F1:" + per);
    out.println("mobilization: " + mobilization.summary());
    out.printf(
        "  time and place where the gold gives them: time %d/%d, place %d/%d%n",
        timesRight, times, placesRight, places);
    out.println("collectiveAct: " + collectiveAct.summary());
    out.println("media: " + media.summary());
  }

  /** One line for the per-source table. */
  String line(String source) {
    return String.format(
        Locale.ROOT,
        "  %-10s %4d  neg-F1 %s  neu-F1 %s  topics %.2f  mob %s  collective %s  media %s",
        source,
        messages,
        fmt(sentimentF1(SentimentLabel.NEGATIVE)),
        fmt(sentimentF1(SentimentLabel.NEUTRAL)),
        topicMicroF1(),
        counts(mobilization),
        counts(collectiveAct),
        counts(media));
  }

  private static String counts(BinaryCounts c) {
    return c.tp() + c.fn() + c.fp() == 0
        ? "—"
        : String.format(Locale.ROOT, "p%.2f/r%.2f(%d)", c.precision(), c.recall(), c.tp() + c.fn());
  }

  private static String fmt(double v) {
    return Double.isNaN(v) ? "  — " : String.format(Locale.ROOT, "%.2f", v);
  }

  static double f1(int tp, int fp, int fn) {
    return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
  }

  static double ratio(int a, int b) {
    return b == 0 ? 0 : (double) a / b;
  }
}
