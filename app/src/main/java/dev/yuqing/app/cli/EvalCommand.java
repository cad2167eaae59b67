package dev.yuqing.app.cli;

import dev.yuqing.analysis.GoldEvaluation;
import dev.yuqing.analysis.SentimentEvaluation;
import dev.yuqing.analysis.SentimentTraining;
import dev.yuqing.analysis.SignalTraining;
import dev.yuqing.core.SharedData;
import dev.yuqing.core.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code yuqing eval}: measures the tagger on the handover gold or on a review corpus. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    subcommands = EvalExtractCommand.class,
    description = {
      "Measure the tagger.",
      "--gold FILE.jsonl: sentiment accuracy and macro-F1, confusion matrix, topic micro/macro-F1,"
          + " mobilisation and media precision/recall.",
      "--corpus FILE.csv: sentiment on a label,review corpus (1 positive, 0 negative; neutral is"
          + " wrong: accuracy) or a sentiment,text corpus (negative, neutral, positive: macro-F1).",
      "A file that shares texts with the shipped model's training data (the review dev splits,"
          + " the Weibo sets, the dev gold) is cross-fitted: each of 5 folds is scored by a model"
          + " retrained without those texts."
    })
public final class EvalCommand implements Callable<Integer> {

  // optional so that the extract subcommand runs without them; call() requires one
  @ArgGroup(exclusive = true, multiplicity = "0..1")
  Target target;

  static final class Target {
    @Option(names = "--gold", description = "handover gold JSON lines")
    Path gold;

    @Option(
        names = "--corpus",
        description = "labelled corpus CSV (label,review or sentiment,text)")
    Path corpus;
  }

  @Option(names = "--shared-data", description = "shared data directory, for retraining")
  Path sharedData;

  @Option(
      names = "--examples",
      description = "handover examples TSV, for retraining (default: ${DEFAULT-VALUE})",
      defaultValue = SentimentTraining.EXAMPLES)
  Path examples;

  @Option(
      names = "--signal-examples",
      description = "written signal examples TSV, for retraining (default: ${DEFAULT-VALUE})",
      defaultValue = SignalTraining.EXAMPLES)
  Path signalExamples;

  @Mixin Mistakes mistakes;

  @Override
  public Integer call() throws IOException {
    if (target == null) {
      throw new UserError("eval: give --gold FILE or --corpus FILE (or: eval extract)");
    }
    Path file = target.gold != null ? target.gold : target.corpus;
    if (!Files.isRegularFile(file)) {
      throw new UserError("eval: " + file + ": no such file");
    }
    try {
      Path data = sharedData != null ? sharedData : SharedData.locate().orElse(null);
      if (target.gold != null) {
        GoldEvaluation.run(file, data, examples, signalExamples, System.out, mistakes.listed);
      } else {
        SentimentEvaluation.corpus(file, data, examples, System.out);
      }
    } catch (IOException e) {
      throw new UserError("eval: " + e.getMessage(), e);
    }
    return 0;
  }
}
