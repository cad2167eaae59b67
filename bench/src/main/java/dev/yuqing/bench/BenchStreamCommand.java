package dev.yuqing.bench;

import dev.yuqing.analysis.HandoverTagger;
import dev.yuqing.core.Post;
import dev.yuqing.core.UserError;
import dev.yuqing.core.config.StreamConfig;
import dev.yuqing.stream.EmbeddedJob;
import dev.yuqing.stream.Pipelines;
import dev.yuqing.stream.StreamReport;
import dev.yuqing.stream.metrics.LatencyHistogram;
import dev.yuqing.stream.metrics.StageMetrics;
import dev.yuqing.stream.source.ReplayFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code yuqing bench stream}: the whole job (normalise, dedup, tag, index, windows, rules, alert
 * hand-off) in an embedded cluster over a fixed file of posts, against bare tagging of the same
 * posts with as many threads as the job's parallelism, in the same JVM; then a paced run at half
 * the measured throughput for the latency from ingest to the rules' decision.
 */
@Command(
    name = "stream",
    mixinStandardHelpOptions = true,
    description = {
      "流处理基准：完整作业的吞吐量、同一批帖子单纯打标的吞吐量，以及限速回放时从读入到预警判定的延迟。",
      "After a warm-up (not measured: the whole job again and again until the JIT compiler has settled, or --warm-up-runs times; the tagger alone after the first run), phase 1: the job as fast as it goes (posts/s from the first post in to the last one"
          + " written to the index). Phase 2: the same tagger alone on the same posts, same number"
          + " of threads. Phase 3: a replay in event time at the speed factor that plays its posts"
          + " in --latency-seconds (at most half the phase-1 rate) for ingest → alert decision"
          + " latency. Last line: posts_per_s=… tag_posts_per_s=… ratio=… p95_alert_ms=…",
      "Default input: the shared data's housing/messages.jsonl.",
    })
