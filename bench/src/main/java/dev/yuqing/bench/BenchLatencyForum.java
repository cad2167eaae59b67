package dev.yuqing.bench;

import static dev.yuqing.core.Html.esc;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The homeowner forum of {@code yuqing bench latency}, on loopback: a board listing threads by last
 * reply and thread pages, in the markup of the crawler's default forum profile. Posts are published
 * while the bench runs ({@link #publish}); a page shows what was published before the request.
 * Everything shown is HTML-escaped. Thread-safe.
 */
final class BenchLatencyForum implements AutoCloseable {
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter ISO =
      DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(ZONE);
  private static final Pattern THREAD = Pattern.compile("/forum/thread-(\\d+)\\.html");

  /** One published post. */
  record Post(String author, String text, Instant at) {}

  /** A thread: its title and the posts published in it so far. */
  record Thread(int id, String title, List<Post> posts) {
    Instant last() {
      return posts.get(posts.size() - 1).at();
    }
  }

  private final Map<Integer, Thread> threads = new ConcurrentHashMap<>();
  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(2);

  private BenchLatencyForum(HttpServer server) {
    this.server = server;
  }

  /** A forum on a free loopback port. */
  static BenchLatencyForum start() throws IOException {
    HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    BenchLatencyForum f = new BenchLatencyForum(s);
    s.createContext("/", f::handle);
    s.setExecutor(f.executor);
    s.start();
    return f;
  }

  String boardUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/forum/";
  }

  /** Publishes a post now, opening thread {@code id} with {@code title} if it is new. */
  Instant publish(int id, String title, String author, String text) {
    Instant now = Instant.now();
    threads
        .computeIfAbsent(id, k -> new Thread(id, title, new CopyOnWriteArrayList<>()))
        .posts()
        .add(new Post(author, text, now));
    return now;
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getPath();
      Matcher m = THREAD.matcher(path);
      if (path.equals("/forum/") || path.equals("/forum")) {
        send(ex, 200, board());
      } else if (m.matches() && threads.containsKey(Integer.parseInt(m.group(1)))) {
        send(ex, 200, thread(threads.get(Integer.parseInt(m.group(1)))));
      } else {
        send(ex, 404, page("404", "<p>没有这个页面</p>"));
      }
    }
  }

  private String board() {
    List<Thread> ts = new ArrayList<>(threads.values());
    ts.sort(Comparator.comparing(Thread::last).reversed());
    StringBuilder sb = new StringBuilder("<h1 class=\"board-title\">业主论坛</h1><table>");
    for (Thread t : ts) {
      sb.append("<tr><td><a class=\"thread-link\" href=\"/forum/thread-")
          .append(t.id())
          .append(".html\">")
          .append(esc(t.title()))
          .append("</a></td><td>")
          .append(t.posts().size() - 1)
          .append("</td><td>")
          .append(ISO.format(t.last()))
          .append("</td></tr>");
    }
    return page("业主论坛", sb.append("</table>").toString());
  }

  private static String thread(Thread t) {
    StringBuilder sb = new StringBuilder("<h1 class=\"thread-title\">");
    sb.append(esc(t.title())).append("</h1>");
    int floor = 1;
    for (Post p : t.posts()) {
      sb.append("<div class=\"post\" id=\"post_")
          .append(t.id() * 100 + floor++)
          .append("\"><span class=\"author\">")
          .append(esc(p.author()))
          .append("</span> <time class=\"time\" datetime=\"")
          .append(ISO.format(p.at()))
          .append("\">")
          .append(ISO.format(p.at()))
          .append("</time><div class=\"content\">")
          .append(esc(p.text()))
          .append("</div></div>");
    }
    return page(t.title(), sb.toString());
  }

  private static String page(String title, String body) {
    return "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"><title>"
        + esc(title)
        + "</title></head><body>"
        + body
        + "</body></html>";
  }

  private static void send(HttpExchange ex, int status, String html) throws IOException {
    byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
