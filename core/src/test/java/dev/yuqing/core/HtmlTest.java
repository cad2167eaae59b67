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
