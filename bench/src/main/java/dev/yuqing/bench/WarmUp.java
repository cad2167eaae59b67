package dev.yuqing.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * When {@code bench stream} has warmed up: after a fixed number of whole-job runs, or once the JIT
 * compiler has settled — two runs in a row where its threads took at most {@link #SETTLED} of the
 * run's CPU — with a cap on runs and time, since a machine busy with other work may never get
 * there. Where the JIT's CPU cannot be read (not Linux), a fixed {@link #FALLBACK_RUNS}.
 */
final class WarmUp {
  /**
   * Share of a run's CPU the JIT may take in a settled run: low enough that the measured rounds
   * after it hardly compile (bench stream prints the JIT's share of each warm-up run).
   */
  static final double SETTLED = 0.05;

  static final int MAX_RUNS = 60;
  static final double MAX_SECONDS = 480;
  static final int FALLBACK_RUNS = 3;

  private final Integer fixed;
  private final List<double[]> runs = new ArrayList<>();

  private WarmUp(Integer fixed) {
    this.fixed = fixed;
  }

  /** Exactly {@code n} runs (0: none). */
  static WarmUp runs(int n) {
    if (n < 0) {
      throw new dev.yuqing.core.UserError("--warm-up-runs " + n + ": must be 0 or more");
    }
    return new WarmUp(n);
  }

  /** Until the JIT has settled (see the class comment). */
  static WarmUp untilSettled() {
    return new WarmUp(null);
  }

  /** Records a run: its JIT compiler CPU seconds (NaN: unknown) and its CPU seconds. */
  void add(double jitSeconds, double cpuSeconds) {
    runs.add(new double[] {jitSeconds, cpuSeconds});
  }

  int count() {
    return runs.size();
  }

  /** Whether to stop warming up, {@code elapsed} seconds after the first run started. */
  boolean done(double elapsed) {
    if (fixed != null) {
      return runs.size() >= fixed;
    }
    if (!runs.isEmpty() && Double.isNaN(runs.get(0)[0])) {
      return runs.size() >= FALLBACK_RUNS;
    }
    if (settled()) {
      return true;
    }
    return runs.size() >= MAX_RUNS || elapsed >= MAX_SECONDS;
  }

  private boolean settled() {
    int n = runs.size();
    return n >= 2 && calm(runs.get(n - 1)) && calm(runs.get(n - 2));
  }

  private static boolean calm(double[] run) {
    return run[0] <= SETTLED * run[1];
  }

  /** One line for the bench's output: how the warm-up ended (call once {@link #done} said so). */
  String verdict() {
    int n = runs.size();
    if (fixed != null) {
      return String.format(
          Locale.ROOT, "warm-up: %d run%s, as asked (--warm-up-runs)", n, n == 1 ? "" : "s");
    }
    if (n > 0 && Double.isNaN(runs.get(0)[0])) {
      return String.format(
          Locale.ROOT, "warm-up: %d runs (this system does not tell the JIT's CPU)", n);
    }
    if (!settled()) {
      return String.format(
          Locale.ROOT,
          "warm-up: the JIT compiler had not settled after %d runs; the figures below include"
              + " compiling",
          n);
    }
    return String.format(
        Locale.ROOT,
        "warm-up: the JIT compiler settled after %d runs (at most %.0f %% of a run's CPU, twice)",
        n,
        SETTLED * 100);
  }
}
