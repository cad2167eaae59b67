package dev.yuqing.dashboards.web;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.DocumentType;
import org.jsoup.nodes.Element;

/** The frame around every page: head, navigation, the logout form. */
final class Layout {
  private Layout() {}

  /**
   * A whole page: {@code body} fills its {@code <main>}.
   *
   * @param active the navigation entry to mark ("" for none)
   * @param s the signed-in user's session, or null (the login page)
   */
  static String page(String title, String active, Session s, Consumer<Element> body) {
    Document doc = Document.createShell("");
    doc.outputSettings().prettyPrint(false).charset(StandardCharsets.UTF_8);
    doc.prependChild(new DocumentType("html", "", ""));
    doc.head().parent().attr("lang", "zh-CN");
    Element head = doc.head();
    head.appendElement("meta").attr("charset", "utf-8");
    head.appendElement("meta")
        .attr("name", "viewport")
        .attr("content", "width=device-width, initial-scale=1");
    head.appendElement("title").text(title + " · 舆情监测");
    head.appendElement("link").attr("rel", "stylesheet").attr("href", "/static/style.css");
    if (s != null) {
      head.appendElement("meta").attr("name", "csrf-token").attr("content", s.csrfToken());
    }
    head.appendElement("script")
        .attr("src", "/static/vendor/echarts/echarts.min.js")
        .attr("defer", true);
    head.appendElement("script").attr("src", "/static/app.js").attr("defer", true);
    Element header = doc.body().appendElement("header").addClass("top");
    header.appendElement("span").addClass("brand").text("舆情监测");
    if (s != null) {
      Element nav = header.appendElement("nav");
      nav(nav, "/overview", "总览", active);
      nav(nav, "/incidents", "事件处置", active);
      nav(nav, "/alerts", "预警", active);
      nav(nav, "/search", "搜索", active);
      header
          .appendElement("span")
          .addClass("who")
          .text(s.user() + "（" + (s.admin() ? "管理员" : "只读") + "）");
      Element logout =
          header
              .appendElement("form")
              .attr("method", "post")
              .attr("action", "/logout")
              .addClass("logout");
      csrfField(logout, s);
      logout.appendElement("button").attr("type", "submit").text("退出");
    }
    body.accept(doc.body().appendElement("main"));
    return doc.outerHtml() + "\n";
  }

  /** Appends the hidden field that carries the session's CSRF token. */
  static void csrfField(Element form, Session s) {
    form.appendElement("input")
        .attr("type", "hidden")
        .attr("name", "_csrf")
        .attr("value", s.csrfToken());
  }

  private static void nav(Element nav, String href, String label, String active) {
    Element a = nav.appendElement("a").attr("href", href).text(label);
    if (href.equals(active)) {
      a.addClass("active");
    }
  }

  /** A page that says what went wrong. */
  static String error(Session s, String title, String message) {
    return page(
        title,
        "",
        s,
        main -> {
          Element section = main.appendElement("section").addClass("error");
          section.appendElement("h1").text(title);
          section.appendElement("p").text(message);
        });
  }
}