public final class BenchStreamCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--in", paramLabel = "FILE", description = "posts as JSON lines (see replay)")
  Path in;

  @Option(
      names = "--parallelism",
      description = "job parallelism and tagging threads (default: 2 or the cores, if fewer)")
  Integer parallelism;

  @Option(
      names = "--latency-seconds",
      defaultValue = "30",
      description = "length of the paced run (default: ${DEFAULT-VALUE})")
  int latencySeconds;

  @Option(
      names = "--warm-up-runs",
      paramLabel = "N",
      description = {
        "whole-job runs before the measured one (default: until the JIT compiler has settled, see"
            + " docs/stream.md)"
      })
  Integer warmUpRuns;

  @Option(
      names = "--rounds",
      defaultValue = "5",
      paramLabel = "N",
      description =
          "measured rounds, each the whole job then bare tagging; the medians count (default:"
              + " ${DEFAULT-VALUE})")
  int rounds;

  @Option(
      names = "--cpu-by-thread",
      description =
          "after each measured round of the job, its CPU by thread group (Linux /proc only)")
  boolean cpuByThread;

  @Override
  public Integer call() throws Exception {
    Path file = BenchCommand.messages(in, "bench stream");
    int p =
        parallelism != null
            ? parallelism
            : Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
    if (p < 1) {
      throw new UserError("--parallelism " + p + ": must be at least 1");
    }
    if (rounds < 1) {
      throw new UserError("--rounds " + rounds + ": must be at least 1");
    }
    List<String> lines = new ArrayList<>();
    List<Post> posts = new ArrayList<>();
    int n = 0;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      n++;
      if (line.isBlank()) {
        continue;
      }
      try {
        posts.add(ReplayFormat.parse(line, file.getFileName() + ":" + n, Instant.now()));
        lines.add(line);
      } catch (ReplayFormat.BadLine e) {
        // skipped here as the replay skips it
      }
    }
    if (posts.isEmpty()) {
      throw new UserError("bench stream: " + file + " holds no posts");
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        Locale.ROOT,
        "%d posts from %s, parallelism %d, %d cores%n",
        posts.size(),
        file,
        p,
        Runtime.getRuntime().availableProcessors());
    out.flush();
    StreamConfig stream = StreamConfig.DEFAULT.withParallelism(p);
    Path work = Files.createTempDirectory("yuqing-bench-stream");
    // Each run's directory is kept until the end, not deleted before the next run: on an ext4
    // without a journal every file created soon after thousands were deleted walks past their
    // freed inodes, and the bench would measure its own clean-up. Ctrl-C deletes them too.
    Thread cleanUp =
        new Thread(
            () -> {
              try {
                delete(work);
              } catch (IOException | RuntimeException e) {
                // the JVM is going down; the temporary directory says what it is
              }
            },
            "yuqing-bench-clean-up");
    Runtime.getRuntime().addShutdownHook(cleanUp);
    try {
      // warm-up, not measured: the whole job over the same posts (each run into its own
      // directory; the tagger alone after the first) until the JIT compiler has settled, so that
      // both measured phases run compiled code: a job that runs for days is measured warm. Each
      // warm-up line prints the JIT's CPU of that run.
      long w0 = System.nanoTime();
      // every distinct post is written once as a new document (edits and re-links rewrite one)
      long distinct = posts.stream().map(Post::id).distinct().count();
      WarmUp warm = warmUpRuns != null ? WarmUp.runs(warmUpRuns) : WarmUp.untilSettled();
      while (!warm.done((System.nanoTime() - w0) / 1e9)) {
        Throughput run = new Throughput(distinct);
        int r = warm.count() + 1;
        timed(stream, file, work.resolve("warm-up-" + r), "bench-warm-up", run);
        if (r == 1) {
          bareTagging(posts, p);
        }
        double[] jitAndGc = run.jitAndGcSeconds();
        warm.add(jitAndGc[0], run.cpuSeconds());
        out.printf(
            Locale.ROOT,
            "warm-up %d (not measured): the job %.1f posts/s, JIT %.1f s of CPU %.1f s%s; %.1f s%n",
            r,
            run.rate(),
            jitAndGc[0],
            run.cpuSeconds(),
            r == 1 ? ", then the tagger alone" : "",
            (System.nanoTime() - w0) / 1e9);
        out.flush();
      }
      out.println(warm.verdict());
      out.flush();

      // phases 1 and 2, alternated --rounds times, the medians counting: a machine's speed drifts
      // from minute to minute, and one round can land on a slow stretch
      List<Double> streamRates = new ArrayList<>();
      List<Double> tagRates = new ArrayList<>();
      List<Double> streamCpus = new ArrayList<>();
      List<Double> tagCpus = new ArrayList<>();
      for (int r = 1; r <= rounds; r++) {
        String round = rounds > 1 ? " [round " + r + " of " + rounds + "]" : "";
        // phase 1: the whole job, as fast as it goes
        Throughput tp = new Throughput(distinct);
        Path dir = work.resolve("throughput-" + r);

        EmbeddedJob.Outcome o1 = timed(stream, file, dir, "bench", tp);
        double[] jitAndGc = tp.jitAndGcSeconds();
        out.printf(
            Locale.ROOT,
            "stream: %d posts indexed in %.2f s (first in → last written to the index) = %.1f"
                + " posts/s; job %.1f s with start-up; this JVM's CPU in between %.1f s, of which"
                + " the JIT compiler threads %.1f s and the garbage collector %.1f s%s%n",
            o1.metrics().count(StageMetrics.INDEXED),
            tp.seconds(),
            tp.rate(),
            o1.millis() / 1000.0,
            tp.cpuSeconds(),
            jitAndGc[0],
            jitAndGc[1],
            round);
        if (cpuByThread) {
          out.print(tp.byThread());
        }
        out.flush();

        // phase 2: the tagger alone, same posts, same threads, same JVM (already warm)
        long cpu0 = Throughput.cpuNanos();
        double tagRate = bareTagging(posts, p);
        double tagCpu = (Throughput.cpuNanos() - cpu0) / 1e9;
        out.printf(
            Locale.ROOT,
            "bare tagging: %.1f posts/s on %d threads; this JVM's CPU %.1f s%s%n",
            tagRate,
            p,
            tagCpu,
            round);
        // the machine may be shared: CPU time per post does not depend on what else runs
        out.printf(
            Locale.ROOT,
            "CPU per post: stream %.2f ms, bare tagging %.2f ms (bare/stream %.2f)%s%n",
            tp.cpuSeconds() * 1000 / posts.size(),
            tagCpu * 1000 / posts.size(),
            tagCpu / tp.cpuSeconds(),
            round);
        out.flush();
        streamRates.add(tp.rate());
        tagRates.add(tagRate);
        streamCpus.add(tp.cpuSeconds() * 1000 / posts.size());
        tagCpus.add(tagCpu * 1000 / posts.size());
      }
      double streamRate = median(streamRates);
      double tagRate = median(tagRates);
      if (rounds > 1) {
        out.printf(
            Locale.ROOT,
            "medians of %d rounds: stream %.1f posts/s, bare tagging %.1f posts/s; CPU per post"
                + " stream %.2f ms, bare tagging %.2f ms%n",
            rounds,
            streamRate,
            tagRate,
            median(streamCpus),
            median(tagCpus));
        out.flush();
      }

      // phase 3: in event time at a speed factor that plays the posts in --latency-seconds
      // (gaps between posts scaled evenly, so windows, watermarks and alerts are those of a
      // real-time run), and never faster than half the stream's rate, so no backlog builds up
      double rate = Math.max(1, streamRate / 2);
      int m = (int) Math.min(lines.size(), Math.max(50, rate * latencySeconds / 3));
      Path paced = work.resolve("paced.jsonl");
      Files.write(paced, lines.subList(0, m), StandardCharsets.UTF_8);
      long first = Long.MAX_VALUE;
      long last = Long.MIN_VALUE;
      for (Post post : posts.subList(0, m)) {
        first = Math.min(first, post.eventTime().toEpochMilli());
        last = Math.max(last, post.eventTime().toEpochMilli());
      }
      double speed = Math.max(1, (last - first) / (latencySeconds * 1000.0));
      EmbeddedJob.Outcome o3 =
          EmbeddedJob.run(
              Pipelines.replay(
                  null,
                  stream,
                  new Pipelines.Replay(paced, speed, rate),
                  Pipelines.Options.embedded(work.resolve("latency"))),
              stream,
              work.resolve("latency"),
              "bench-latency",
              false,
              Duration.ofSeconds(5),
              s -> {});
      out.printf(
          Locale.ROOT,
          "paced replay: %d posts in event time at speed %.0f, at most %.1f posts/s%n",
          m,
          speed,
          rate);
      StreamReport.latency(
          out, "ingest → alert decision", o3.metrics().histogram(StageMetrics.LATENCY_DECISION));
      StreamReport.latency(
          out, "ingest → alert raised", o3.metrics().histogram(StageMetrics.LATENCY_ALERT));
      StreamReport.latency(
          out, "ingest → indexed", o3.metrics().histogram(StageMetrics.LATENCY_INDEXED));
      LatencyHistogram decision = o3.metrics().histogram(StageMetrics.LATENCY_DECISION);
      out.printf(
          Locale.ROOT,
          "posts_per_s=%.1f tag_posts_per_s=%.1f ratio=%.2f p95_alert_ms=%d%n",
          streamRate,
          tagRate,
          streamRate / tagRate,
          decision.quantile(0.95));
      out.flush();
      return 0;
    } finally {
      delete(work);
      try {
        Runtime.getRuntime().removeShutdownHook(cleanUp);
      } catch (IllegalStateException e) {
        // already shutting down
      }
    }
  }

  /** The job over {@code file} as fast as it goes, under {@code dir}, timed by {@code tp}. */
  private static EmbeddedJob.Outcome timed(
      StreamConfig stream, Path file, Path dir, String name, Throughput tp) throws Exception {
    EmbeddedJob.Outcome o =
        EmbeddedJob.run(
            Pipelines.replay(
                null,
                stream,
                Pipelines.Replay.asFastAsPossible(file),
                Pipelines.Options.embedded(dir)),
            stream,
            dir,
            name,
            false,
            Duration.ofMillis(50),
            tp::sample);
    tp.sample(o.metrics());
    return o;
  }

  static double median(List<Double> xs) {
    List<Double> s = xs.stream().sorted().toList();
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }

  private static double bareTagging(List<Post> posts, int threads) throws Exception {
    HandoverTagger tagger =
        HandoverTagger.create(Pipelines.defaultReplayConfig(StreamConfig.DEFAULT).projects());
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      long t0 = System.nanoTime();
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int offset = t;
        done.add(
            pool.submit(
                () -> {
                  for (int i = offset; i < posts.size(); i += threads) {
                    tagger.tag(posts.get(i));
                  }
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
      return posts.size() / ((System.nanoTime() - t0) / 1e9);
    } finally {
      pool.shutdownNow();
    }
  }

  /** Deletes a run's directory; what vanished meanwhile (Flink cleaning up its own) is fine. */
  static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    Files.walkFileTree(
        dir,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path f, BasicFileAttributes a) throws IOException {
            Files.deleteIfExists(f);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path f, IOException e) throws IOException {
            if (e instanceof java.nio.file.NoSuchFileException) {
              return FileVisitResult.CONTINUE;
            }
            throw e;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
            Files.deleteIfExists(d);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
