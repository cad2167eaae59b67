package dev.yuqing.crawler.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TitleFinderTest {
  private static ArticlePart.Draft title(ArticlePart.Page page) {
    return PartsFixture.run(page, new TitleFinder());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.yuqing.crawler.extract.PartsFixture#keyPages")
  void theHeadlineAsTheReaderSeesItOnRealPages(Path file, JsonNode key) {
    PartsFixture.assumeShared(file);
    List<String> titles = PartsFixture.strings(key, "title");
    titles.addAll(PartsFixture.strings(key, "title_alt"));
    assertThat(title(PartsFixture.page(file)).title()).isIn(titles);
  }

  @Test
  void theSiteSuffixGoesAndThePartThePageShowsStays() {
    ArticlePart.Page page =
        PartsFixture.page(
            "<title>Joel on Software - 给计算机系学生的建议</title>"
                + "<div>Joel on Software 周思博趣谈软件</div><p>给计算机系学生的建议</p>"
                + "<p>虽然大约一两年前我还在说……</p>");
    assertThat(title(page).title()).isEqualTo("给计算机系学生的建议");
    // no part shown on its own line: the widest, a Chinese character as wide as two letters
    assertThat(TitleFinder.stripSuffix("业主集体维权_房产频道_新浪网", List.of())).isEqualTo("业主集体维权");
    assertThat(TitleFinder.stripSuffix("Sina News - 业主集体维权", List.of())).isEqualTo("业主集体维权");
    assertThat(TitleFinder.stripSuffix("多维博客 » 播客热潮迅速蔓延", List.of())).isEqualTo("播客热潮迅速蔓延");
  }

  @Test
  void aTitleInTheBodyAfterStrayMarkupIsStillTheTitle() {
    // a saved page with a wrapper before <html>: jsoup puts <title> into the body
    ArticlePart.Page page =
        PartsFixture.page(
            "<text id=\"x\"><html><head><title>滨江新城集中交付__房产_新浪网</title></head>"
                + "<body><p>11月5日，位于城南的滨江新城项目开始集中交付，多名业主反映墙面开裂。</p></body></html>");
    assertThat(title(page).title()).isEqualTo("滨江新城集中交付");
    assertThat(page.body().text()).doesNotContain("新浪网");
  }

  @Test
  void theHeadingThatIsTheTitleNotTheCommentHeadingThatQuotesIt() {
    ArticlePart.Page page =
        PartsFixture.page(
            "<title>锦华苑物业费上调引争议 - 都市观察</title><h1>锦华苑物业费上调引争议</h1>"
                + "<p>近日，锦华苑小区多名业主向本报反映。</p><h3>《锦华苑物业费上调引争议》已有3条评论</h3>");
    ArticlePart.Draft d = title(page);
    assertThat(d.title()).isEqualTo("锦华苑物业费上调引争议");
    assertThat(d.headline().normalName()).isEqualTo("h1");
  }

  @Test
  void aBadgeBeforeTheHeadingIsNotTitle() {
    ArticlePart.Page page =
        PartsFixture.page("<title>业主集体投诉精装修缩水_网易新闻</title><h1><span>原创</span>业主集体投诉精装修缩水</h1>");
    assertThat(title(page).title()).isEqualTo("业主集体投诉精装修缩水");
  }
}
