package dev.yuqing.bench;

import dev.yuqing.bench.crawl.CrawlBench;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code yuqing bench crawl}: crawl throughput against a local synthetic site. */
@Command(
    name = "crawl",
    mixinStandardHelpOptions = true,
    description = {
      "抓取性能：在本机启动一个论坛和新闻站点，用真实爬虫（含证据保全）抓取并计时。",
      "Crawls a synthetic forum and news site on 127.0.0.1 with the real crawler (robots.txt,"
          + " extraction, state, WARC evidence); last line: pages_per_s=… mb_per_s=…"
    })
public final class BenchCrawlCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--boards",
      defaultValue = "20",
      description = "board pages, 25 threads of 2 pages each (default ${DEFAULT-VALUE})")
  int boards;

  @Option(
      names = "--news-pages",
      defaultValue = "10",
      description = "news list pages, 20 articles each (default ${DEFAULT-VALUE})")
  int newsPages;

  @Option(
      names = "--data",
      description = "keep state and evidence here (default: a temporary directory, deleted)")
  Path data;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Path dir = data != null ? data : Files.createTempDirectory("yuqing-bench-crawl");
    try {
      CrawlBench.Figures f = CrawlBench.run(boards, newsPages, dir, out);
      out.printf(
          Locale.ROOT,
          "%d pages, %.1f MB, %d posts, %d errors in %.2f s%n",
          f.pages(),
          f.bytes() / 1e6,
          f.posts(),
          f.errors(),
          f.seconds());
      out.printf(
          Locale.ROOT,
          "pages_per_s=%.1f mb_per_s=%.2f%n",
          f.pagesPerSecond(),
          f.megabytesPerSecond());
      out.flush();
    } finally {
      if (data == null) {
        delete(dir);
      }
    }
    return 0;
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
