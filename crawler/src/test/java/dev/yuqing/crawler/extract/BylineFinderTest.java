package dev.yuqing.crawler.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class BylineFinderTest {
  private static final String PROSE =
      "<p>11月5日，位于城南的滨江新城项目开始集中交付，三百余户业主在验房时发现墙面开裂、窗户渗水等问题。</p>"
          + "<p>业主王女士说，她家客厅和卧室的墙面都有裂缝，最长的一条超过一米，开发商只答应简单修补。</p>";

  private static ArticlePart.Draft byline(ArticlePart.Page page) {
    return PartsFixture.run(
        page,
        new TitleFinder(),
        new BodyScorer(),
        new BoilerplateFilter(),
        new BylineFinder(PartsFixture.DATES));
  }

  private static ArticlePart.Draft byline(String head, String html) {
    return byline(PartsFixture.page("<html" + head + "><title>滨江新城业主反映墙面开裂_城市网</title>" + html));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.yuqing.crawler.extract.PartsFixture#keyPages")
  void timeAndAuthorOnRealPages(Path file, JsonNode key) {
    PartsFixture.assumeShared(file);
    ArticlePart.Draft d = byline(PartsFixture.page(file));
    String shown =
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(PartsFixture.ZONE)
            .format(d.published());
    String want = key.get("publish_time").asText();
    assertThat(shown).startsWith(want.length() > 16 ? want.substring(0, 16) : want);
    List<String> authors = PartsFixture.strings(key, "author");
    authors.addAll(PartsFixture.strings(key, "author_alt"));
    assertThat(d.author()).isIn(authors);
  }

  @Test
  void structuredDataComesFirst() {
    ArticlePart.Draft d =
        byline(
            "",
            "<script type='application/ld+json'>{\"@graph\":[{\"@type\":\"NewsArticle\","
                + "\"datePublished\":\"2024-05-20T09:30:00+08:00\"}]}</script>"
                + "<h1>滨江新城业主反映墙面开裂</h1><p>2024-05-21 10:00 来源：城市晚报</p>"
                + PROSE);
    assertThat(d.published()).isEqualTo(Instant.parse("2024-05-20T01:30:00Z"));
  }

  @Test
  void theBylineBeatsADatelineAndADateInTheText() {
    ArticlePart.Draft d =
        byline(
            "",
            "<h1>滨江新城业主反映墙面开裂</h1><div>2005年07月04日 08:15 来源：看中国</div>"
                + "<p>看中国2005年07月03日报道，位于城南的滨江新城项目开始集中交付，多名业主发现墙面开裂。</p>"
                + PROSE);
    assertThat(d.published()).isEqualTo(Instant.parse("2005-07-04T00:15:00Z"));
  }

  @Test
  void withoutABylineTheUrlThenTheDatelineThenTheLineAfterTheBody() {
    String page =
        "<title>滨江新城业主反映墙面开裂</title><h1>滨江新城业主反映墙面开裂</h1>"
            + "<p>新华社南京5月20日电 位于城南的滨江新城项目开始集中交付，多名业主在验房时发现墙面开裂。</p>"
            + PROSE;
    ArticlePart.Page url =
        PartsFixture.page(
            org.jsoup.Jsoup.parse(page, "https://news.example.com/2024/05/19/c_1.htm"));
    assertThat(byline(url).published()).isEqualTo(Instant.parse("2024-05-18T16:00:00Z"));
    assertThat(byline(PartsFixture.page(page)).published())
        .isEqualTo(Instant.parse("2024-05-19T16:00:00Z"));
    ArticlePart.Draft after =
        byline("", "<div class='entry'>" + PROSE + "</div><p>ggjjzhzz 发表于 2005-9-15 11:46:00</p>");
    assertThat(after.published()).isEqualTo(Instant.parse("2005-09-15T03:46:00Z"));
    assertThat(after.author()).isEqualTo("ggjjzhzz");
  }

  @Test
  void aBlogsTimestampOverTheHeadlineButNotTheSitesDateOfToday() {
    String blog =
        "<div>2006年12月27日（京港台时间）</div><div><a href='/'>首页</a> <a href='/b'>博客</a></div>"
            + "<p>Saturday, September 10th, 2005 &nbsp; 10:56 am</p>"
            + "<p><font size=5>滨江新城业主反映墙面开裂</font></p>"
            + PROSE;
    assertThat(byline("", blog).published()).isEqualTo(Instant.parse("2005-09-10T02:56:00Z"));
    String today = "<div>2006年12月27日（京港台时间）</div><p><font size=5>滨江新城业主反映墙面开裂</font></p>" + PROSE;
    // the body's dateline (11月5日) is taken, not the header
    assertThat(byline("", today).published()).isEqualTo(Instant.parse("2023-11-04T16:00:00Z"));
  }

  @Test
  void aDateThatReadsBothWaysFollowsThePagesOtherDatesElseItsLanguage() {
    String html = "<h1>滨江新城业主反映墙面开裂</h1><div>06/02/2022 13:48</div>" + PROSE;
    String others = "<ul><li>13/02/2022</li><li>31/01/2022</li></ul>";
    assertThat(byline("", html + others).published())
        .isEqualTo(Instant.parse("2022-02-06T05:48:00Z"));
    assertThat(byline(" lang='fr'", html).published())
        .isEqualTo(Instant.parse("2022-02-06T05:48:00Z"));
    assertThat(byline(" lang='zh-CN'", html).published())
        .isEqualTo(Instant.parse("2022-06-02T05:48:00Z"));
  }

  @Test
  void neverATimeAfterTheFetch() {
    // fetched 2024-06-01 08:00 Shanghai: a meta time that evening is a wrong one
    ArticlePart.Draft d =
        byline(
            "",
            "<meta property='article:published_time' content='2024-06-01T20:00:00+08:00'>"
                + "<h1>滨江新城业主反映墙面开裂</h1><p>2024-05-31 18:00 来源：城市晚报</p>"
                + PROSE);
    assertThat(d.published()).isEqualTo(Instant.parse("2024-05-31T10:00:00Z"));
    assertThat(d.published()).isBefore(PartsFixture.FETCHED);
  }

  @Test
  void authorAndSourceAreKeptApart() {
    ArticlePart.Draft both = byline("", "<h1>滨江新城业主反映墙面开裂</h1><p>来源：城市晚报 记者 陈立 李想</p>" + PROSE);
    assertThat(both.author()).isEqualTo("陈立 李想");
    assertThat(both.source()).isEqualTo("城市晚报");
    ArticlePart.Draft outlet = byline("", "<h1>滨江新城业主反映墙面开裂</h1><p>2024-05-20 来源：城市晚报</p>" + PROSE);
    assertThat(outlet.author()).isEqualTo("城市晚报");
    assertThat(outlet.source()).isEqualTo("城市晚报");
    ArticlePart.Draft credit =
        byline("", "<h1>滨江新城业主反映墙面开裂</h1>" + PROSE + "<p>开发商表示将在两周内完成维修，并邀请第三方机构检测。（常书香 马丹阳）</p>");
    assertThat(credit.author()).isEqualTo("常书香 马丹阳");
    assertThat(credit.source()).isNull();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "作者：罗银胜 立刻注册新浪免费邮箱|罗银胜",
        "河南商报记者马俊峰/文 受访者供图|马俊峰",
        "新华网黑龙江频道 记者 伊琳 李清芬|伊琳 李清芬",
        "执笔/叨叨姐、胡一刀&李小飞刀|叨叨姐、胡一刀&李小飞刀",
        "作者： 放飞&心情|放飞&心情",
        "作者： 周思博 (Joel Spolsky)|周思博",
        "02日14:25 作者： 赵婕 出自：《纯棉婚姻》|赵婕",
        "记者 孙悦 2024年3月18日 14:30|孙悦",
        "本报记者 张三 通讯员 李四|张三",
        "作者：ggjjzhzz|ggjjzhzz",
      })
  void namesInBylines(String line, String names) {
    assertThat(AuthorFinder.named(line)).isEqualTo(names);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "(作者：方敏北京大学经济学院教授)",
        "第A04版：小记者训练营",
        "与作者联系（英文）",
        "记者来到现场，看到业主们聚集在售楼处门口。",
      })
  void noNameWhereNoneIsGiven(String line) {
    assertThat(AuthorFinder.named(line)).isNull();
  }
}
