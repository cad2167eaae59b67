package dev.yuqing.crawler;

import com.fasterxml.jackson.databind.JsonNode;
import dev.yuqing.core.Ids;
import dev.yuqing.core.Post;
import dev.yuqing.core.config.JsonSourceConfig;
import dev.yuqing.core.json.Json;
import dev.yuqing.crawler.extract.JsonPaths;
import dev.yuqing.crawler.extract.Text;
import dev.yuqing.crawler.fetch.FetchResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsoup.Jsoup;

/**
 * {@code kind: json}: a social or API endpoint; each item of the configured array becomes a post,
 * its fields read by path. Pages are walked by page number or by the cursor the answer names, and
 * the walk stops early at a page with nothing new (newest-first endpoints).
 */
final class JsonCrawler extends WebSourceCrawler<JsonSourceConfig> {

  JsonCrawler(JsonSourceConfig source, CrawlContext ctx) {
    super(source, ctx);
  }

  @Override
  protected void crawlTarget(
      Pager.Target target, CrawlState.Editor st, Pager pager, Emitter emitter)
      throws InterruptedException {
    JsonSourceConfig.JsonPagination pg = source.pagination();
    String cursor = null;
    for (int i = 0; i < pg.maxPages(); i++) {
      String url =
          switch (pg.type()) {
            case "page" -> withParam(target.url(), pg.param(), Integer.toString(pg.start() + i));
            case "cursor" ->
                cursor == null ? target.url() : withParam(target.url(), pg.param(), cursor);
            default -> target.url();
          };
      Instant now = ctx.clock().instant();
      CrawlState.Page seen = i == 0 ? st.page(url) : null;
      Optional<FetchResponse> got = pager.getChanged(url, seen, st, now);
      if (got.isEmpty()) {
        return;
      }
      FetchResponse r = got.get();
      JsonNode root;
      try {
        root = Json.mapper().readTree(r.text().text());
      } catch (IOException e) {
        pager.error(url + ": not JSON: " + firstLine(e.getMessage()));
        return;
      }
      if (i == 0) {
        st.page(url, new CrawlState.Page(r.etag(), r.lastModified(), Ids.sha256Hex(r.body()), now));
      }
      JsonNode items = JsonPaths.at(root, source.items());
      if (!items.isArray()) {
        pager.error(url + ": items: no array at '" + source.items() + "'");
        return;
      }
      List<Emitter.Candidate> candidates = new ArrayList<>();
      int known = 0;
      for (JsonNode item : items) {
        Map<String, String> f = source.fields();
        String text = JsonPaths.text(item, f.get("text"));
        if (text == null) {
          continue;
        }
        String id = JsonPaths.text(item, f.get("id"));
        String link = JsonPaths.text(item, f.get("url"));
        String locator =
            id != null ? "id:" + id : link != null ? link : "text:" + Ids.sha256Hex(text);
        if (st.post(Ids.postId(source.id(), locator)) != null) {
          known++;
        }
        String at = JsonPaths.text(item, f.get("publishedAt"));
        candidates.add(
            new Emitter.Candidate(
                locator,
                Post.builder()
                    .url(link != null ? r.url().resolve(link).toString() : r.url() + "#" + locator)
                    .title(plain(JsonPaths.text(item, f.get("title"))))
                    .text(plain(text))
                    .author(JsonPaths.text(item, f.get("author")))
                    .publishedAt(at == null ? null : ctx.dates().parse(at).orElse(null))
                    .replies(JsonPaths.integer(item, f.get("replies")))
                    .likes(JsonPaths.integer(item, f.get("likes")))
                    .fetchedAt(r.fetchedAt())));
      }
      emitter.accept(candidates, r, target.searchedProject());
      if (candidates.isEmpty() || known == candidates.size()) {
        return; // an empty page, or nothing new on it: older pages are older still
      }
      if (pg.type().equals("cursor")) {
        String next = JsonPaths.text(root, pg.cursorPath());
        if (next == null || next.equals(cursor) || next.equals("0")) {
          return;
        }
        cursor = next;
      } else if (pg.type().equals("none")) {
        return;
      }
    }
  }

  /** Social APIs put HTML (links, emoji images) into text fields. */
  private static String plain(String s) {
    if (s == null || s.indexOf('<') < 0) {
      return s == null ? null : Text.joinLines(s);
    }
    return Text.lines(Jsoup.parseBodyFragment(s).body());
  }

  static String withParam(String url, String param, String value) {
    String enc = URLEncoder.encode(value, StandardCharsets.UTF_8);
    if (url.contains("{page}")) {
      return url.replace("{page}", enc);
    }
    String p = URLEncoder.encode(param, StandardCharsets.UTF_8);
    int hash = url.indexOf('#');
    String base = hash < 0 ? url : url.substring(0, hash);
    String q = base.contains("?") ? base.substring(base.indexOf('?') + 1) : "";
    String path = base.contains("?") ? base.substring(0, base.indexOf('?')) : base;
    StringBuilder out = new StringBuilder();
    boolean replaced = false;
    for (String kv : q.isEmpty() ? new String[0] : q.split("&")) {
      String k = kv.contains("=") ? kv.substring(0, kv.indexOf('=')) : kv;
      if (out.length() > 0) {
        out.append('&');
      }
      if (k.equals(p)) {
        out.append(p).append('=').append(enc);
        replaced = true;
      } else {
        out.append(kv);
      }
    }
    if (!replaced) {
      if (out.length() > 0) {
        out.append('&');
      }
      out.append(p).append('=').append(enc);
    }
    return path + "?" + out;
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int n = s.indexOf('\n');
    return n < 0 ? s : s.substring(0, n);
  }
}
