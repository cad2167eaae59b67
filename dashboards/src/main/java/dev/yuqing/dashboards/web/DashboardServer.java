package dev.yuqing.dashboards.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.yuqing.core.DaemonThreads;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard's HTTP server: the JDK's {@code HttpServer} (or {@code HttpsServer}) with one
 * dispatcher that decides, before any page code runs, whether the request may proceed: a session
 * for everything but the login page and static files, the admin role where it is required, and the
 * session's CSRF token on every request that changes state.
 */
public final class DashboardServer implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(DashboardServer.class);
  static final String SESSION_COOKIE = "yq_session";
  static final String LOGIN_COOKIE = "yq_login";

  /** Failed logins allowed per client address, as a multiple of those allowed per user. */
  static final int ADDRESS_FACTOR = 4;

  private static final String STATIC_ROOT = "/dev/yuqing/dashboards/web/static/";
  private static final Map<String, String> TYPES =
      Map.of(
          "js", "text/javascript; charset=utf-8",
          "css", "text/css; charset=utf-8",
          "svg", "image/svg+xml",
          "png", "image/png",
          "txt", "text/plain; charset=utf-8");

  /** Who may use a route. */
  enum Access {
    PUBLIC,
    USER,
    ADMIN
  }

  @FunctionalInterface
  interface Handler {
    void handle(DashboardExchange x) throws IOException;
  }

  private record Route(String method, String[] pattern, Access access, Handler handler) {}

  private final Dashboard dash;
  private final Sessions sessions;
  private final LoginThrottle userThrottle;
  private final LoginThrottle addressThrottle;
  private final HttpServer server;
  private final ExecutorService pool;
  private final boolean tls;
  private final List<Route> routes = new ArrayList<>();
  private final LiveEvents live;

  private DashboardServer(Dashboard dash, HttpServer server, boolean tls) {
    this.dash = dash;
    this.server = server;
    this.tls = tls;
    this.sessions =
        new Sessions(dash.desk().database(), dash.clock(), dash.config().sessionTimeout());
    this.live = new LiveEvents(dash.desk());
    this.userThrottle =
        new LoginThrottle(
            dash.clock(), dash.config().maxLoginFailures(), dash.config().loginLockout());
    // an office behind one NAT address shares this one: allow several users' typos
    this.addressThrottle =
        new LoginThrottle(
            dash.clock(),
            ADDRESS_FACTOR * dash.config().maxLoginFailures(),
            dash.config().loginLockout());
    this.pool = Executors.newFixedThreadPool(8, DaemonThreads.named("dashboard-http"));
    OverviewPage overview = new OverviewPage(dash);
    AlertsPage alerts = new AlertsPage(dash);
    SearchPage search = new SearchPage(dash);
    PostPage post = new PostPage(dash);
    IncidentsPage desk = new IncidentsPage(dash);
    IncidentPage incident = new IncidentPage(dash);
    LoginPage login = new LoginPage(dash, sessions, userThrottle, addressThrottle);
    route("GET", "/login", Access.PUBLIC, login::show);
    route("POST", "/login", Access.PUBLIC, login::submit);
    route("POST", "/logout", Access.USER, login::logout);
    route("GET", "/", Access.USER, x -> x.redirect("/overview"));
    route("GET", "/overview", Access.USER, overview::show);
    route("GET", "/api/overview", Access.USER, overview::api);
    route("GET", "/alerts", Access.USER, alerts::list);
    route("GET", "/api/alerts", Access.USER, alerts::api);
    route("GET", "/alerts/{id}", Access.USER, alerts::detail);
    route("POST", "/alerts/{id}/ack", Access.ADMIN, alerts::acknowledge);
    route("POST", "/alerts/{id}/resolve", Access.ADMIN, alerts::resolve);
    route("GET", "/incidents", Access.USER, desk::list);
    route("GET", "/incidents/{id}", Access.USER, incident::show);
    route("GET", "/incidents/{id}/report.pdf", Access.USER, incident::report);
    route("GET", "/api/incidents/{id}/timeline", Access.USER, incident::timeline);
    route("POST", "/incidents/{id}/ack", Access.ADMIN, desk::acknowledge);
    route("POST", "/incidents/{id}/assign", Access.ADMIN, desk::assign);
    route("POST", "/incidents/{id}/log", Access.ADMIN, desk::log);
    route("POST", "/incidents/{id}/resolve", Access.ADMIN, desk::resolve);
    route("POST", "/incidents/{id}/close", Access.ADMIN, desk::close);
    route("GET", "/events", Access.USER, live::subscribe);
    route("GET", "/search", Access.USER, search::show);
    route("GET", "/api/search", Access.USER, search::api);
    route("GET", "/posts/{id}", Access.USER, post::show);
    route("GET", "/posts/{id}/evidence/{version}", Access.USER, post::evidence);
    server.createContext("/", this::dispatch);
    server.setExecutor(pool);
  }

  /**
   * Starts serving.
   *
   * @param ssl TLS context for HTTPS, or null for plain HTTP
   */
  public static DashboardServer start(Dashboard dash, String bind, int port, SSLContext ssl)
      throws IOException {
    InetSocketAddress at = new InetSocketAddress(bind, port);
    HttpServer s;
    if (ssl != null) {
      HttpsServer https = HttpsServer.create(at, 64);
      https.setHttpsConfigurator(new HttpsConfigurator(ssl));
      s = https;
    } else {
      s = HttpServer.create(at, 64);
    }
    DashboardServer d = new DashboardServer(dash, s, ssl != null);
    s.start();
    return d;
  }

  /** Base URI, e.g. http://127.0.0.1:8080/. */
  public URI uri() {
    InetSocketAddress a = server.getAddress();
    String host = a.getAddress().getHostAddress();
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return URI.create((tls ? "https" : "http") + "://" + host + ":" + a.getPort() + "/");
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    live.close();
    server.stop(0);
    pool.shutdownNow();
    try {
      pool.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Every route as "METHOD /pattern ACCESS", for tests that must cover them all. */
  List<String> routes() {
    return routes.stream()
        .map(r -> r.method() + " " + String.join("/", r.pattern()) + " " + r.access())
        .toList();
  }

  private void route(String method, String pattern, Access access, Handler h) {
    routes.add(new Route(method, pattern.split("/", -1), access, h));
  }

  private void dispatch(HttpExchange he) {
    DashboardExchange x = new DashboardExchange(he, tls);
    try {
      handle(x);
    } catch (DashboardExchange.TooLarge e) {
      try {
        x.text(413, "请求过大");
      } catch (IOException | RuntimeException ignored) {
        he.close();
      }
    } catch (Exception e) {
      LOG.warn("{} {} failed", x.method(), x.path(), e);
      try {
        x.html(500, Layout.error(x.session(), "出错了", "服务器内部错误，请稍后重试。"));
      } catch (IOException | RuntimeException ignored) {
        he.close();
      }
    }
  }

  private void handle(DashboardExchange x) throws IOException {
    String path = x.path();
    String method = x.method().equals("HEAD") ? "GET" : x.method();
    if (path.startsWith("/static/") && method.equals("GET")) {
      serveStatic(x, path.substring("/static/".length()));
      return;
    }
    x.session(sessions.find(x.cookie(SESSION_COOKIE)).orElse(null));
    Route match = null;
    boolean pathKnown = false;
    for (Route r : routes) {
      if (matches(r.pattern(), path, x)) {
        pathKnown = true;
        if (r.method().equals(method)) {
          match = r;
          break;
        }
      }
    }
    Access access = match == null ? Access.USER : match.access();
    if (access != Access.PUBLIC && x.session() == null) {
      // Without a session nothing but the login page is reachable, not even a 404 or 405.
      unauthenticated(x, method);
      return;
    }
    if (match == null) {
      if (pathKnown) {
        x.html(405, Layout.error(x.session(), "不支持的请求", "该地址不支持 " + method + " 请求。"));
      } else {
        x.html(404, Layout.error(x.session(), "页面不存在", "找不到该页面。"));
      }
      return;
    }
    if (!method.equals("GET") && access != Access.PUBLIC && !csrfOk(x)) {
      refuse(x, 403, "请求被拒绝：缺少或错误的 CSRF 令牌，请刷新页面后重试。");
      return;
    }
    if (access == Access.ADMIN && !x.session().admin()) {
      refuse(x, 403, "只有管理员可以执行此操作。");
      return;
    }
    match.handler().handle(x);
  }

  private void unauthenticated(DashboardExchange x, String method) throws IOException {
    if (method.equals("GET") && !x.path().startsWith("/api/")) {
      x.redirect("/login?next=" + Markup.q(x.pathAndQuery()));
    } else {
      x.json(401, Map.of("error", "未登录或会话已过期"));
    }
  }

  private static void refuse(DashboardExchange x, int status, String message) throws IOException {
    if (x.path().startsWith("/api/") || "fetch".equals(x.header("X-Requested-With"))) {
      x.json(status, Map.of("error", message));
    } else {
      x.html(status, Layout.error(x.session(), "请求被拒绝", message));
    }
  }

  /**
   * The session's token must come back in the form field {@code _csrf} or the header {@code
   * X-CSRF-Token}; and a browser that says the request comes from another site is refused even with
   * a token (defence in depth on top of SameSite=Strict cookies).
   */
  private boolean csrfOk(DashboardExchange x) throws IOException {
    String site = x.header("Sec-Fetch-Site");
    if (site != null && site.toLowerCase(Locale.ROOT).equals("cross-site")) {
      return false;
    }
    String origin = x.header("Origin");
    String host = x.header("Host");
    if (origin != null && !origin.equals("null") && host != null) {
      String originHost = URI.create(origin).getRawAuthority();
      if (originHost == null || !originHost.equalsIgnoreCase(host)) {
        return false;
      }
    }
    String token = x.header("X-CSRF-Token");
    if (token == null) {
      token = x.form("_csrf");
    }
    return Sessions.sameSecret(token, x.session().csrfToken());
  }

  private static boolean matches(String[] pattern, String path, DashboardExchange x) {
    String[] parts = path.split("/", -1);
    if (parts.length != pattern.length) {
      return false;
    }
    for (int i = 0; i < parts.length; i++) {
      String p = pattern[i];
      if (p.startsWith("{") && p.endsWith("}")) {
        if (parts[i].isEmpty()) {
          return false;
        }
      } else if (!p.equals(parts[i])) {
        return false;
      }
    }
    for (int i = 0; i < parts.length; i++) {
      String p = pattern[i];
      if (p.startsWith("{") && p.endsWith("}")) {
        x.pathParam(p.substring(1, p.length() - 1), parts[i]);
      }
    }
    return true;
  }

  private void serveStatic(DashboardExchange x, String name) throws IOException {
    if (!name.matches("[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*") || name.contains("..")) {
      x.text(404, "not found");
      return;
    }
    String ext = name.substring(name.lastIndexOf('.') + 1);
    String type = TYPES.get(ext);
    Optional<byte[]> body = resource(name);
    if (type == null || body.isEmpty()) {
      x.text(404, "not found");
      return;
    }
    x.staticFile(type, body.get());
  }

  private static Optional<byte[]> resource(String name) throws IOException {
    try (InputStream in = DashboardServer.class.getResourceAsStream(STATIC_ROOT + name)) {
      return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
    }
  }
}
