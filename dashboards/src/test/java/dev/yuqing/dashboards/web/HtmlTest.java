package dev.yuqing.dashboards.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HtmlTest {
  private static final String HOSTILE = "<script>alert(1)</script><img src=x onerror=alert(2)>";

  @Test
  void escapesMarkupAndQuotes() {
    assertThat(Html.esc(HOSTILE))
        .isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;");
    assertThat(Html.esc("\"a\" & 'b'")).isEqualTo("&quot;a&quot; &amp; &#39;b&#39;");
    assertThat(Html.esc(null)).isEmpty();
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
    assertThat(Html.highlight(fragment)).isEqualTo(expected);
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
    assertThat(Html.safeHref(url)).isEqualTo(expected);
  }

  @Test
  void anUnsafeLinkBecomesText() {
    assertThat(Html.externalLink("javascript:alert(1)", "<b>点我</b>"))
        .isEqualTo("&lt;b&gt;点我&lt;/b&gt;");
    assertThat(Html.externalLink("https://a.example/\"onmouseover=\"x", "t"))
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
