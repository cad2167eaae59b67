package dev.yuqing.bench.index;

import com.fasterxml.jackson.databind.JsonNode;
import dev.yuqing.analysis.SearchTextAnalysis;
import dev.yuqing.core.DaemonThreads;
import dev.yuqing.core.Ids;
import dev.yuqing.core.Post;
import dev.yuqing.core.SentimentLabel;
import dev.yuqing.core.TaggedPost;
import dev.yuqing.core.Tagger;
import dev.yuqing.core.Topic;
import dev.yuqing.core.json.Json;
import dev.yuqing.index.AggregationRequest;
import dev.yuqing.index.IndexStats;
import dev.yuqing.index.PostIndex;
import dev.yuqing.index.PostIndexes;
import dev.yuqing.index.SearchRequest;
import dev.yuqing.index.SearchResult;
import dev.yuqing.index.SignalKind;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * {@code yuqing bench index}: indexes N posts built from real messages into a Lucene index and runs
 * a fixed set of dashboard queries. Last line: {@code docs=… docs_per_s=… heap_mb=… p50_query_ms=…
 * p95_query_ms=…}.
 *
 * <p>Posts: each base message is tagged once with the real tagger; every generated post takes one
 * to four consecutive sentences of a base message (sometimes plus a sentence of another one), the
 * base's tags, one of 40 projects, an author from a long-tailed pool of 50 000, a time in a 180-day
 * window with a daily rhythm, and long-tailed likes and replies. Indexing time covers generation,
 * HanLP analysis, writing and the final commit. {@code heap_mb} is the highest heap use sampled
 * every 50 ms during the whole run.
 */
public final class IndexBenchmark {
  /** End of the generated time window. */
  static final Instant END = Instant.parse("2025-06-30T16:00:00Z");

  static final int DAYS = 180;

  private static final String[] PROJECTS = projects();
  private static final String[] SOURCES = {
    "forum-tieba", "forum-house", "news-rss", "weibo", "chat-export", "manual"
  };

  /**
   * What to run.
   *
   * @param docs how many posts to index
   * @param threads indexing threads
   * @param repeats how often each dashboard query runs (after one warm-up round)
   */
  public record Options(int docs, int threads, int repeats) {
    public Options {
      if (docs < 1) {
        throw new IllegalArgumentException("--docs: must be at least 1, got " + docs);
      }
      if (threads < 1) {
        throw new IllegalArgumentException("--threads: must be at least 1, got " + threads);
      }
      if (repeats < 1) {
        throw new IllegalArgumentException("--repeats: must be at least 1, got " + repeats);
      }
    }
  }

  /** The figures of one run. */
  public record Result(
      long docs, double docsPerSecond, long heapMb, double p50QueryMs, double p95QueryMs) {
    public String line() {
      return String.format(
          Locale.ROOT,
          "docs=%d docs_per_s=%.0f heap_mb=%d p50_query_ms=%.1f p95_query_ms=%.1f",
          docs,
          docsPerSecond,
          heapMb,
          p50QueryMs,
          p95QueryMs);
    }
  }

  private final List<Base> bases;

  /** A real message, split into sentences, with the tags the real tagger gave it. */
  private record Base(String title, List<String> sentences, TaggedPost tags) {}

  private IndexBenchmark(List<Base> bases) {
    this.bases = bases;
  }

  /** Reads and tags the base messages (JSON lines with title, text, time …). */
  public static IndexBenchmark fromMessages(Path messages, Tagger tagger) {
    List<Base> bases = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(messages)) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode m = Json.read(line, JsonNode.class);
        String text = m.path("text").asText("");
        List<String> sentences = sentences(text);
        if (sentences.isEmpty()) {
          continue;
        }
        Post p =
            Post.builder()
                .id(Ids.postId("bench", m.path("id").asText()))
                .sourceId("bench")
                .title(m.path("title").asText(null))
                .text(text)
                .publishedAt(OffsetDateTime.parse(m.path("time").asText()).toInstant())
                .build();
        bases.add(new Base(p.title(), sentences, tagger.tag(p)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(messages + ": cannot read: " + e.getMessage(), e);
    }
    if (bases.isEmpty()) {
      throw new IllegalArgumentException(messages + ": no messages with text");
    }
    return new IndexBenchmark(bases);
  }

  int bases() {
    return bases.size();
  }

  /** Runs the benchmark into an index in {@code dir} (which should be empty). */
  public Result run(Path dir, Options o, PrintWriter log) {
    HeapSampler heap = new HeapSampler();
    try (heap;
        PostIndex index = PostIndexes.lucene(dir, SearchTextAnalysis.get())) {
      long t0 = System.nanoTime();
      index(index, o, log);
      index.commit();
      double seconds = (System.nanoTime() - t0) / 1e9;
      double docsPerSecond = o.docs() / seconds;
      log.printf(
          Locale.ROOT,
          "indexed %d posts in %.1f s (%.0f posts/s); %s%n",
          o.docs(),
          seconds,
          docsPerSecond,
          describe(index.stats()));
      log.flush();
      double[] latencies = queries(index, o.repeats(), log);
      Arrays.sort(latencies);
      return new Result(
          index.count(),
          docsPerSecond,
          heap.peakMb(),
          percentile(latencies, 50),
          percentile(latencies, 95));
    }
  }

