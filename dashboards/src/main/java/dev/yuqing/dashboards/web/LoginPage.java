package dev.yuqing.dashboards.web;

import dev.yuqing.core.config.UserConfig;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.jsoup.nodes.Element;

/**
 * Login and logout. The login form is itself protected against cross-site submission: it carries a
 * random token that must equal the {@code yq_login} cookie set with the form (double submit), so a
 * foreign page cannot log a victim into an attacker's account.
 */
record LoginPage(Dashboard dash, Sessions sessions, LoginThrottle users, LoginThrottle addresses) {
  /**
   * Verified against when the user is unknown, so that unknown users take as long as known ones.
   */
  private static final String DUMMY_HASH = new PasswordHasher().hash("x".toCharArray());

  void show(DashboardExchange x) throws IOException {
    if (x.session() != null) {
      x.redirect(safeNext(x.param("next")));
      return;
    }
    form(x, 200, x.param("next"), null, null);
  }

  void submit(DashboardExchange x) throws IOException {
    String next = x.form("next");
    String user = x.form("user");
    String password = x.form("password");
    if (!Sessions.sameSecret(x.form("_csrf"), x.cookie(DashboardServer.LOGIN_COOKIE))) {
      form(x, 403, next, user, "登录表单已失效，请重新输入。");
      return;
    }
    if (user == null || password == null) {
      form(x, 400, next, user, "请输入用户名和密码。");
      return;
    }
    String address = x.clientAddress();
    Duration locked = max(users.lockedFor(user), addresses.lockedFor(address));
    if (!locked.isZero()) {
      long minutes = Math.max(1, (locked.toSeconds() + 59) / 60);
      form(x, 429, next, user, "登录失败次数过多，请 " + minutes + " 分钟后再试。");
      return;
    }
    Optional<UserConfig> account = dash.config().user(user);
    char[] pw = password.toCharArray();
    boolean ok;
    try {
      ok = PasswordHasher.verify(pw, account.map(UserConfig::passwordHash).orElse(DUMMY_HASH));
      ok = ok && account.isPresent();
    } finally {
      PasswordHasher.wipe(pw);
    }
    if (!ok) {
      users.failed(user);
      addresses.failed(address);
      form(x, 401, next, user, "用户名或密码错误。");
      return;
    }
    users.succeeded(user);
    Session s = sessions.create(account.get().name(), account.get().role());
    boolean secure = x.tls() || dash.config().secureCookies();
    // no Max-Age: the cookie ends with the browser; the server ends idle sessions itself
    x.setCookie(DashboardServer.SESSION_COOKIE, s.id(), "/", -1, secure);
    x.setCookie(DashboardServer.LOGIN_COOKIE, "", "/login", 0, secure);
    x.redirect(safeNext(next));
  }

  void logout(DashboardExchange x) throws IOException {
    sessions.invalidate(x.session().id());
    boolean secure = x.tls() || dash.config().secureCookies();
    x.setCookie(DashboardServer.SESSION_COOKIE, "", "/", 0, secure);
    x.redirect("/login");
  }

  private void form(DashboardExchange x, int status, String next, String user, String message)
      throws IOException {
    String token = x.cookie(DashboardServer.LOGIN_COOKIE);
    if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
      token = Sessions.token();
    }
    boolean secure = x.tls() || dash.config().secureCookies();
    x.setCookie(DashboardServer.LOGIN_COOKIE, token, "/login", 3600, secure);
    String csrf = token;
    x.html(
        status,
        Layout.page(
            "登录",
            "",
            null,
            main -> {
              Element section = main.appendElement("section").addClass("login");
              section.appendElement("h1").text("舆情监测平台");
              section.appendElement("p").addClass("sub").text("交房舆情监测 · 请登录");
              if (dash.config().users().isEmpty()) {
                Element warn =
                    section
                        .appendElement("p")
                        .addClass("warn")
                        .appendText("尚未配置用户：在配置文件 dashboard.users 中添加用户，密码哈希用 ");
                warn.appendElement("code").text("yuqing user hash");
                warn.appendText(" 生成。");
              }
              if (message != null) {
                section.appendElement("p").addClass("error").id("login-error").text(message);
              }
              Element form =
                  section
                      .appendElement("form")
                      .attr("method", "post")
                      .attr("action", "/login")
                      .id("login-form");
              hidden(form, "_csrf", csrf);
              hidden(form, "next", safeNext(next));
              form.appendElement("label")
                  .appendText("用户名")
                  .appendElement("input")
                  .attr("name", "user")
                  .id("user")
                  .attr("autocomplete", "username")
                  .attr("required", true)
                  .attr("value", Markup.text(user));
              form.appendElement("label")
                  .appendText("密码")
                  .appendElement("input")
                  .attr("name", "password")
                  .id("password")
                  .attr("type", "password")
                  .attr("autocomplete", "current-password")
                  .attr("required", true);
              form.appendElement("button").attr("type", "submit").id("login-submit").text("登录");
            }));
  }

  private static void hidden(Element form, String name, String value) {
    form.appendElement("input").attr("type", "hidden").attr("name", name).attr("value", value);
  }

  /** Only a local path may follow a login: no other host, no scheme, no protocol-relative URL. */
  static String safeNext(String next) {
    if (next == null
        || !next.startsWith("/")
        || next.startsWith("//")
        || next.startsWith("/\\")
        || next.startsWith("/login")
        || next.chars().anyMatch(c -> c < 0x20)) {
      return "/overview";
    }
    return next;
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
