package dev.yuqing.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {
  @Test
  void markupInCrawledTextBecomesText() {
    assertThat(Html.esc("<script>alert('x')</script>&\"<img src=x onerror=alert(2)>"))
        .isEqualTo(
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;&quot;"
                + "&lt;img src=x onerror=alert(2)&gt;");
    assertThat(Html.esc("漏水\u0000了")).isEqualTo("漏水\uFFFD了");
    assertThat(Html.esc(null)).isEmpty();
  }

  @Test
  void unescapeUndoesWhatEscapingDidOnce() {
    String hostile = "<b onclick=\"x('1')\">业主&物业</b> &amp;lt;";
    assertThat(Html.unescape(Html.esc(hostile))).isEqualTo(hostile);
    assertThat(Html.unescape("it&#x27;s &lt;ok&gt;")).isEqualTo("it's <ok>");
    assertThat(Html.unescape("&amp;lt;")).as("one level only").isEqualTo("&lt;");
    assertThat(Html.unescape("无实体的文本")).isEqualTo("无实体的文本");
  }

  @Test
  void onlyAbsoluteHttpUrlsMayBecomeLinks() {
    assertThat(Html.safeUrl("https://bbs.example.cn/t/1?a=1&b=2"))
        .isEqualTo("https://bbs.example.cn/t/1?a=1&b=2");
    assertThat(Html.safeUrl(" http://bbs.example.cn/search?kw=翡翠湾 "))
        .isEqualTo("http://bbs.example.cn/search?kw=%E7%BF%A1%E7%BF%A0%E6%B9%BE");
    assertThat(Html.safeUrl("javascript:alert(1)")).isNull();
    assertThat(Html.safeUrl("JaVaScRiPt:alert(1)")).isNull();
    assertThat(Html.safeUrl("data:text/html,<script>alert(1)</script>")).isNull();
    assertThat(Html.safeUrl("/relative/path")).isNull();
    assertThat(Html.safeUrl(null)).isNull();
  }
}
