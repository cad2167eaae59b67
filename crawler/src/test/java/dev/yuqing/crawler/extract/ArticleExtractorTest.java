package dev.yuqing.crawler.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yuqing.core.config.ArticleSelectors;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/**
 * Generic extraction on article layouts we wrote ourselves (the shared real pages are scored by
 * {@link ArticleExtractionEvalTest}): old table layouts in GBK, comment sections with long
 * comments, text split by {@code <br>}, a logo in the h1, a summary box, editor lines.
 */
class ArticleExtractorTest {
  private final ArticleExtractor x =
      new ArticleExtractor(
          new Dates(
              Clock.fixed(Instant.parse("2024-06-01T00:00:00Z"), ZoneOffset.UTC),
              ZoneId.of("Asia/Shanghai")));

  private Article extract(String name) throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/articles/" + name)) {
      return x.extract(Pages.parse(in.readAllBytes(), null, "https://news.example.com/a/" + name));
    }
  }

  /**
   * The page's extraction, checked for its title, where its text starts and ends, and the
   * boilerplate its text must not hold.
   */
  private Article body(String name, String title, String starts, String ends, String... absent)
      throws IOException {
    Article a = extract(name);
    assertThat(a.title()).isEqualTo(title);
    assertThat(a.text()).startsWith(starts).endsWith(ends).doesNotContain(absent);
    return a;
  }

  @Test
  void anOldTableLayoutInGbkWithCommentsAndASidebar() throws IOException {
    Article a =
        body(
            "table-gbk.html",
            "滨江新城集中交付 三百余户业主反映墙面开裂",
            "11月5日，位于城南的滨江新城项目开始集中交付。",
            "必要时可以申请司法鉴定。",
            "网友评论",
            "这种情况太常见了",
            "热点新闻",
            "责编",
            "您的位置");
    assertThat(a.text().split("\n")).hasSize(4);
    assertThat(a.publishedAt()).isEqualTo(Instant.parse("2023-11-08T01:12:00Z"));
    assertThat(a.author()).isEqualTo("陈立");
  }

  @Test
  void longCommentsBelowTheArticleAreNotBody() throws IOException {
    Article a =
        body(
            "comments-long.html",
            "物业费上调引争议，业主：服务没变价格先涨",
            "近日，锦华苑小区多名业主向本报反映",
            "在街道和住建部门的协调下协商解决。",
            "我们小区也是这样",
            "建议大家先查一下物业合同",
            "相关阅读",
            "记者 孙悦");
    assertThat(a.publishedAt()).isEqualTo(Instant.parse("2024-03-18T06:30:00Z"));
    assertThat(a.author()).isIn("孙悦", "都市观察");
  }

  @Test
  void textSplitByLineBreaksUnderALogoHeading() throws IOException {
    Article a =
        body(
            "br-text.html",
            "远洋天著延期交房半年 业主集体要求退房",
            "按照购房合同，远洋天著一期应于今年2月28日前交付",
            "要求其制定交付计划并向业主公开。",
            "分享到",
            "编辑：赵敏",
            "版权所有");
    assertThat(a.text().split("\n")).hasSize(5);
    assertThat(a.publishedAt()).isEqualTo(Instant.parse("2022-08-15T08:40:00Z"));
  }

  @Test
  void aSummaryBoxAndADisclaimer() throws IOException {
    Article a = extract("split-lead.html");
    assertThat(a.title()).isEqualTo("华景地产回应“精装缩水”：将为业主免费更换橱柜");
    assertThat(a.text())
        .contains("5月19日，华景地产就翡翠湾项目“精装缩水”一事发布情况说明。")
        .endsWith("并计划向住建部门投诉。")
        .doesNotContain("声明：", "来源：财经日报", "财经日报 ©");
    assertThat(a.publishedAt()).isEqualTo(Instant.parse("2024-05-20T00:00:00Z"));
    assertThat(a.author()).isEqualTo("周明");
  }

  @Test
  void cssOverridesWinWhereGiven() throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/articles/split-lead.html")) {
      Article a =
          x.extract(
              Pages.parse(in.readAllBytes(), null, "https://news.example.com/a/1"),
              new ArticleSelectors(null, "div.article-content", null, ".article-info", List.of()));
      assertThat(a.text()).startsWith("5月19日").doesNotContain("摘要");
      assertThat(a.author()).isEqualTo("来源：财经日报 | 作者：周明");
    }
  }

  @Test
  void aSearchWithTwoHitsIsStillAListButNavigationIsNot() {
    String page =
        """
        <div class="nav"><a href="/">首页</a> <a href="/news">新闻资讯</a> <a href="/house">房产频道</a></div>
        <div class="results">
          <div class="result"><h3><a href="/a/1.html">翡翠湾业主集体投诉精装修缩水 开发商回应</a></h3><p>摘要……</p></div>
          <div class="result"><h3><a href="/a/2.html">翡翠湾二期延期交付 业主要求支付违约金</a></h3><p>摘要……</p></div>
        </div>
        <div class="footer"><a href="/about">关于我们</a> <a href="/help">帮助中心</a></div>
        """;
    List<ListExtractor.Item> items =
        new ListExtractor().items(Jsoup.parse(page, "https://search.example.com/s?q=翡翠湾"));
    assertThat(items)
        .extracting(ListExtractor.Item::url)
        .containsExactly(
            "https://search.example.com/a/1.html", "https://search.example.com/a/2.html");
  }

  @Test
  void controlAndBidiCharactersAreDropped() {
    Article a =
        x.extract(
            Jsoup.parse(
                "<title>物业\u202e回应</title><h1>物业\u202e回应</h1><p>业主\u001b[31m投诉电梯故障，"
                    + "要求物业\u0007尽快维修，并公开维修记录和费用明细。</p>"));
    assertThat(a.title()).isEqualTo("物业回应");
    assertThat(a.text()).isEqualTo("业主[31m投诉电梯故障，要求物业尽快维修，并公开维修记录和费用明细。");
  }

  @Test
  void hostileAndEmptyPagesDoNotBreakIt() {
    assertThat(x.extract(Jsoup.parse("")).text()).isEmpty();
    String huge = "<title>" + "标".repeat(200_000) + "</title><h1>" + "标".repeat(100) + "</h1>";
    assertThat(x.extract(Jsoup.parse(huge)).title()).isNotNull();
    StringBuilder deep = new StringBuilder();
    for (int i = 0; i < 3000; i++) {
      deep.append("<div>");
    }
    deep.append("<p>很深的正文，测试不会栈溢出。</p>");
    assertThat(x.extract(Jsoup.parse(deep.toString())).text()).contains("很深的正文");
  }
}
