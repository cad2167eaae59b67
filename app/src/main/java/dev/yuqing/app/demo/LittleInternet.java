package dev.yuqing.app.demo;

import static dev.yuqing.core.Html.esc;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo's "little internet" on loopback: a homeowner forum (board pages listing threads, thread
 * pages with the first post and replies, in the markup the crawler's default forum selectors
 * expect), a news site with article pages and its RSS feed. A post is online once the story clock
 * has passed its time, so the sites fill up as the demo plays.
 *
 * <p>Routes: {@code /forum/} (board, {@code ?page=N}), {@code /forum/thread-ID.html}, {@code
 * /news/}, {@code /news/ID.html}, {@code /news/rss.xml}. Everything shown is HTML-escaped.
 */
public final class LittleInternet implements AutoCloseable {
  static final int THREADS_PER_PAGE = 8;
  private static final Pattern THREAD = Pattern.compile("/forum/thread-(\\d+)\\.html");
  private static final Pattern ARTICLE = Pattern.compile("/news/(\\d+)\\.html");
  private static final DateTimeFormatter SHOWN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(Story.ZONE);
  private static final DateTimeFormatter ISO =
      DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(Story.ZONE);

  private final Story story;
  private final Clock clock;
  private final HttpServer server;
  private final ExecutorService executor;
  private final String base;

  private LittleInternet(
      Story story, Clock clock, HttpServer server, ExecutorService executor, String base) {
    this.story = story;
    this.clock = clock;
    this.server = server;
    this.executor = executor;
    this.base = base;
  }

  /** The pages alone, without a server (tests render them directly). */
  static LittleInternet pages(Story story, Clock clock, String base) {
    return new LittleInternet(story, clock, null, null, base);
  }

