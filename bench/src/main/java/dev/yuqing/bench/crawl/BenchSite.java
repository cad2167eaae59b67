package dev.yuqing.bench.crawl;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A synthetic homeowner forum and news section on 127.0.0.1 for the crawl benchmark: {@code boards}
 * board pages of 25 threads, each thread two pages of ten posts; and list pages of 20 articles.
 * Pages are generated from a fixed seed (the same every run), are 10–30 KB of realistic markup with
 * navigation and footers, and are written by us.
 */
public final class BenchSite implements AutoCloseable {
  private static final String[] SENTENCES = {
    "今天去收房，客厅天花板有明显的水渍，墙角已经开始发霉。",
    "卫生间闭水试验没做好，楼下邻居说他家顶上一直在滴水。",
    "合同上写的是精装修交付，结果橱柜和样板间完全不是一个牌子。",
    "物业说维修要排队，最快也得下个月才能上门。",
    "交房时间一拖再拖，违约金到底怎么算谁也说不清楚。",
    "车位价格比开盘时说的贵了一倍，还必须捆绑储藏室。",
    "小区门口的学校规划到现在也没有动静，当初销售说得很肯定。",
    "验房师发现三处空鼓，两处窗户密封条没装好。",
    "电梯这周坏了两次，老人孩子被困在里面半个小时。",
    "建议大家把问题拍照留证，统一整理后交给业委会。",
    "开发商的客服电话一直占线，发邮件也没有回复。",
    "有业主说准备打12345反映，也有人说先找律师咨询。",
    "今天上午物业贴了通知，说下周开始集中整改。",
    "整体来说绿化做得还不错，就是外立面和宣传图差距有点大。",
    "地下车库的排水沟堵了，一下雨就积水。",
    "楼道里的消防栓箱子是空的，这样能通过验收吗？",
  };

  private final HttpServer server;
  private final ExecutorService pool;
  private final int boards;
  private final int newsPages;
  private final AtomicLong bytes = new AtomicLong();
  private final AtomicLong requests = new AtomicLong();

  /**
   * Starts the site.
   *
   * @param boards board pages (25 threads each, 2 pages per thread)
   * @param newsPages news list pages (20 articles each)
   */
  public BenchSite(int boards, int newsPages) throws IOException {
    // without it the JDK server's separate header and body writes wait on delayed ACKs
    System.setProperty("sun.net.httpserver.nodelay", "true");
    this.boards = boards;
    this.newsPages = newsPages;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    pool = Executors.newFixedThreadPool(4);
    server.setExecutor(pool);
    server.createContext("/", this::handle);
    server.start();
  }

  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /** Pages the crawl should fetch: boards, thread pages, news lists and articles. */
  public int pageCount() {
    return boards + boards * 25 * 2 + newsPages + newsPages * 20;
  }

  public long bytesServed() {
    return bytes.get();
  }

  public long requestsServed() {
    return requests.get();
  }

  private void handle(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath();
    String q = ex.getRequestURI().getQuery();
    int page = 1;
    if (q != null && q.startsWith("page=")) {
      page = Integer.parseInt(q.substring(5));
    }
    String html;
    if (path.equals("/robots.txt")) {
      send(ex, "text/plain", "User-agent: *\nDisallow: /admin/\n");
      return;
    } else if (path.equals("/forum/board")) {
      html = board(page);
    } else if (path.startsWith("/forum/thread/")) {
      html = thread(Integer.parseInt(path.substring("/forum/thread/".length())), page);
    } else if (path.equals("/news/list")) {
      html = newsList(page);
    } else if (path.startsWith("/news/a/")) {
      html = article(Integer.parseInt(path.substring("/news/a/".length(), path.length() - 5)));
    } else {
      ex.sendResponseHeaders(404, -1);
      ex.close();
      return;
    }
    send(ex, "text/html; charset=utf-8", html);
  }

  private void send(HttpExchange ex, String type, String body) throws IOException {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", type);
    ex.sendResponseHeaders(200, b.length);
    try (OutputStream o = ex.getResponseBody()) {
      o.write(b);
    }
    bytes.addAndGet(b.length);
    requests.incrementAndGet();
  }

  private static String chrome(String title, String main) {
    StringBuilder sb = new StringBuilder(32 * 1024);
    sb.append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>")
        .append(title)
        .append(" - 业主之家</title><style>body{font:14px sans-serif}.nav a{margin:0 8px}</style>")
        .append("<script>var pv=1;function track(){return pv++;}</script></head><body>")
        .append("<div class=\"nav\">");
    for (String n : new String[] {"首页", "业主论坛", "楼盘动态", "装修", "二手房", "物业", "帮助"}) {
      sb.append("<a href=\"/").append(n.hashCode() & 0xffff).append("\">").append(n).append("</a>");
    }
    sb.append("</div>").append(main);
    sb.append("<div class=\"footer\">业主之家 版权所有 © 2024 · <a href=\"/about\">关于我们</a> · ")
        .append("<a href=\"/contact\">联系方式</a> · 未经授权禁止转载</div></body></html>");
    return sb.toString();
  }

