package dev.yuqing.dashboards.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Consumer;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MarkupTest {
  private static final String HOSTILE = "<script>alert(1)</script><img src=x onerror=alert(2)>";

  @Test
  void textIsEscapedByConstruction() {
    assertThat(render(p -> p.appendText(HOSTILE)))
        .isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;");
    assertThat(render(p -> p.appendElement("a").attr("title", "\"a\" & 'b'")))
        .isEqualTo("<a title=\"&quot;a&quot; &amp; 'b'\"></a>");
    assertThat(render(p -> p.appendText(Markup.text(null)))).isEmpty();
  }

  /** What a paragraph built by {@code build} holds, as a page renders it. */
  private static String render(Consumer<Element> build) {
    Document doc = Document.createShell("");
    doc.outputSettings().prettyPrint(false);
    Element p = doc.body().appendElement("p");
    build.accept(p);
    return p.html();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        // fragment from the index | what the page gets
        "卫生间<em>漏水</em>严重 | 卫生间<mark>漏水</mark>严重",
        "&lt;script&gt;<em>漏水</em> | &lt;script&gt;<mark>漏水</mark>",
        "<script>alert(1)</script><em>漏水</em> | &lt;script&gt;alert(1)&lt;/script&gt;<mark>漏水</mark>",
        "<em>开裂<img src=x onerror=alert(2)> | <mark>开裂&lt;img src=x onerror=alert(2)&gt;</mark>",
        "a &amp;amp; b | a &amp;amp; b",
        "</em>孤立<em><em>嵌套</em></em> | 孤立<mark>嵌套</mark>"
      })
  void highlightKeepsOnlyTheMarks(String fragment, String expected) {
    assertThat(render(p -> Markup.highlight(p, fragment))).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      nullValues = "NULL",
      value = {
        "https://bbs.example.com/thread-1.html | https://bbs.example.com/thread-1.html",
        "http://news.example.cn/a?id=1&p=2 | http://news.example.cn/a?id=1&p=2",
        "javascript:alert(1) | NULL",
        "JaVaScRiPt:alert(1) | NULL",
        "data:text/html,<script>alert(1)</script> | NULL",
        "//evil.example.com/x | NULL",
        "/relative | NULL",
        "https://bbs.example.com/帖子?主题=漏水 | https://bbs.example.com/%E5%B8%96%E5%AD%90?%E4%B8%BB%E9%A2%98=%E6%BC%8F%E6%B0%B4"
      })
  void linksOnlyToHttp(String url, String expected) {
    assertThat(Markup.safeHref(url)).isEqualTo(expected);
  }

  @Test
  void anUnsafeLinkBecomesText() {
    assertThat(render(p -> Markup.externalLink(p, "javascript:alert(1)", "<b>点我</b>")))
        .isEqualTo("&lt;b&gt;点我&lt;/b&gt;");
    assertThat(render(p -> Markup.externalLink(p, "https://a.example/\"onmouseover=\"x", "t")))
        .doesNotContain("\"onmouseover");
  }

  @Test
  void nextAfterLoginStaysLocal() {
    assertThat(LoginPage.safeNext("/search?q=漏水")).isEqualTo("/search?q=漏水");
    assertThat(LoginPage.safeNext("//evil.example.com")).isEqualTo("/overview");
    assertThat(LoginPage.safeNext("https://evil.example.com")).isEqualTo("/overview");
    assertThat(LoginPage.safeNext("/\\evil.example.com")).isEqualTo("/overview");
    assertThat(LoginPage.safeNext(null)).isEqualTo("/overview");
  }
}
