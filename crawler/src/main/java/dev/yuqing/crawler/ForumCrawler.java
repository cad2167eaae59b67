package dev.yuqing.crawler;

import dev.yuqing.core.Ids;
import dev.yuqing.core.Post;
import dev.yuqing.core.config.ForumSourceConfig;
import dev.yuqing.crawler.extract.ForumExtractor;
import dev.yuqing.crawler.extract.ForumPage;
import dev.yuqing.crawler.extract.Pages;
import dev.yuqing.crawler.fetch.FetchResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code kind: forum}: board pages list threads; each thread's pages hold its first post and
 * replies. A thread is refetched only when its board row changed (reply count, last post); then its
 * first page (the first post may have been edited) and the pages from the last one read on. The
 * board's first page is fetched with its validators: 304 means nothing changed.
 */
final class ForumCrawler extends ListSourceCrawler<ForumSourceConfig> {
  private final ForumExtractor extractor;

  ForumCrawler(ForumSourceConfig source, CrawlContext ctx) {
    super(source, source.maxPages(), ctx);
    this.extractor = new ForumExtractor(source.selectors(), ctx.dates());
  }

  @Override
  protected ListPage listPage(
      Pager.Target target, CrawlState.Editor st, Pager pager, Emitter emitter) {
    return (url, doc, now) -> {
      ForumPage.Board board = extractor.board(doc);
      if (board.threads().isEmpty()) {
        pager.error(url + ": no thread links (selector '" + source.selectors().threadLink() + "')");
      }
      for (ForumPage.ThreadLink t : board.threads()) {
        String key = "thread:" + t.url();
        String fingerprint = Ids.sha256Hex(t.row());
        CrawlState.Page rowSeen = st.page(key);
        if (rowSeen != null && fingerprint.equals(rowSeen.fingerprint())) {
          continue;
        }
        if (crawlThread(t.url(), st, pager, emitter, target.searchedProject())) {
          st.page(key, new CrawlState.Page(null, null, fingerprint, ctx.clock().instant()));
        }
      }
      return board.nextPage();
    };
  }

  /** Reads a thread; false when its first page could not be fetched (retried next crawl). */
  private boolean crawlThread(
      String threadUrl, CrawlState.Editor st, Pager pager, Emitter emitter, String searched)
      throws InterruptedException {
    String threadId = Ids.postId(source.id(), threadUrl);
    // where the last visit stopped: "<page url> <floors before it>"
    CrawlState.Page resume = st.page("resume:" + threadUrl);
    String url = threadUrl;
    int floor = 0;
    String title = null;
    Set<String> visited = new HashSet<>();
    for (int p = 0; p < source.maxThreadPages() && url != null && visited.add(url); p++) {
      Optional<FetchResponse> got = pager.get(url, null);
      if (got.isEmpty()) {
        return p > 0;
      }
      FetchResponse r = got.get();
      ForumPage.Thread page = extractor.thread(Pages.parse(r));
      if (title == null) {
        title = page.title();
      }
      List<Emitter.Candidate> candidates = new ArrayList<>();
      for (ForumPage.Post fp : page.posts()) {
        floor++;
        boolean first = floor == 1;
        String anchor = fp.anchor() != null ? fp.anchor() : "floor-" + floor;
        String locator = first ? threadUrl : threadUrl + "#" + anchor;
        Post.Builder b =
            Post.builder()
                .url(first ? threadUrl : threadUrl + "#" + anchor)
                .title(first ? title : null)
                .text(fp.text())
                .author(fp.author())
                .publishedAt(fp.publishedAt())
                .fetchedAt(r.fetchedAt())
                .threadId(first ? null : threadId);
        if (first) {
          b.replies(null);
        }
        candidates.add(new Emitter.Candidate(locator, b));
      }
      emitter.accept(candidates, r, searched);
      st.page(
          "resume:" + threadUrl,
          new CrawlState.Page(
              null, null, url + " " + (floor - page.posts().size()), ctx.clock().instant()));
      String next = page.nextPage();
      if (p == 0 && resume != null && next != null) {
        // jump to where the last visit stopped: new replies are at the end
        String[] parts = resume.fingerprint().split(" ");
        if (parts.length == 2 && !parts[0].equals(threadUrl)) {
          next = parts[0];
          floor = Integer.parseInt(parts[1]);
        }
      }
      url = next;
    }
    return true;
  }
}
