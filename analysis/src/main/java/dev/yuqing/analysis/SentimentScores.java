package dev.yuqing.analysis;

import dev.yuqing.core.Sentiment;
import dev.yuqing.core.SentimentLabel;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Tallies sentiment verdicts against gold labels: the confusion matrix, and the scores by bin for
 * calibration (a score is the model's probability that its label is right; a calibrated model is
 * right that often). Not thread-safe.
 */
final class SentimentScores {
  private static final SentimentLabel[] LABELS = SentimentLabel.values();
  private static final int BINS = 10;

  private final int[][] confusion = new int[3][3];
  private final int[] binCount = new int[BINS];
  private final int[] binRight = new int[BINS];
  private final double[] binScore = new double[BINS];

  /** Adds one verdict; {@code gold} is -1, 0 or 1. */
  void add(int gold, Sentiment predicted) {
    int p = predicted.label().ordinal();
    confusion[gold + 1][p]++;
    int bin = Math.min(BINS - 1, (int) (predicted.score() * BINS));
    binCount[bin]++;
    binScore[bin] += predicted.score();
    binRight[bin] += gold + 1 == p ? 1 : 0;
  }

  int total() {
    int n = 0;
    for (int[] row : confusion) {
      for (int v : row) {
        n += v;
      }
    }
    return n;
  }

  double accuracy() {
    int n = total();
    return n == 0 ? 0 : (double) (confusion[0][0] + confusion[1][1] + confusion[2][2]) / n;
  }

  /** How many classes occur in the gold labels. */
  int goldClasses() {
    int c = 0;
    for (int[] row : confusion) {
      c += row[0] + row[1] + row[2] > 0 ? 1 : 0;
    }
    return c;
  }

  /** Whether class {@code c} (ordinal of {@link SentimentLabel}) occurs in gold or predictions. */
  boolean seen(int c) {
    return confusion[c][0]
            + confusion[c][1]
            + confusion[c][2]
            + confusion[0][c]
            + confusion[1][c]
            + confusion[2][c]
        > 0;
  }

  /** F1 of one class (ordinal of {@link SentimentLabel}), precision and recall in {@code pr}. */
  double f1(int c, double[] pr) {
    int tp = confusion[c][c];
    int gold = confusion[c][0] + confusion[c][1] + confusion[c][2];
    int pred = confusion[0][c] + confusion[1][c] + confusion[2][c];
    pr[0] = pred == 0 ? 0 : (double) tp / pred;
    pr[1] = gold == 0 ? 0 : (double) tp / gold;
    return tp == 0 ? 0 : 2.0 * tp / (gold + pred);
  }

  /** Macro-F1 over the classes the gold holds. */
  double macroF1() {
    double sum = 0;
    int n = 0;
    double[] pr = new double[2];
    for (int c = 0; c < 3; c++) {
      if (confusion[c][0] + confusion[c][1] + confusion[c][2] > 0) {
        sum += f1(c, pr);
        n++;
      }
    }
    return n == 0 ? 0 : sum / n;
  }

  /** Expected calibration error: the mean gap between score and accuracy, bin by bin. */
  double calibrationError() {
    int n = total();
    double e = 0;
    for (int b = 0; b < BINS; b++) {
      if (binCount[b] > 0) {
        e += Math.abs(binScore[b] - binRight[b]);
      }
    }
    return n == 0 ? 0 : e / n;
  }

  /** Prints the full report under {@code name}; returns macro-F1. */
  double print(String name, PrintStream out) {
    double macro = macroF1();
    out.printf(
        Locale.ROOT,
        "%s: %d texts, accuracy %.3f, macro-F1 %.3f over %d classes%n",
        name,
        total(),
        accuracy(),
        macro,
        goldClasses());
    double[] pr = new double[2];
    for (int c = 0; c < 3; c++) {
      double f = f1(c, pr);
      out.printf(
          Locale.ROOT,
          "  %-8s F1 %.3f  precision %.3f  recall %.3f%n",
          LABELS[c].json(),
          f,
          pr[0],
          pr[1]);
    }
    out.println("  confusion (rows gold, columns predicted):");
    out.printf("    %-10s %8s %8s %8s%n", "", "negative", "neutral", "positive");
    for (int i = 0; i < 3; i++) {
      out.printf(
          "    %-10s %8d %8d %8d%n",
          LABELS[i].json(), confusion[i][0], confusion[i][1], confusion[i][2]);
    }
    StringBuilder bins = new StringBuilder();
    for (int b = 0; b < BINS; b++) {
      if (binCount[b] > 0) {
        bins.append(
            String.format(
                Locale.ROOT,
                " %.1f-%.1f:%.2f(%d)",
                (double) b / BINS,
                (double) (b + 1) / BINS,
                (double) binRight[b] / binCount[b],
                binCount[b]));
      }
    }
    out.printf(
        Locale.ROOT, "  calibration: error %.3f; right by score%s%n", calibrationError(), bins);
    return macro;
  }

  /** One line: count, accuracy, and F1 of each class the gold holds. */
  void printLine(String name, PrintStream out) {
    StringBuilder per = new StringBuilder();
    double[] pr = new double[2];
    for (int c = 0; c < 3; c++) {
      if (confusion[c][0] + confusion[c][1] + confusion[c][2] > 0) {
        per.append(String.format(Locale.ROOT, " %s=%.3f", LABELS[c].json(), f1(c, pr)));
      }
    }
    out.printf(
        Locale.ROOT, "%-12s %4d texts, accuracy %.3f, F1%s%n", name, total(), accuracy(), per);
  }
}