  private static String text(Random r, int sentences) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < sentences; i++) {
      sb.append(SENTENCES[r.nextInt(SENTENCES.length)]);
    }
    return sb.toString();
  }

  private String board(int page) {
    StringBuilder sb = new StringBuilder("<h2>业主交流</h2><ul class=\"threads\">");
    for (int i = 0; i < 25; i++) {
      int t = (page - 1) * 25 + i + 1;
      Random r = new Random(t);
      sb.append("<li><a class=\"thread-link\" href=\"/forum/thread/")
          .append(t)
          .append("\">翡翠湾")
          .append(t)
          .append("号帖：")
          .append(SENTENCES[r.nextInt(SENTENCES.length)], 0, 12)
          .append("</a> <span>回复 19</span></li>");
    }
    sb.append("</ul>");
    if (page < boards) {
      sb.append("<a class=\"next\" href=\"/forum/board?page=")
          .append(page + 1)
          .append("\">下一页</a>");
    }
    return chrome("业主交流 第" + page + "页", sb.toString());
  }

  private String thread(int t, int page) {
    StringBuilder sb = new StringBuilder("<h1 class=\"thread-title\">翡翠湾" + t + "号帖</h1>");
    for (int i = 0; i < 10; i++) {
      int floor = (page - 1) * 10 + i + 1;
      Random r = new Random(t * 1000L + floor);
      sb.append("<div class=\"post\" id=\"post-")
          .append(t)
          .append('-')
          .append(floor)
          .append("\"><span class=\"author\">业主")
          .append(r.nextInt(5000))
          .append("</span><time datetime=\"2024-05-0")
          .append(1 + floor % 9)
          .append("T1")
          .append(floor % 10)
          .append(":00:00+08:00\">5月</time><div class=\"content\">")
          .append(text(r, 3 + r.nextInt(8)))
          .append("</div><div class=\"sign\">签名：")
          .append("交房顺利")
          .append("</div></div>");
    }
    if (page == 1) {
      sb.append("<a class=\"next\" href=\"/forum/thread/").append(t).append("?page=2\">下一页</a>");
    }
    return chrome("翡翠湾" + t + "号帖", sb.toString());
  }

  private String newsList(int page) {
    StringBuilder sb = new StringBuilder("<div class=\"main\"><ul class=\"news-list\">");
    for (int i = 0; i < 20; i++) {
      int a = (page - 1) * 20 + i + 1;
      sb.append("<li><span class=\"date\">05-0")
          .append(1 + a % 9)
          .append("</span><a href=\"/news/a/")
          .append(a)
          .append(".html\">翡翠湾项目第")
          .append(a)
          .append("期报道：业主反映交房问题</a></li>");
    }
    sb.append("</ul>");
    if (page < newsPages) {
      sb.append("<a class=\"next\" href=\"/news/list?page=").append(page + 1).append("\">下一页</a>");
    }
    sb.append("</div><div class=\"side hot\"><ul>");
    for (int i = 0; i < 8; i++) {
      sb.append("<li><a href=\"/hot/").append(i).append("\">热门推荐第").append(i).append("条</a></li>");
    }
    sb.append("</ul></div>");
    return chrome("房产新闻 第" + page + "页", sb.toString());
  }

  private static String article(int a) {
    Random r = new Random(-a);
    StringBuilder sb =
        new StringBuilder("<h1>翡翠湾项目第")
            .append(a)
            .append("期报道：业主反映交房问题</h1><div class=\"info\">2024-05-0")
            .append(1 + a % 9)
            .append(" 10:00 来源：城市晚报</div><div class=\"article\">");
    for (int p = 0; p < 8 + r.nextInt(8); p++) {
      sb.append("<p>").append(text(r, 2 + r.nextInt(4))).append("</p>");
    }
    sb.append("<p>责任编辑：刘洋</p></div><div class=\"related\"><h3>相关新闻</h3><ul>");
    for (int i = 0; i < 6; i++) {
      sb.append("<li><a href=\"/news/a/")
          .append(a + 1000 + i)
          .append(".html\">相关报道之")
          .append(i)
          .append("：楼市观察</a></li>");
    }
    sb.append("</ul></div>");
    return chrome("翡翠湾项目第" + a + "期报道", sb.toString());
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
