package dev.yuqing.app.cli;

import dev.yuqing.core.UserError;
import dev.yuqing.core.config.CrawlerConfig;
import dev.yuqing.core.config.ForumSelectors;
import dev.yuqing.core.json.Json;
import dev.yuqing.crawler.extract.Extraction;
import dev.yuqing.crawler.fetch.FetchException;
import dev.yuqing.crawler.fetch.FetchRequest;
import dev.yuqing.crawler.fetch.FetchResponse;
import dev.yuqing.crawler.fetch.HttpFetcher;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code yuqing extract}: what the crawler reads from one page, as JSON. */
@Command(
    name = "extract",
    mixinStandardHelpOptions = true,
    description = {
      "显示爬虫从一个页面提取的内容（JSON）：文章的标题、时间、作者、正文；论坛帖子的各楼；列表页的条目链接；订阅源的条目。",
      "Prints the extraction of a saved page or a URL as JSON: an article (title, publishedAt,"
          + " author, text), a forum thread (its posts), a list page (its item links) or a feed."
    })
public final class ExtractCommand extends CliCommand implements Callable<Integer> {
  @Parameters(
      index = "0",
      paramLabel = "FILE_OR_URL",
      description = "a saved page, or an http(s) URL to fetch")
  String target;

  @Option(
      names = "--url",
      description = "the page's URL, for a saved file (links resolve against it)")
  String url;

  @Option(
      names = "--as",
      description = "article, thread, list or feed (default: decided from the page)")
  String as;

  @Option(
      names = "--allow-private",
      description = "allow fetching from loopback and private addresses")
  boolean allowPrivate;

  @Override
  public Integer call() throws Exception {
    Extraction.Kind kind = null;
    if (as != null) {
      try {
        kind = Extraction.Kind.valueOf(as.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new UserError("--as " + as + ": must be article, thread, list or feed");
      }
    }
    byte[] body;
    String contentType = null;
    String base = url;
    if (target.startsWith("http://") || target.startsWith("https://")) {
      URI u;
      try {
        u = URI.create(target);
      } catch (IllegalArgumentException e) {
        throw new UserError(target + ": not a valid URL");
      }
      try (HttpFetcher f = new HttpFetcher(CrawlerConfig.DEFAULT, Clock.systemUTC())) {
        FetchResponse r = f.fetch(FetchRequest.of(u, allowPrivate));
        body = r.body();
        contentType = r.contentType();
        base = base == null ? r.url().toString() : base;
      } catch (FetchException e) {
        throw new UserError(e.getMessage());
      }
    } else {
      Path p = Path.of(target);
      if (!Files.isRegularFile(p)) {
        throw new UserError(target + ": no such file");
      }
      body = Files.readAllBytes(p);
      base = base == null ? p.toAbsolutePath().toUri().toString() : base;
    }
    Extraction x =
        new Extraction(Clock.systemUTC(), CrawlerConfig.DEFAULT.zone(), ForumSelectors.DEFAULT);
    Object result = x.extract(body, contentType, base, kind);
    out().println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(result));
    return 0;
  }
}
