package dev.yuqing.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.yuqing.analysis.HandoverTagger;
import dev.yuqing.analysis.SearchTextAnalysis;
import dev.yuqing.core.Post;
import dev.yuqing.core.SharedData;
import dev.yuqing.core.TaggedPost;
import dev.yuqing.core.Tagging;
import dev.yuqing.core.TextAnalysis;
import dev.yuqing.core.config.ProjectConfig;
import dev.yuqing.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The index takes the tagger's words instead of segmenting a post again ({@link Tagging#words()}):
 * the terms made from them must be exactly the terms of the post's full text.
 */
class TaggerWordsTest {
  private static final List<ProjectConfig> PROJECTS =
      List.of(new ProjectConfig("澜庭府", List.of("澜庭府二期"), List.of("华景地产"), List.of("安居物业")));
  private static final HandoverTagger TAGGER = HandoverTagger.create(PROJECTS);
  private static final TextAnalysis ANALYSIS = SearchTextAnalysis.get();

  static {
    // as the job does: the index knows the configured names too
    ANALYSIS.keepWhole(PROJECTS.get(0).allNames());
  }

  static Stream<Arguments> posts() {
    return Stream.of(
        Arguments.of(
            "title and body",
            "澜庭府交房延期半年，业主维权",
            "我们是澜庭府二期3栋的业主，合同约定2023年6月30日交房，华景地产一拖再拖。今天售楼部门口聚集了上百人。",
            true),
        Arguments.of("traditional", "瀾庭府業主投訴", "交樓時發現衛生間漏水，安居物業一直不處理，太過分了！", true),
        Arguments.of(
            "latin and digits", "WiFi信号差", "5G覆盖不到；B2栋1203室，用iPhone15拍照为证，ＡＢＣ１２３全角也有", true),
        Arguments.of("emoji", "😡😡又漏水了", "吊顶滴水👎👎，找物业三次没人来🙄 #维权# @华景地产", true),
        Arguments.of("no title", null, "收房验房发现墙面空鼓、地暖不热，开发商说是正常现象？", true),
        Arguments.of("blank title", "   ", "周六上午九点，大家在售楼部门口集合，拉横幅讨说法", true),
        Arguments.of(
            "paragraphs",
            "【业主联名信】关于延期交房",
            "尊敬的华景地产：\n\n我们是澜庭府业主。\n1. 延期交房违约金\n2. 精装修标准缩水\r\n请给出答复。",
            true),
        Arguments.of(
            "long body", "精装修缩水", "合同写的是品牌橱柜和地暖，交房一看全换了杂牌，卫生间还漏水，墙面空鼓开裂，物业说找开发商。".repeat(12), true),
        Arguments.of("empty body", "澜庭府今日集中交付", null, true),
        // a traditional-only character is converted in a simplified text too, so in each part
        // alone as in the whole
        Arguments.of("one traditional character in each part", "業主", "发现漏水後", true),
        // the whole is converted, so 乾 and 著 in the body would change: no words
        Arguments.of(
            "traditional title, simplified body with 乾 and 著", "瀾庭府業主維權", "乾城小区的业主著名维权", false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("posts")
  void wordsGiveTheTermsOfTheFullText(String name, String title, String text, boolean words) {
    Post post = Post.builder().id(name).sourceId("test").title(title).text(text).build();
    Tagging tagged = TAGGER.tagWithWords(post);
    if (!words) {
      // the tagger's text is not the post's: normalising the parts apart differs from normalising
      // them together (the script conversion decides per text)
      assertThat(tagged.words()).isNull();
      assertThat(ANALYSIS.normalise(post.fullText()))
          .isNotEqualTo(ANALYSIS.normalise(title) + "\n" + ANALYSIS.normalise(text));
      return;
    }
    assertThat(tagged.words()).isNotNull();
    assertThat(ANALYSIS.documentTermsOfWords(tagged.words()))
        .isEqualTo(fullTextTerms(post))
        .isNotEmpty();
  }

  @Test
  void ordinaryPostsCarryTheirWords() {
    Post post =
        Post.builder().id("p").sourceId("test").title("澜庭府交房延期").text("售楼部门口聚集了上百人").build();
    assertThat(TAGGER.tagWithWords(post).words()).containsSubsequence("澜庭府", "交房", "售楼部", "门口");
  }

  @Test
  void noWordsWhenTheTaggerReadsOtherText() {
    String headline = "澜庭府交房延期半年";
    Post repeated = Post.builder().id("r").sourceId("test").title(headline).text(headline).build();
    assertThat(TAGGER.tagWithWords(repeated).words()).isNull();
    String huge = "业主反映卫生间漏水。".repeat(HandoverTagger.MAX_CHARS / 10 + 1);
    Post capped = Post.builder().id("c").sourceId("test").title("漏水").text(huge).build();
    assertThat(TAGGER.tagWithWords(capped).words()).isNull();
  }

  @Test
  void wordsAreNeitherStoredNorPartOfTheTaggedPost() {
    Post post = Post.builder().id("j").sourceId("test").title("漏水").text("卫生间漏水").build();
    Tagging tagging = TAGGER.tagWithWords(post);
    assertThat(tagging.words()).isNotNull();
    TaggedPost tagged = tagging.post();
    assertThat(tagged).isEqualTo(TAGGER.tag(post));
    String json = Json.line(tagged);
    assertThat(json).doesNotContain("\"words\"");
    TaggedPost read = Json.read(json, TaggedPost.class);
    assertThat(read).isEqualTo(tagged).hasSameHashCodeAs(tagged);
  }

  @Test
  void theDocumentOfTheWordsIsTheDocumentOfTheText() {
    Post post = Post.builder().id("p").sourceId("test").title("交房延期").text("售楼部门口集合，卫生间漏水").build();
    Tagging tagging = TAGGER.tagWithWords(post);
    assertThat(tagging.words()).isNotNull();
    PostDocument fromWords = PostDocument.of(tagging.post(), tagging.words(), ANALYSIS);
    assertThat(fromWords.id()).isEqualTo("p");
    assertThat(fromWords.terms()).isEqualTo(fullTextTerms(post)).contains("卫生", "卫生间");
    assertThat(fromWords).isEqualTo(PostDocument.of(tagging.post(), null, ANALYSIS));
  }

  /** Real messages (a sample of the housing replay): every post with words gives the same terms. */
  @Test
  void realMessagesGiveTheSameTerms() throws Exception {
    Optional<Path> file = SharedData.file("housing/messages.jsonl");
    Assumptions.assumeTrue(file.isPresent(), SharedData.missingReason("housing/messages.jsonl"));
    List<String> lines = Files.readAllLines(file.get(), StandardCharsets.UTF_8);
    int checked = 0;
    List<String> differing = new ArrayList<>();
    for (int i = 0; i < lines.size(); i += 7) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      JsonNode n = Json.mapper().readTree(lines.get(i));
      Post post =
          Post.builder()
              .id(n.path("id").asText("m" + i))
              .sourceId("housing")
              .title(n.path("title").asText(null))
              .text(n.path("text").asText(""))
              .build();
      Tagging tagged = TAGGER.tagWithWords(post);
      if (tagged.words() != null) {
        checked++;
        if (!ANALYSIS.documentTermsOfWords(tagged.words()).equals(fullTextTerms(post))) {
          differing.add(post.id());
        }
      }
    }
    assertThat(differing).isEmpty();
    assertThat(checked).isGreaterThan(lines.size() / 7 * 9 / 10);
  }

  private static List<String> fullTextTerms(Post post) {
    return ANALYSIS.documentTerms(post.fullText()).stream().map(TextAnalysis.Term::term).toList();
  }
}
