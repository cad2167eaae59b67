package dev.yuqing.dashboards.web;

import static dev.yuqing.dashboards.web.Html.esc;

/** The frame around every page: head, navigation, the logout form. */
final class Layout {
  private Layout() {}

  static String page(String title, String active, Session s, String body) {
    StringBuilder b = new StringBuilder(4096 + body.length());
    b.append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>")
        .append(esc(title))
        .append(" · 舆情监测</title>")
        .append("<link rel=\"stylesheet\" href=\"/static/style.css\">");
    if (s != null) {
      b.append("<meta name=\"csrf-token\" content=\"").append(esc(s.csrfToken())).append("\">");
    }
    b.append("<script src=\"/static/vendor/echarts/echarts.min.js\" defer></script>")
        .append("<script src=\"/static/app.js\" defer></script>")
        .append("</head><body>");
    b.append("<header class=\"top\"><span class=\"brand\">舆情监测</span>");
    if (s != null) {
      b.append("<nav>");
      nav(b, "/overview", "总览", active);
      nav(b, "/alerts", "预警", active);
      nav(b, "/search", "搜索", active);
      b.append("</nav><span class=\"who\">")
          .append(esc(s.user()))
          .append("（")
          .append(s.admin() ? "管理员" : "只读")
          .append("）</span>")
          .append("<form method=\"post\" action=\"/logout\" class=\"logout\">")
          .append(csrfField(s))
          .append("<button type=\"submit\">退出</button></form>");
    }
    b.append("</header><main>").append(body).append("</main></body></html>\n");
    return b.toString();
  }

  static String csrfField(Session s) {
    return "<input type=\"hidden\" name=\"_csrf\" value=\"" + esc(s.csrfToken()) + "\">";
  }

  private static void nav(StringBuilder b, String href, String label, String active) {
    b.append("<a href=\"")
        .append(href)
        .append('"')
        .append(href.equals(active) ? " class=\"active\"" : "")
        .append('>')
        .append(label)
        .append("</a>");
  }

  static String error(Session s, String title, String message) {
    return page(
        title,
        "",
        s,
        "<section class=\"error\"><h1>"
            + esc(title)
            + "</h1><p>"
            + esc(message)
            + "</p></section>");
  }
}
