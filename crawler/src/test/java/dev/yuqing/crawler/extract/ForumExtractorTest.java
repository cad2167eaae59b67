package dev.yuqing.crawler.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.yuqing.core.SharedData;
import dev.yuqing.core.config.ForumSelectors;
import dev.yuqing.core.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class ForumExtractorTest {
  private final ForumExtractor x =
      new ForumExtractor(
          ForumSelectors.DEFAULT,
          new Dates(
              Clock.fixed(Instant.parse("2024-05-03T02:00:00Z"), ZoneOffset.UTC),
              ZoneId.of("Asia/Shanghai")));

  @Test
  void readsADiscuzThreadWithDefaultSelectors() {
    String html =
        """
        <html><body>
        <span id="thread_subject">交房延期两个月，开发商说不赔违约金</span>
        <div id="postlist">
          <div id="post_5001"><table><tr>
            <td class="pls"><div class="authi"><a class="xw1" href="space-uid-1.html">楼主老王</a></div></td>
            <td class="plc"><div class="authi"><em id="authorposton5001">发表于 <span title="2024-4-30 21:05:11">3&nbsp;天前</span></em></div>
              <table><tr><td class="t_f" id="postmessage_5001">
                <i class="pstatus"> 本帖最后由 楼主老王 于 2024-4-30 21:10 编辑 </i>
                合同约定3月31日交房，现在拖到五月还没消息。<br>大家有没有一起找律师的？
              </td></tr></table></td></tr></table>
          </div>
          <div id="post_5002"><table><tr>
            <td class="pls"><div class="authi"><a class="xw1" href="space-uid-2.html">小区业主</a></div></td>
            <td class="plc"><div class="authi"><em id="authorposton5002">发表于 2024-5-1 08:00</em></div>
              <table><tr><td class="t_f" id="postmessage_5002">
                <div class="quote"><blockquote>合同约定3月31日交房</blockquote></div>
                算我一个，周末拉群。
              </td></tr></table></td></tr></table>
          </div>
        </div>
        <div class="pg"><a href="thread-1-2-1.html" class="nxt">下一页</a></div>
        </body></html>
        """;
    ForumPage.Thread t = x.thread(Jsoup.parse(html, "https://bbs.example.com/thread-1-1-1.html"));
    assertThat(t.title()).isEqualTo("交房延期两个月，开发商说不赔违约金");
    assertThat(t.posts()).hasSize(2);
    ForumPage.Post first = t.posts().get(0);
    assertThat(first.anchor()).isEqualTo("post_5001");
    assertThat(first.author()).isEqualTo("楼主老王");
    assertThat(first.publishedAt()).isEqualTo(Instant.parse("2024-04-30T13:05:11Z"));
    assertThat(first.text()).isEqualTo("合同约定3月31日交房，现在拖到五月还没消息。\n大家有没有一起找律师的？");
    assertThat(t.posts().get(1).text()).isEqualTo("算我一个，周末拉群。");
    assertThat(t.posts().get(1).publishedAt()).isEqualTo(Instant.parse("2024-05-01T00:00:00Z"));
    assertThat(t.nextPage()).isEqualTo("https://bbs.example.com/thread-1-2-1.html");
  }

  @Test
  void readsTiebaMarkupWithTheTiebaProfile() {
    ForumExtractor tieba =
        new ForumExtractor(
            ForumSelectors.profile("tieba"),
            new Dates(
                Clock.fixed(Instant.parse("2024-05-03T02:00:00Z"), ZoneOffset.UTC),
                ZoneId.of("Asia/Shanghai")));
    String board =
        """
        <ul id="thread_list">
          <li class="j_thread_list"><div class="threadlist_title"><a rel="noreferrer" href="/p/8001"
            title="翡翠湾交房了吗" class="j_th_tit ">翡翠湾交房了吗</a></div></li>
          <li class="j_thread_list"><div class="threadlist_title"><a href="/p/8002"
            class="j_th_tit">精装修和样板间差太多</a></div></li>
        </ul>
        <div class="pagination-default"><a href="/f?kw=翡翠湾&pn=50" class="next pagination-item">下一页&gt;</a></div>
        """;
    ForumPage.Board b = tieba.board(Jsoup.parse(board, "https://tieba.baidu.com/f?kw=翡翠湾"));
    assertThat(b.threads())
        .extracting(ForumPage.ThreadLink::url)
        .containsExactly("https://tieba.baidu.com/p/8001", "https://tieba.baidu.com/p/8002");
    assertThat(b.nextPage()).isEqualTo("https://tieba.baidu.com/f?kw=翡翠湾&pn=50");
    String thread =
        """
        <h3 class="core_title_txt" title="精装修和样板间差太多">精装修和样板间差太多</h3>
        <div class="l_post j_l_post l_post_bright" data-field='{}'>
          <div class="d_author"><ul class="p_author"><li class="d_name"><a class="p_author_name j_user_card">翡翠湾业主</a></li></ul></div>
          <div class="d_post_content_main"><div id="post_content_1001" class="d_post_content j_d_post_content">
            橱柜换了牌子，地板也不是合同里写的那种。</div>
          <div class="post-tail-wrap"><span class="tail-info">来自Android客户端</span><span class="tail-info">1楼</span>
            <span class="tail-info">2024-05-02 21:17</span></div></div>
        </div>
        <div class="l_post j_l_post l_post_bright">
          <div class="d_author"><ul class="p_author"><li class="d_name"><a class="p_author_name">路过的</a></li></ul></div>
          <div id="post_content_1002" class="d_post_content j_d_post_content">一起去住建局反映</div>
          <div class="post-tail-wrap"><span class="tail-info">2楼</span><span class="tail-info">2024-05-02 21:30</span></div>
        </div>
        """;
    ForumPage.Thread t = tieba.thread(Jsoup.parse(thread, "https://tieba.baidu.com/p/8002"));
    assertThat(t.title()).isEqualTo("精装修和样板间差太多");
    assertThat(t.posts()).extracting(ForumPage.Post::author).containsExactly("翡翠湾业主", "路过的");
    assertThat(t.posts().get(0).text()).isEqualTo("橱柜换了牌子，地板也不是合同里写的那种。");
    assertThat(t.posts().get(0).publishedAt()).isEqualTo(Instant.parse("2024-05-02T13:17:00Z"));
    assertThat(t.posts().get(1).publishedAt()).isEqualTo(Instant.parse("2024-05-02T13:30:00Z"));
  }

  @Test
  void anUnknownProfileIsAConfigError() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ForumSelectors.profile("phpbb"))
        .hasMessageStartingWith("profile: unknown forum profile 'phpbb'");
  }

  @Test
  void readsTheRealDiscuzBoardOfTheSharedDataWithDefaultSelectors() throws Exception {
    Path dir = SharedData.file("pages/lists.jsonl").map(Path::getParent).orElse(null);
    Assumptions.assumeTrue(dir != null, SharedData.missingReason("pages/lists.jsonl"));
    JsonNode key = null;
    for (String line : Files.readAllLines(dir.resolve("lists.jsonl"))) {
      JsonNode n = Json.mapper().readTree(line);
      if (n.get("file").asText().contains("netease_forum")) {
        key = n;
      }
    }
    byte[] bytes = Files.readAllBytes(dir.resolve(key.get("file").asText()));
    ForumPage.Board b = x.board(Pages.parse(bytes, null, "https://example.com/forum-1-1.html"));
    assertThat(b.threads()).hasSize(key.get("item_count_approx").asInt());
    List<String> titles = b.threads().stream().map(ForumPage.ThreadLink::title).toList();
    for (JsonNode item : key.get("sample_items")) {
      assertThat(titles).contains(item.get("title").asText());
      // the page has a <base href>: links resolve against it, as in a browser
      assertThat(b.threads()).anyMatch(t -> t.url().endsWith("/" + item.get("href").asText()));
    }
    for (JsonNode not : key.get("not_items")) {
      assertThat(titles).doesNotContain(not.asText());
    }
  }
}