  private static String describe(IndexStats s) {
    return String.format(
        Locale.ROOT, "index: %d docs, %s MiB, %d segments", s.docs(), s.sizeMb(), s.parts());
  }

  private void index(PostIndex index, Options o, PrintWriter log) {
    ExecutorService pool = Executors.newFixedThreadPool(o.threads());
    AtomicLong done = new AtomicLong();
    int batch = 500;
    try {
      List<Future<?>> work = new ArrayList<>();
      for (int t = 0; t < o.threads(); t++) {
        int thread = t;
        work.add(
            pool.submit(
                () -> {
                  List<TaggedPost> posts = new ArrayList<>(batch);
                  for (long i = thread; i < o.docs(); i += o.threads()) {
                    posts.add(post(i));
                    if (posts.size() == batch) {
                      index.upsert(posts);
                      posts.clear();
                      long n = done.addAndGet(batch);
                      if (n % 100_000 < batch) {
                        log.printf(Locale.ROOT, "  %d posts indexed%n", n);
                        log.flush();
                      }
                    }
                  }
                  index.upsert(posts);
                  done.addAndGet(posts.size());
                  return null;
                }));
      }
      for (Future<?> f : work) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("indexing failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** The i-th generated post: the same i always gives the same post. */
  TaggedPost post(long i) {
    Random r = new Random(i * 0x9E3779B97F4A7C15L + 17);
    Base base = bases.get(r.nextInt(bases.size()));
    int n = base.sentences().size();
    int len = 1 + r.nextInt(Math.min(4, n));
    int from = r.nextInt(n - len + 1);
    StringBuilder text = new StringBuilder();
    for (String s : base.sentences().subList(from, from + len)) {
      text.append(s);
    }
    if (r.nextInt(4) == 0) {
      Base other = bases.get(r.nextInt(bases.size()));
      text.append(other.sentences().get(r.nextInt(other.sentences().size())));
    }
    // a reply (no title) two times in three
    String title = r.nextInt(3) == 0 ? base.title() : null;
    // a daily rhythm: more posts in the evening, China time
    long day = r.nextInt(DAYS);
    long second = (long) (86_400 * Math.pow(r.nextDouble(), 0.7));
    Instant at = END.minusSeconds((day + 1) * 86_400).plusSeconds(second);
    int likes = (int) Math.floor(Math.pow(r.nextDouble(), 6) * 500);
    int replies = (int) Math.floor(Math.pow(r.nextDouble(), 5) * 200);
    String author = "业主" + (int) Math.floor(Math.pow(r.nextDouble(), 3) * 50_000);
    Post p =
        Post.builder()
            .id(Ids.postId("bench", Long.toString(i)))
            .sourceId(SOURCES[r.nextInt(SOURCES.length)])
            .url("https://bench.example.invalid/p/" + i)
            .title(title)
            .text(text.toString())
            .author(author)
            .publishedAt(at)
            .fetchedAt(at.plusSeconds(600))
            .likes(likes)
            .replies(replies)
            .projects(List.of(PROJECTS[(int) Math.floor(Math.pow(r.nextDouble(), 2) * 40)]))
            .build();
    TaggedPost t = base.tags();
    return new TaggedPost(p, t.sentiment(), t.topics(), t.keywords(), t.entities(), t.signals());
  }

  /** The dashboard queries, each timed {@code repeats} times after a warm-up round. */
  static double[] queries(PostIndex index, int repeats, PrintWriter log) {
    ZoneId china = AggregationRequest.CHINA;
    Instant week = END.minusSeconds(7 * 86_400L);
    Instant month = END.minusSeconds(30 * 86_400L);
    String project = PROJECTS[0];
    List<Function<PostIndex, Object>> qs = new ArrayList<>();
    List<String> names = new ArrayList<>();
    names.add("overview: all posts by day × sentiment, topics, sources, authors, keywords");
    qs.add(i -> i.aggregate(AggregationRequest.daily(SearchRequest.all(0))));
    names.add("project dashboard: one project, last 30 days, by day");
    qs.add(
        i ->
            i.aggregate(
                new AggregationRequest(
                    SearchRequest.builder().project(project).from(month).to(END).build(),
                    AggregationRequest.Interval.DAY,
                    china,
                    10)));
    names.add("negative trend: negative posts by hour, last 7 days");
    qs.add(
        i ->
            i.aggregate(
                new AggregationRequest(
                    SearchRequest.builder()
                        .sentiments(SentimentLabel.NEGATIVE)
                        .from(week)
                        .to(END)
                        .build(),
                    AggregationRequest.Interval.HOUR,
                    china,
                    10)));
    names.add("topic drill-down: 漏水 by week");
    qs.add(
        i ->
            i.aggregate(
                new AggregationRequest(
                    SearchRequest.builder().query("漏水").build(),
                    AggregationRequest.Interval.WEEK,
                    china,
                    20)));
    names.add("newest 20 posts");
    qs.add(i -> i.search(SearchRequest.all(20)));
    names.add("search 漏水, best first, highlighted");
    qs.add(i -> i.search(SearchRequest.text("漏水", 20)));
    names.add("search 物业 费 in one project, last 7 days, newest first");
    qs.add(
        i ->
            i.search(
                SearchRequest.builder()
                    .query("物业 费")
                    .project(project)
                    .from(week)
                    .to(END)
                    .sort(SearchRequest.Sort.TIME)
                    .highlight(true)
                    .build()));
    names.add("negative quality posts by engagement");
    qs.add(
        i ->
            i.search(
                SearchRequest.builder()
                    .sentiments(SentimentLabel.NEGATIVE)
                    .topics(Topic.QUALITY)
                    .sort(SearchRequest.Sort.ENGAGEMENT)
                    .build()));
    names.add("mobilisation and media signals, newest first");
    qs.add(
        i ->
            i.search(
                SearchRequest.builder()
                    .signals(SignalKind.MOBILIZATION, SignalKind.MEDIA)
                    .sort(SearchRequest.Sort.TIME)
                    .build()));
    names.add("search 开发商|物业公司 -学校, best first");
    qs.add(i -> i.search(SearchRequest.text("开发商|物业公司 -学校", 20)));
    names.add("deep paging: page 5 of 维权 by time (search-after)");
    qs.add(
        i -> {
          SearchRequest r =
              SearchRequest.builder().query("维权").sort(SearchRequest.Sort.TIME).size(20).build();
          SearchResult page = i.search(r);
          for (int p = 1; p < 5 && page.nextCursor() != null; p++) {
            page = i.search(r.toBuilder().after(page.nextCursor()).build());
          }
          return page;
        });
    names.add("count 维权 in the last 30 days");
    qs.add(i -> i.search(SearchRequest.builder().query("维权").from(month).to(END).size(0).build()));
    for (Function<PostIndex, Object> q : qs) {
      q.apply(index); // warm-up
    }
    double[] all = new double[qs.size() * repeats];
    int k = 0;
    for (int q = 0; q < qs.size(); q++) {
      double[] mine = new double[repeats];
      for (int rep = 0; rep < repeats; rep++) {
        long t0 = System.nanoTime();
        qs.get(q).apply(index);
        mine[rep] = (System.nanoTime() - t0) / 1e6;
        all[k++] = mine[rep];
      }
      Arrays.sort(mine);
      log.printf(
          Locale.ROOT,
          "  %-75s p50 %6.1f ms  max %6.1f ms%n",
          names.get(q),
          percentile(mine, 50),
          mine[mine.length - 1]);
    }
    log.flush();
    return all;
  }

  /** Nearest-rank percentile of sorted values. */
  static double percentile(double[] sorted, int p) {
    if (sorted.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  static List<String> sentences(String text) {
    List<String> out = new ArrayList<>();
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      s.append(c);
      if (c == '。' || c == '！' || c == '？' || c == '!' || c == '?' || c == '\n') {
        if (s.toString().strip().length() > 1) {
          out.add(s.toString().strip());
        }
        s.setLength(0);
      }
    }
    if (s.toString().strip().length() > 1) {
      out.add(s.toString().strip());
    }
    return out;
  }

  /** Estate names written for the benchmark. */
  private static String[] projects() {
    String[] first = {"翡翠", "锦绣", "金域", "云栖", "滨江", "星河", "龙湖", "紫薇"};
    String[] second = {"湾", "府", "华庭", "花园", "天地"};
    String[] out = new String[first.length * second.length];
    int k = 0;
    for (String a : first) {
      for (String b : second) {
        out[k++] = a + b;
      }
    }
    return out;
  }

  /** Samples heap use in the background; the peak is what {@code heap_mb} reports. */
  private static final class HeapSampler implements AutoCloseable {
    private final ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("heap-sampler"));
    private final AtomicLong peak = new AtomicLong();

    HeapSampler() {
      timer.scheduleAtFixedRate(this::sample, 0, 50, TimeUnit.MILLISECONDS);
    }

    private void sample() {
      long used = 0;
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        if (pool.getType() == MemoryType.HEAP) {
          used += pool.getUsage().getUsed();
        }
      }
      peak.accumulateAndGet(used, Math::max);
    }

    long peakMb() {
      sample();
      return peak.get() / (1024 * 1024);
    }

    @Override
    public void close() {
      timer.shutdownNow();
    }
  }
}
