package dev.yuqing.crawler.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BoilerplateFilterTest {
  private static final String ARTICLE =
      "<h1>滨江新城集中交付 业主反映墙面开裂</h1>"
          + "<p>2023-11-08 09:12 来源：城市晚报</p>"
          + "<p>11月5日，位于城南的滨江新城项目开始集中交付，三百余户业主在验房时发现墙面开裂、窗户渗水等问题。</p>"
          + "<p>业主王女士说，她家客厅和卧室的墙面都有裂缝，最长的一条超过一米，开发商只答应简单修补。</p>"
          + "<p>记者联系开发商，对方表示已成立专项小组，将在两周内完成全部维修，并邀请第三方机构检测。</p>";

  private static String filtered(String html) {
    return PartsFixture.body(PartsFixture.page("<title>滨江新城集中交付 业主反映墙面开裂</title>" + html)).text();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.yuqing.crawler.extract.PartsFixture#keyPages")
  void noFurnitureLeftAndNoBodyLostOnRealPages(Path file, JsonNode key) {
    PartsFixture.assumeShared(file);
    String squeezed =
        Text.clean(PartsFixture.body(PartsFixture.page(file)).text()).replace(" ", "");
    for (String s : PartsFixture.strings(key, "body_must_not_contain")) {
      assertThat(squeezed).doesNotContain(Text.clean(s).replace(" ", ""));
    }
    for (String s : PartsFixture.strings(key, "body_must_contain")) {
      assertThat(squeezed).contains(Text.clean(s).replace(" ", ""));
    }
  }

  @Test
  void chineseNewsFurnitureAfterTheArticleGoes() {
    String text =
        filtered(
            "<div class='article'>"
                + ARTICLE
                + "<p>（责任编辑：赵敏）</p>"
                + "<p>声明：本报力求信息真实准确，文章提及内容仅供参考，不构成实质性投资建议，据此操作风险自担。</p>"
                + "<p>扫一扫在手机打开当前页面</p>"
                + "<p>关注公众号“城市晚报”，获取更多本地新闻，每天早上七点准时推送，欢迎转发给身边的朋友。</p>"
                + "<p>版权所有 城市晚报社 未经授权禁止转载</p>"
                + "</div>");
    assertThat(text)
        .startsWith("11月5日")
        .endsWith("并邀请第三方机构检测。")
        .doesNotContain("来源", "责任编辑", "声明", "扫一扫", "公众号", "版权所有");
  }

  @Test
  void aCommentSectionAfterTheArticleGoesHoweverLong() {
    String comment = "<p>我们小区也是这样，物业费年年涨，服务越来越差，电梯坏了一个星期都没人修，业委会根本不管事。</p>";
    String text =
        filtered(
            "<div class='article'>"
                + ARTICLE
                + "<p>网友评论</p>"
                + comment.repeat(8)
                + "<p>已有8条评论 我要评论</p></div>");
    assertThat(text).endsWith("并邀请第三方机构检测。").doesNotContain("业委会", "评论");
  }

  @Test
  void anEditorLineInTheMiddleOfARoundupKeepsWhatFollows() {
    String second = "<p>另据报道，翡翠湾二期延期交付已近半年，业主代表本周再次前往住建部门，要求开发商公开复工计划和违约金方案。</p>";
    String text =
        filtered("<div class='article'>" + ARTICLE + "<p>（编辑：赵敏）</p>" + second + second + "</div>");
    assertThat(text).contains("编辑：赵敏", "翡翠湾二期");
  }

  @Test
  void aStatementQuotedAtTheStartIsBody() {
    String text =
        filtered(
            "<div class='article'><h1>滨江新城集中交付 业主反映墙面开裂</h1>"
                + "<p>声明：我司对滨江新城交付中出现的墙面开裂问题深表歉意，将在两周内完成全部维修并承担检测费用。</p>"
                + "<p>11月5日，位于城南的滨江新城项目开始集中交付，三百余户业主在验房时发现墙面开裂、窗户渗水等问题。</p>"
                + "<p>业主王女士说，她家客厅和卧室的墙面都有裂缝，最长的一条超过一米，开发商只答应简单修补。</p>"
                + "</div>");
    assertThat(text).startsWith("声明：我司");
  }

  @Test
  void marksSayWhatABlockIs() {
    assertThat(
            BoilerplateFilter.marked(Jsoup.parse("<div class='comment-text'>").selectFirst("div")))
        .isTrue();
    assertThat(
            BoilerplateFilter.marked(Jsoup.parse("<div class='more-content'>").selectFirst("div")))
        .isFalse();
    assertThat(BoilerplateFilter.marked(Jsoup.parse("<div id='side_bar2'>").selectFirst("div")))
        .isTrue();
    assertThat(BoilerplateFilter.marked(Jsoup.parse("<div class='side'>").selectFirst("div")))
        .isTrue();
    assertThat(
            BoilerplateFilter.marked(Jsoup.parse("<div class='article-body'>").selectFirst("div")))
        .isFalse();
  }
}
