package dev.yuqing.crawler;

import dev.yuqing.core.config.SourceConfig;
import dev.yuqing.crawler.fetch.FetchException;
import dev.yuqing.crawler.fetch.FetchRequest;
import dev.yuqing.crawler.fetch.FetchResponse;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fetching for one crawl of one web source: counts pages, turns failures into error lines and
 * progress events, and expands search-result URLs. One per crawl; not thread-safe.
 */
final class Pager {
  private final SourceConfig source;
  private final CrawlContext ctx;
  private final Progress progress;
  private int pages;
  private final List<String> errors = new ArrayList<>();

  Pager(SourceConfig source, CrawlContext ctx, Progress progress) {
    this.source = source;
    this.ctx = ctx;
    this.progress = progress;
  }

  /** An entry URL, and the project whose name was put into it (null for a plain URL). */
  record Target(String url, String searchedProject) {}

  /** The entry URLs: one per watched name when the URL holds {@code {keyword}}. */
  List<Target> targets() {
    String url = source.url();
    if (!url.contains("{keyword}")) {
      return List.of(new Target(url, null));
    }
    List<Target> out = new ArrayList<>();
    for (Map.Entry<String, String> k : ctx.scoper().keywords(source.projects()).entrySet()) {
      out.add(
          new Target(
              url.replace("{keyword}", URLEncoder.encode(k.getKey(), StandardCharsets.UTF_8)),
              k.getValue()));
    }
    return out;
  }

  /**
   * Fetches a page, with the validators of {@code seen} when given. Empty on failure (recorded as
   * an error line). Throws InterruptedException when the crawl is being stopped.
   */
  Optional<FetchResponse> get(String url, CrawlState.Page seen) throws InterruptedException {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      error(url + ": not a valid URL");
      return Optional.empty();
    }
    FetchRequest req = FetchRequest.of(uri, source.allowPrivateNetwork());
    if (seen != null) {
      req = req.withValidators(seen.etag(), seen.lastModified());
    }
    try {
      FetchResponse r = ctx.fetcher().fetch(req);
      pages++;
      progress.page(source.id(), url, r.status(), r.rawBody().length);
      return Optional.of(r);
    } catch (FetchException e) {
      error(e.getMessage());
      return Optional.empty();
    }
  }

  /**
   * A list page fetched with the validators of {@code seen}: empty on failure, and when it is
   * unchanged (then recorded in {@code st} as checked again at {@code now}).
   */
  Optional<FetchResponse> getChanged(
      String url, CrawlState.Page seen, CrawlState.Editor st, Instant now)
      throws InterruptedException {
    Optional<FetchResponse> got = get(url, seen);
    if (got.isPresent() && got.get().notModified()) {
      st.page(url, seen.checkedAgain(now));
      return Optional.empty();
    }
    return got;
  }

  void error(String line) {
    errors.add(line);
    progress.error(source.id(), line);
  }

  int pages() {
    return pages;
  }

  List<String> errors() {
    return errors;
  }
}
