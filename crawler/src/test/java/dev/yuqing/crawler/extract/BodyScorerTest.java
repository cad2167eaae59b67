package dev.yuqing.crawler.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BodyScorerTest {
  private static final String P1 = "<p>11月5日，位于城南的滨江新城项目开始集中交付，三百余户业主在验房时发现墙面开裂、窗户渗水等问题。</p>";
  private static final String P2 = "<p>业主王女士说，她家客厅和卧室的墙面都有裂缝，最长的一条超过一米，开发商只答应简单修补。</p>";
  private static final String P3 = "<p>记者联系开发商，对方表示已成立专项小组，将在两周内完成全部维修，并邀请第三方机构检测。</p>";
  private static final String P4 = "<p>律师提醒，业主可以要求开发商出具书面整改承诺，必要时可以申请司法鉴定，保留维权证据。</p>";

  private static String body(String html) {
    ArticlePart.Page page = PartsFixture.page(html);
    return PartsFixture.run(page, new TitleFinder(), new BodyScorer()).text();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.yuqing.crawler.extract.PartsFixture#keyPages")
  void theChosenBlocksHoldTheWholeArticleOnRealPages(Path file, JsonNode key) {
    PartsFixture.assumeShared(file);
    String text =
        PartsFixture.run(PartsFixture.page(file), new TitleFinder(), new BodyScorer()).text();
    String squeezed = Text.clean(text).replace(" ", "");
    for (String s : PartsFixture.strings(key, "body_must_contain")) {
      assertThat(squeezed).contains(Text.clean(s).replace(" ", ""));
    }
  }

  @Test
  void anArticleSplitByALinkListIsJoined() {
    String links =
        "<ul>" + "<li><a href='/a/1'>多地出台物业服务收费新规 业主关心的问题都在这里</a></li>".repeat(12) + "</ul>";
    String text =
        body(
            "<div class='wrap'><div class='part'>"
                + P1
                + P2
                + "</div><div class='links'>"
                + links
                + "</div><div class='part'>"
                + P3
                + P4
                + "</div></div>");
    assertThat(text).contains("滨江新城", "王女士", "专项小组", "司法鉴定").doesNotContain("收费新规");
  }

  @Test
  void longCommentsInAMarkedBlockBesideTheArticleAreNotChosen() {
    String comment =
        "<div class='comment'><p>我们小区也是这样，物业费年年涨，服务越来越差，电梯坏了一个星期都没人修，业委会根本不管事。</p></div>";
    String text =
        body(
            "<div class='main'><div class='post'>"
                + P1
                + P2
                + "</div><div class='comments'>"
                + comment.repeat(6)
                + "</div></div>");
    assertThat(text).contains("滨江新城", "王女士").doesNotContain("业委会根本不管事");
  }

  @Test
  void anAnchorLeftOpenIsNotALink() {
    // old markup: <a name> never closed; jsoup re-opens it inside every later block
    String text = body("<div><a name=top>" + P1 + P2 + P3 + "</div>");
    assertThat(text).contains("滨江新城", "王女士", "专项小组");
  }

  @Test
  void aBodyRichInLinksStillOutweighsItsParts() {
    String linked =
        "<p>金锺国（<a href='/w/1'>韩语</a>：김종국），韩国男<a href='/w/2'>歌手</a>、<a href='/w/3'>主持人</a>，"
            + "<a href='/w/4'>Turbo</a>组合成员，以综艺节目<a href='/w/5'>Running Man</a>为人熟知。"
            + "他在1995年以组合成员身份出道，2001年起以个人歌手身份活动，发行过多张正规专辑，曾获多个年度大赏。</p>";
    String table =
        "<table><tr><td>年份</td><td>作品</td></tr>"
            + "<tr><td>2005年</td><td>《<a href='/w/6'>一个男人</a>》</td></tr>".repeat(3)
            + "</table>";
    String nav = "<ul>" + "<li><a href='/w/x'>韩国男歌手列表</a></li>".repeat(4) + "</ul>";
    String text = body("<div class='page'>" + (linked + linked + table + nav).repeat(4) + "</div>");
    assertThat(text.split("金锺国", -1)).hasSize(9); // all four sections, not one
  }
}
