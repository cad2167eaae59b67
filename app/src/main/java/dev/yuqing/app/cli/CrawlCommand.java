package dev.yuqing.app.cli;

import dev.yuqing.core.Post;
import dev.yuqing.core.UserError;
import dev.yuqing.core.config.YuqingConfig;
import dev.yuqing.core.json.Json;
import dev.yuqing.crawler.CrawlState;
import dev.yuqing.crawler.Crawlers;
import dev.yuqing.crawler.Progress;
import dev.yuqing.crawler.SourceCrawler;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code yuqing crawl}: crawls the configured sources and writes their posts as JSON lines. */
@Command(
    name = "crawl",
    mixinStandardHelpOptions = true,
    description = {
      "抓取配置中的信息源，每条帖子输出一行 JSON。",
      "Crawls the configured sources; writes one JSON object per new or edited post.",
      "State lives under DATA/crawl (what was seen) and DATA/evidence (raw responses):"
          + " a second --once run emits nothing that did not change."
    })
public final class CrawlCommand extends CliCommand implements Callable<Integer> {
  @Mixin ConfigFile.Required config;

  @Option(names = "--once", description = "crawl every source once and stop")
  boolean once;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "JSON-lines output file (default: standard output)")
  Path outFile;

  @Option(names = "--append", description = "append to --out instead of replacing it")
  boolean append;

  @Mixin DataDir dataDir;

  @Option(names = "--source", description = "crawl only this source id (repeatable)")
  java.util.List<String> only;

  @Override
  public Integer call() throws Exception {
    Path data = dataDir.path;
    YuqingConfig cfg = config.load();
    if (only != null) {
      for (String id : only) {
        if (cfg.sources().stream().noneMatch(s -> s.id().equals(id))) {
          throw new UserError("--source " + id + ": no such source in " + config.path);
        }
      }
    }
    PrintWriter err = err();
    Clock clock = Clock.systemUTC();
    try (Crawlers crawlers = Crawlers.create(cfg, data, clock);
        Writer w = openOut()) {
      AtomicInteger written = new AtomicInteger();
      do {
        Instant next = null;
        for (SourceCrawler c : crawlers.all()) {
          if (only != null && !only.contains(c.sourceId())) {
            continue;
          }
          CrawlState state = crawlers.states().load(c.sourceId());
          if (!once && !c.due(state, clock.instant())) {
            Instant due = state.lastCrawl().plus(c.revisit());
            next = next == null || due.isBefore(next) ? due : next;
            continue;
          }
          SourceCrawler.Result r = c.crawl(state, progress(err, c.sourceId()));
          for (Post p : r.posts()) {
            w.write(Json.line(p));
            w.write('\n');
          }
          w.flush();
          written.addAndGet(r.posts().size());
          crawlers.states().save(c.sourceId(), r.state());
          err.printf(
              "[%s] %d 页, %d 条新帖/修改, %d 个错误%n",
              c.sourceId(), r.pagesFetched(), r.posts().size(), r.errors().size());
          for (String e : r.errors()) {
            err.println("  ! " + e);
          }
          err.flush();
          Instant due = clock.instant().plus(c.revisit());
          next = next == null || due.isBefore(next) ? due : next;
        }
        if (!once && next != null) {
          Duration wait = Duration.between(clock.instant(), next);
          if (!wait.isNegative()) {
            Thread.sleep(Math.max(1000, wait.toMillis()));
          }
        }
      } while (!once);
      err.printf(
          "共 %d 条帖子 → %s；状态 %s%n",
          written.get(), outFile == null ? "stdout" : outFile, data.resolve("crawl"));
    }
    return 0;
  }

  private Writer openOut() throws IOException {
    if (outFile == null) {
      return new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8)) {
        @Override
        public void close() throws IOException {
          flush(); // never close standard output
        }
      };
    }
    try {
      if (outFile.toAbsolutePath().getParent() != null) {
        Files.createDirectories(outFile.toAbsolutePath().getParent());
      }
      return Files.newBufferedWriter(
          outFile,
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.WRITE,
          append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("--out " + outFile + ": cannot write: " + e.getMessage(), e);
    }
  }

  /** Progress lines every 20 pages of a long crawl. */
  private static Progress progress(PrintWriter err, String sourceId) {
    return new Progress() {
      int pages;
      int posts;
      int errors;

      @Override
      public void page(String id, String url, int status, long bytes) {
        if (++pages % 20 == 0) {
          err.printf("[%s] … %d 页, %d 条帖子, %d 个错误%n", sourceId, pages, posts, errors);
          err.flush();
        }
      }

      @Override
      public void error(String id, String line) {
        errors++;
      }

      @Override
      public void post(Post post) {
        posts++;
      }
    };
  }
}
