package dev.yuqing.app.cli;

import dev.yuqing.analysis.SearchTextAnalysis;
import dev.yuqing.core.UserError;
import dev.yuqing.core.config.Secrets;
import dev.yuqing.core.config.YuqingConfig;
import dev.yuqing.index.IndexException;
import dev.yuqing.index.PostIndex;
import dev.yuqing.index.PostIndexes;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code yuqing index requeue}: indexes the posts the Elasticsearch backend parked (dead letters)
 * again, once the cause is fixed.
 */
@Command(
    name = "requeue",
    mixinStandardHelpOptions = true,
    description = {
      "重新索引被拒的帖子 (index the posts Elasticsearch rejected again).",
      "Reads DIR/index/elasticsearch-dead-letter.jsonl, keeps it as …jsonl.requeued-<time>,"
          + " and upserts its posts; posts rejected again are parked afresh.",
      "Last line: requeued=N parked=M"
    })
public final class IndexRequeueCommand extends CliCommand implements Callable<Integer> {
  @Mixin ConfigFile.Required config; // its index is written

  @Mixin DataDir dataDir;

  @Override
  public Integer call() {
    PrintWriter out = out();
    Path data = dataDir.path;
    YuqingConfig cfg = config.load();
    Path file = PostIndexes.deadLetterFile(data);
    if (!Files.exists(file)) {
      out.println("没有被拒的帖子 (no dead letters at " + file + ")");
      out.println("requeued=0 parked=0");
      out.flush();
      return 0;
    }
    int requeued;
    try (PostIndex index =
        PostIndexes.open(cfg, data, Secrets.fromEnvironment(), SearchTextAnalysis.get())) {
      requeued = PostIndexes.requeueDeadLetters(index, data);
    } catch (IndexException e) {
      throw new UserError(e.getMessage(), e);
    }
    long parked = 0;
    try {
      if (Files.exists(file)) {
        parked = Files.readAllLines(file).stream().filter(l -> !l.isBlank()).count();
      }
    } catch (java.io.IOException e) {
      throw new UserError(file + ": cannot read: " + e.getMessage(), e);
    }
    out.println("requeued=" + requeued + " parked=" + parked);
    out.flush();
    return 0;
  }
}
