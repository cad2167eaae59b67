package dev.yuqing.crawler.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RobotsTxtTest {
  private static final String TXT =
      """
      # a comment
      User-agent: *
      Disallow: /private/
      Crawl-delay: 2

      User-agent: Googlebot
      User-agent: YuQing
      Disallow: /search
      Allow: /search/about
      Disallow: /*.php$
      Disallow: /fish*cake
      Allow: /page
      Disallow: /page
      Disallow: /论坛/私密
      Crawl-delay: 5
      Sitemap: https://example.com/sitemap.xml
      """;

  private final RobotsTxt ours = RobotsTxt.parse(TXT, "yuqing");
  private final RobotsTxt other = RobotsTxt.parse(TXT, "somebot");

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "/, true",
    "/private/x, true", // our group replaces *
    "/search, false",
    "/search?q=翡翠湾, false",
    "/search/about, true", // longer allow wins
    "/index.php, false",
    "/index.php?x=1, true", // $ anchors the end
    "/fish/and/cake, false",
    "/fishcake, false",
    "/page, true", // allow wins a tie
    "/robots.txt, true",
    "/%E8%AE%BA%E5%9D%9B/%E7%A7%81%E5%AF%86/1, false", // raw UTF-8 rule vs encoded path
    "/%e8%ae%ba%e5%9d%9b/x, true",
  })
  void longestMatchDecides(String path, boolean allowed) {
    assertThat(ours.allowed(path)).isEqualTo(allowed);
  }

  @Test
  void otherAgentsFallBackToTheStarGroup() {
    assertThat(other.allowed("/private/x")).isFalse();
    assertThat(other.allowed("/search")).isTrue();
    assertThat(other.crawlDelay()).isEqualTo(Duration.ofSeconds(2));
    assertThat(ours.crawlDelay()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void productTokenIsTheFirstWordOfTheUserAgent() {
    assertThat(RobotsTxt.productToken("yuqing/0.1 (+https://x; monitor)")).isEqualTo("yuqing");
    assertThat(RobotsTxt.productToken("YuQing-Bot/2")).isEqualTo("yuqing-bot");
  }

  @Test
  void emptyDisallowAllowsEverythingAndNoGroupAllowsAll() {
    assertThat(RobotsTxt.parse("User-agent: *\nDisallow:\n", "yuqing").allowed("/x")).isTrue();
    assertThat(RobotsTxt.parse("Sitemap: /s.xml\n", "yuqing").allowed("/x")).isTrue();
    assertThat(RobotsTxt.DISALLOW_ALL.allowed("/x")).isFalse();
    assertThat(RobotsTxt.DISALLOW_ALL.allowed("/robots.txt")).isTrue();
  }

  @Test
  void hostilePatternsDoNotBlowUp() {
    RobotsTxt r =
        RobotsTxt.parse("User-agent: *\nDisallow: /" + "*a".repeat(200) + "b\n", "yuqing");
    assertThat(r.allowed("/" + "a".repeat(5000))).isTrue();
  }
}