  /** Starts the sites on a free loopback port. */
  public static LittleInternet start(Story story, Clock clock) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 32);
    ExecutorService executor = Executors.newFixedThreadPool(2, r -> daemon(r));
    String base =
        "http://"
            + server.getAddress().getAddress().getHostAddress()
            + ":"
            + server.getAddress().getPort();
    LittleInternet net = new LittleInternet(story, clock, server, executor, base);
    server.createContext("/", net::handle);
    server.setExecutor(executor);
    server.start();
    return net;
  }

  private static Thread daemon(Runnable r) {
    Thread t = new Thread(r, "little-internet");
    t.setDaemon(true);
    return t;
  }

  /** Base URL, e.g. {@code http://127.0.0.1:41234}. */
  public String baseUrl() {
    return base;
  }

  public String forumUrl() {
    return baseUrl() + "/forum/";
  }

  public String feedUrl() {
    return baseUrl() + "/news/rss.xml";
  }

  @Override
  public void close() {
    if (server != null) {
      server.stop(0);
      executor.shutdownNow();
    }
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      if (!"GET".equals(ex.getRequestMethod()) && !"HEAD".equals(ex.getRequestMethod())) {
        send(ex, 405, "text/plain", "method not allowed");
        return;
      }
      URI uri = ex.getRequestURI();
      String path = uri.getPath();
      Instant now = clock.instant();
      Matcher m;
      if (path.equals("/") || path.equals("/index.html")) {
        send(ex, 200, "text/html", home());
      } else if (path.equals("/forum/") || path.equals("/forum")) {
        send(ex, 200, "text/html", board(now, page(uri.getQuery())));
      } else if ((m = THREAD.matcher(path)).matches()) {
        String html = thread(now, Integer.parseInt(m.group(1)));
        send(ex, html == null ? 404 : 200, "text/html", html == null ? notFound() : html);
      } else if (path.equals("/news/") || path.equals("/news")) {
        send(ex, 200, "text/html", newsIndex(now));
      } else if (path.equals("/news/rss.xml")) {
        send(ex, 200, "application/rss+xml", rss(now));
      } else if ((m = ARTICLE.matcher(path)).matches()) {
        String html = article(now, Integer.parseInt(m.group(1)));
        send(ex, html == null ? 404 : 200, "text/html", html == null ? notFound() : html);
      } else {
        send(ex, 404, "text/html", notFound());
      }
    }
  }

  private static int page(String query) {
    if (query != null) {
      for (String kv : query.split("&")) {
        if (kv.startsWith("page=")) {
          try {
            return Math.max(1, Integer.parseInt(kv.substring(5)));
          } catch (NumberFormatException e) {
            return 1;
          }
        }
      }
    }
    return 1;
  }

  private static void send(HttpExchange ex, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
    ex.getResponseHeaders().set("Cache-Control", "no-cache");
    if ("HEAD".equals(ex.getRequestMethod())) {
      ex.sendResponseHeaders(status, -1);
      return;
    }
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  // ---- pages ----

  private String home() {
    return page(
        "小小互联网",
        "<h1>演示站点</h1><ul><li><a href=\"/forum/\">"
            + esc(story.forum().name())
            + "</a></li><li><a href=\"/news/\">"
            + esc(story.news().name())
            + "</a>（<a href=\"/news/rss.xml\">RSS</a>）</li></ul>");
  }

  /** Threads online now, most recently active first (as forums list them). */
  List<Story.Thread> visibleThreads(Instant now) {
    List<Story.Thread> out = new ArrayList<>();
    for (Story.Thread t : story.forum().threads()) {
      if (!t.startedAt().isAfter(now)) {
        out.add(t);
      }
    }
    out.sort(Comparator.comparing((Story.Thread t) -> lastActivity(t, now)).reversed());
    return out;
  }

  private static Instant lastActivity(Story.Thread t, Instant now) {
    Instant last = t.startedAt();
    for (Story.ForumPost p : t.posts()) {
      if (!p.instant().isAfter(now) && p.instant().isAfter(last)) {
        last = p.instant();
      }
    }
    return last;
  }

  String board(Instant now, int page) {
    List<Story.Thread> threads = visibleThreads(now);
    int from = (page - 1) * THREADS_PER_PAGE;
    StringBuilder sb = new StringBuilder();
    sb.append("<h1 class=\"board-title\">").append(esc(story.forum().name())).append("</h1>");
    sb.append("<table class=\"threads\"><tr><th>主题</th><th>作者</th><th>回复</th><th>最后回复</th></tr>");
    for (int i = from; i < Math.min(threads.size(), from + THREADS_PER_PAGE); i++) {
      Story.Thread t = threads.get(i);
      List<Story.ForumPost> posts = visiblePosts(t, now);
      sb.append("<tr><td><a class=\"thread-link\" href=\"/forum/thread-")
          .append(t.id())
          .append(".html\">")
          .append(esc(t.title()))
          .append("</a></td><td>")
          .append(esc(posts.get(0).author()))
          .append("</td><td>")
          .append(posts.size() - 1)
          .append("</td><td>")
          .append(SHOWN.format(lastActivity(t, now)))
          .append("</td></tr>");
    }
    sb.append("</table><div class=\"pages\">");
    if (from + THREADS_PER_PAGE < threads.size()) {
      sb.append("<a class=\"next\" href=\"/forum/?page=").append(page + 1).append("\">下一页</a>");
    }
    sb.append("</div>");
    return page(story.forum().name(), sb.toString());
  }

  private static List<Story.ForumPost> visiblePosts(Story.Thread t, Instant now) {
    return t.posts().stream().filter(p -> !p.instant().isAfter(now)).toList();
  }

  String thread(Instant now, int id) {
    Story.Thread t =
        story.forum().threads().stream().filter(x -> x.id() == id).findFirst().orElse(null);
    if (t == null || t.startedAt().isAfter(now)) {
      return null;
    }
    StringBuilder sb = new StringBuilder();
    sb.append("<p class=\"crumbs\"><a href=\"/forum/\">")
        .append(esc(story.forum().name()))
        .append("</a></p>");
    sb.append("<h1 class=\"thread-title\">").append(esc(t.title())).append("</h1>");
    int floor = 1;
    for (Story.ForumPost p : visiblePosts(t, now)) {
      sb.append("<div class=\"post\" id=\"post_")
          .append(t.id() * 100 + floor)
          .append("\"><div class=\"post-head\"><span class=\"author\">")
          .append(esc(p.author()))
          .append("</span> 发表于 <time class=\"time\" datetime=\"")
          .append(ISO.format(p.instant()))
          .append("\">")
          .append(SHOWN.format(p.instant()))
          .append("</time> <span class=\"floor\">")
          .append(floor == 1 ? "楼主" : floor + "楼")
          .append("</span></div><div class=\"content\">")
          .append(esc(p.text()))
          .append("</div></div>");
      floor++;
    }
    return page(t.title() + " - " + story.forum().name(), sb.toString());
  }

  private List<Story.Article> visibleArticles(Instant now) {
    List<Story.Article> out = new ArrayList<>();
    for (Story.Article a : story.news().articles()) {
      if (!a.instant().isAfter(now)) {
        out.add(a);
      }
    }
    out.sort(Comparator.comparing(Story.Article::instant).reversed());
    return out;
  }

  private String newsIndex(Instant now) {
    StringBuilder sb =
        new StringBuilder("<h1>").append(esc(story.news().name())).append("</h1><ul>");
    for (Story.Article a : visibleArticles(now)) {
      sb.append("<li><a href=\"/news/")
          .append(a.id())
          .append(".html\">")
          .append(esc(a.title()))
          .append("</a> ")
          .append(SHOWN.format(a.instant()))
          .append("</li>");
    }
    return page(story.news().name(), sb.append("</ul>").toString());
  }

  String article(Instant now, int id) {
    Story.Article a =
        story.news().articles().stream().filter(x -> x.id() == id).findFirst().orElse(null);
    if (a == null || a.instant().isAfter(now)) {
      return null;
    }
    StringBuilder sb = new StringBuilder("<article><h1>").append(esc(a.title())).append("</h1>");
    sb.append("<p class=\"meta\"><span class=\"author\">")
        .append(esc(a.author()))
        .append("</span> <time datetime=\"")
        .append(ISO.format(a.instant()))
        .append("\">")
        .append(SHOWN.format(a.instant()))
        .append("</time></p><div class=\"article-content\">");
    for (String p : a.paragraphs()) {
      sb.append("<p>").append(esc(p)).append("</p>");
    }
    sb.append("</div></article>");
    return page(a.title() + " - " + story.news().name(), sb.toString());
  }

  String rss(Instant now) {
    StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    sb.append("<rss version=\"2.0\"><channel><title>")
        .append(esc(story.news().name()))
        .append("</title><link>")
        .append(baseUrl())
        .append("/news/</link><description>")
        .append(esc(story.news().name()))
        .append("</description><language>zh-cn</language>");
    for (Story.Article a : visibleArticles(now)) {
      String link = baseUrl() + "/news/" + a.id() + ".html";
      sb.append("<item><title>")
          .append(esc(a.title()))
          .append("</title><link>")
          .append(link)
          .append("</link><guid isPermaLink=\"true\">")
          .append(link)
          .append("</guid><author>")
          .append(esc(a.author()))
          .append("</author><pubDate>")
          .append(DateTimeFormatter.RFC_1123_DATE_TIME.format(a.instant().atZone(Story.ZONE)))
          .append("</pubDate><description>")
          .append(esc(a.paragraphs().get(0)))
          .append("</description></item>");
    }
    return sb.append("</channel></rss>").toString();
  }

  private static String notFound() {
    return page("404", "<h1>页面不存在</h1>");
  }

  private static String page(String title, String body) {
    return "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>"
        + esc(title)
        + "</title></head><body>"
        + body
        + "</body></html>";
  }
}
