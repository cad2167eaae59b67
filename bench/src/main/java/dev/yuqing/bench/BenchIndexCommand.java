package dev.yuqing.bench;

import dev.yuqing.analysis.HandoverTagger;
import dev.yuqing.bench.index.IndexBenchmark;
import dev.yuqing.core.SharedData;
import dev.yuqing.core.UserError;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code yuqing bench index}: indexes posts built from real messages into Lucene and times the
 * dashboard queries. Last line: {@code docs=… docs_per_s=… heap_mb=… p50_query_ms=…
 * p95_query_ms=…}.
 */
@Command(
    name = "index",
    mixinStandardHelpOptions = true,
    description = {
      "索引基准 (index benchmark): indexes --docs posts built from real messages into a Lucene"
          + " index under --data, then times a fixed set of dashboard queries.",
      "Last line: docs=N docs_per_s=N heap_mb=N p50_query_ms=N p95_query_ms=N",
      "Targets: p95_query_ms <= 200 and heap_mb <= 2048 for 1 000 000 posts (-Xmx2g)."
    })
public final class BenchIndexCommand implements Callable<Integer> {
  static final String MESSAGES = "housing/messages.jsonl";

  @Spec CommandSpec spec;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      defaultValue = "./data",
      description = "the benchmark index goes to DIR/bench-index (default: ${DEFAULT-VALUE})")
  Path data;

  @Option(
      names = "--docs",
      defaultValue = "1000000",
      paramLabel = "N",
      description = "posts to index (default: ${DEFAULT-VALUE})")
  int docs;

  @Option(
      names = "--threads",
      defaultValue = "2",
      paramLabel = "N",
      description = "indexing threads (default: ${DEFAULT-VALUE})")
  int threads;

  @Option(
      names = "--repeats",
      defaultValue = "20",
      paramLabel = "N",
      description = "runs of each dashboard query (default: ${DEFAULT-VALUE})")
  int repeats;

  @Option(
      names = "--messages",
      paramLabel = "FILE",
      description = "JSON lines of real messages (default: ../shared/data/" + MESSAGES + ")")
  Path messages;

  @Option(names = "--keep", description = "keep the benchmark index afterwards")
  boolean keep;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Path file =
        messages != null
            ? messages
            : SharedData.file(MESSAGES)
                .orElseThrow(
                    () ->
                        new UserError(
                            "--messages: not given and "
                                + SharedData.missingReason(MESSAGES).replace(": skipped", "")));
    if (!Files.isRegularFile(file)) {
      throw new UserError("--messages: no such file: " + file);
    }
    IndexBenchmark.Options options;
    try {
      options = new IndexBenchmark.Options(docs, threads, repeats);
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage());
    }
    Path dir = data.resolve("bench-index");
    if (Files.exists(dir)) {
      delete(dir);
    }
    long t0 = System.nanoTime();
    IndexBenchmark bench = IndexBenchmark.fromMessages(file, HandoverTagger.create());
    out.printf(
        Locale.ROOT,
        "tagged the base messages of %s in %.1f s; indexing %d posts into %s with %d threads,"
            + " max heap %d MiB%n",
        file,
        (System.nanoTime() - t0) / 1e9,
        docs,
        dir,
        threads,
        Runtime.getRuntime().maxMemory() / (1024 * 1024));
    out.flush();
    IndexBenchmark.Result r = bench.run(dir, options, out);
    if (!keep) {
      delete(dir);
    }
    out.println(r.line());
    out.flush();
    return 0;
  }

  private static void delete(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(dir + ": cannot delete: " + e.getMessage(), e);
    }
  }
}
