package dev.yuqing.crawler.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.yuqing.core.config.ForumSelectors;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile and broken input through the whole chain (charset, parse, page kind, extraction): every
 * page is extracted or fails with a clear error, and none takes long. Inputs come from a fixed
 * seed, so a failure repeats.
 */
class ArticleRobustnessTest {
  private static final Duration LIMIT = Duration.ofSeconds(60);
  private static final String PARAGRAPH = "<p>业主反映墙面开裂，开发商承诺两周内完成维修，并邀请第三方机构检测。</p>";
  private static final String[] TAGS = {
    "div",
    "p",
    "a href='/x'",
    "span",
    "table",
    "tr",
    "td",
    "ul",
    "li",
    "h1",
    "b",
    "br",
    "font",
    "script",
    "style",
    "iframe",
    "form",
    "select",
    "option",
    "textarea",
    "!--",
    "![CDATA[",
    "svg",
    "center",
    "article",
    "section",
    "img src=x",
    "meta charset=gbk",
    "title",
    "html",
    "body"
  };

  private final Extraction extraction =
      new Extraction(
          Clock.fixed(PartsFixture.FETCHED, PartsFixture.ZONE),
          PartsFixture.ZONE,
          ForumSelectors.DEFAULT);

  static Stream<Arguments> inputs() throws IOException {
    Random rnd = new Random(20);
    List<Arguments> out = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      out.add(Arguments.of("tag soup " + i, soup(rnd, 2_000 + rnd.nextInt(50_000)), null));
    }
    for (String name :
        List.of(
            "articles/table-gbk.html",
            "articles/comments-long.html",
            "site/article-jinxiu.html",
            "site/thread12.html",
            "site/feed.xml")) {
      byte[] page = resource(name);
      for (int i = 0; i < 6; i++) {
        int cut = rnd.nextInt(page.length);
        out.add(Arguments.of(name + " cut at " + cut, java.util.Arrays.copyOf(page, cut), null));
      }
    }
    out.add(Arguments.of("50000 nested divs", nested("div", 50_000), null));
    out.add(Arguments.of("5000 nested tables", nested("table><tr><td", 5_000), null));
    out.add(
        Arguments.of(
            "50000 open inline tags",
            ("<b><i><font>" + "业主").repeat(50_000).getBytes(StandardCharsets.UTF_8),
            null));
    out.add(
        Arguments.of(
            "10000 anchors left open",
            ("<a name=x>" + PARAGRAPH).repeat(10_000).getBytes(StandardCharsets.UTF_8),
            null));
    out.add(Arguments.of("10 MB of paragraphs", big(PARAGRAPH), null));
    out.add(Arguments.of("10 MB of links", big("<a href='/a'>多地出台物业服务收费新规</a> "), null));
    out.add(Arguments.of("10 MB in one text node", big("业主反映墙面开裂开发商承诺维修"), null));
    out.add(
        Arguments.of(
            "10 MB in one attribute",
            ("<div title='" + "业".repeat(3_500_000) + "'>" + PARAGRAPH)
                .getBytes(StandardCharsets.UTF_8),
            null));
    byte[] gbk =
        ("<html><head><meta charset='utf-8'><title>墙面开裂</title></head><body>"
                + PARAGRAPH.repeat(5)
                + "</body></html>")
            .getBytes(Charset.forName("GBK"));
    out.add(Arguments.of("GBK bytes that say UTF-8", gbk, "text/html; charset=utf-8"));
    out.add(
        Arguments.of(
            "UTF-8 bytes that say GB2312",
            ("<meta charset=gb2312>" + PARAGRAPH.repeat(5)).getBytes(StandardCharsets.UTF_8),
            "text/html; charset=gb2312"));
    out.add(
        Arguments.of(
            "UTF-16 without a BOM", PARAGRAPH.repeat(5).getBytes(StandardCharsets.UTF_16LE), null));
    out.add(
        Arguments.of(
            "an unknown charset",
            PARAGRAPH.getBytes(StandardCharsets.UTF_8),
            "text/html; charset=x-no-such"));
    byte[] noise = new byte[200_000];
    rnd.nextBytes(noise);
    out.add(Arguments.of("random bytes", noise, null));
    out.add(Arguments.of("empty", new byte[0], null));
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("inputs")
  void extractsOrFailsClearlyAndNeverHangs(String what, byte[] page, String contentType) {
    assertTimeoutPreemptively(
        LIMIT,
        () -> {
          try {
            Extraction.Result r =
                extraction.extract(page, contentType, "https://news.example.com/a/1.html", null);
            assertThat(r.kind()).isNotNull();
            assertThat(r.charset()).isNotBlank();
          } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).as(what).isNotBlank();
          }
        },
        what);
  }

  @Test
  void whatCanBeReadIsRead() {
    byte[] gbk =
        ("<html><head><meta charset='utf-8'><title>墙面开裂</title></head><body>"
                + PARAGRAPH.repeat(5)
                + "</body></html>")
            .getBytes(Charset.forName("GBK"));
    assertThat(
            extraction
                .extract(gbk, "text/html; charset=utf-8", "https://x/", Extraction.Kind.ARTICLE)
                .text())
        .contains("业主反映墙面开裂");
    assertThat(
            extraction
                .extract(nested("div", 50_000), null, "https://x/", Extraction.Kind.ARTICLE)
                .text())
        .contains("很深的正文");
    assertThat(
            extraction.extract(big(PARAGRAPH), null, "https://x/", Extraction.Kind.ARTICLE).text())
        .startsWith("业主反映墙面开裂");
  }

  private static byte[] nested(String open, int depth) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < depth; i++) {
      sb.append('<').append(open).append('>');
    }
    sb.append("<p>很深的正文，测试不会栈溢出，也不会一直跑下去。</p>");
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] big(String unit) {
    StringBuilder sb = new StringBuilder("<html><body>");
    while (sb.length() < 10_000_000 / 3) {
      sb.append(unit);
    }
    return sb.append("</body></html>").toString().getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] soup(Random rnd, int length) {
    StringBuilder sb = new StringBuilder();
    String text = "业主反映墙面开裂，开发商承诺维修。&amp;&#x4e1a;&nbsp;&lt;<>\"'=/";
    while (sb.length() < length) {
      switch (rnd.nextInt(4)) {
        case 0 -> sb.append('<').append(TAGS[rnd.nextInt(TAGS.length)]).append('>');
        case 1 -> sb.append("</").append(TAGS[rnd.nextInt(TAGS.length)].split(" ")[0]).append('>');
        default -> {
          int from = rnd.nextInt(text.length());
          sb.append(text, from, Math.min(text.length(), from + 1 + rnd.nextInt(text.length())));
        }
      }
    }
    return sb.toString()
        .getBytes(rnd.nextBoolean() ? StandardCharsets.UTF_8 : Charset.forName("GBK"));
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = ArticleRobustnessTest.class.getResourceAsStream("/" + name)) {
      return in.readAllBytes();
    }
  }
}
