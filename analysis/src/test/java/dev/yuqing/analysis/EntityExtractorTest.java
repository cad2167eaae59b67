package dev.yuqing.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yuqing.core.Entity;
import dev.yuqing.core.config.ProjectConfig;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Golden tables: a sentence and exactly the entities found in it, as {@code type:text},
 * '|'-separated (nothing after the ';': none). Sentences and names made up for this test.
 */
class EntityExtractorTest {
  private static final Segmenter SEGMENTER = Segmenter.create();
  private static final EntityExtractor UNCONFIGURED = new EntityExtractor(List.of());

  private static String entities(EntityExtractor extractor, String sentence) {
    return extractor.extract(SEGMENTER.terms(TextNormalizer.normalize(sentence))).stream()
        .map(e -> e.type().json() + ":" + e.text())
        .collect(Collectors.joining("|"));
  }

  private static String expected(String s) {
    return s == null ? "" : s;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ';',
      value = {
        // estates: a name before an estate word; a region before it and a phase after are not
        "金桂小区的业主反映漏水;project:金桂小区",
        "岳麓区翠湖家园三期业主;project:翠湖家园",
        "长沙市丽景新城小区停水;project:丽景新城",
        "我住在锦绣华府二期;project:锦绣华府",
        "中建国际城交房延期;project:中建国际城",
        "高新区金领公寓漏水;project:金领公寓",
        // false friends: 小区 and 家园 are also common nouns
        "严重影响小区居民出行;",
        "导致小区停水;",
        "我们小区停车难;",
        "某小区业主维权;",
        "这个小区的物业;",
        "老旧小区改造进度慢;",
        "安置小区交房延期;",
        "商品房小区的配套;",
        "高档小区;",
        "人口密集小区;",
        "附近的花园小区;",
        "共同建设美好家园;",
        "城市广场上跳舞;",
        "人才公寓分配不公;",
        "这个楼盘延期交房;",
        // developers: a trade name before 房地产, 地产 or 置业, and the rest of a registered name
        "华汇房地产开发有限公司拖欠工程款;developer:华汇房地产开发有限公司",
        "长沙市鼎盛置业有限公司;developer:鼎盛置业有限公司",
        "阳光投资置业有限公司;developer:阳光投资置业有限公司",
        "业主起诉恒泰地产;developer:恒泰地产",
        "业主要求龙湖地产退款;developer:龙湖地产",
        "找恒泰地产理论;developer:恒泰地产",
        // false friends: a verb, a kind, a government office or grammar before the industry word
        "坚决防止房地产市场大起大落;",
        "保障房地产平稳健康发展;",
        "稳定房地产市场;",
        "规范房地产经纪行为;",
        "商业地产不好做;",
        "县人民政府房地产管理部门;",
        "当地房地产开发商;",
        "一家房地产公司;",
        "返乡置业的人越来越多;",
        "置业顾问说可以退;",
        // property companies: a trade name before 物业; an estate's management office is the estate
        "锦程物业服务有限公司乱收费;property_company:锦程物业服务有限公司",
        "翠湖家园的物业是宏达物业;property_company:宏达物业|project:翠湖家园",
        "12日金桂物业停水;property_company:金桂物业",
        "翠湖家园物业不管;project:翠湖家园",
        // false friends: 物业 is also the common noun for the management office
        "多次向物业反映;",
        "开发商和物业互相推诿;",
        "要求物业整改;",
        "小区物业不作为;",
        "新老物业交接混乱;",
        "发现问题物业不管;",
        "业主欠缴物业管理费;",
        "前期物业服务合同;",
        "物业管理条例第五条;",
        // several kinds in one sentence
        "投诉丽景新城开发商鼎盛置业;developer:鼎盛置业|project:丽景新城",
        // traditional text is read normalised
        "麗景新城業主投訴鼎盛置業;developer:鼎盛置业|project:丽景新城",
      })
  void unconfigured(String sentence, String expected) {
    assertThat(entities(UNCONFIGURED, sentence)).isEqualTo(expected(expected));
  }

  /** Configured names come first and are found whole: the project inside its alias is the alias. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ';',
      value = {
        "翠湖家园三期业主投诉宏达物业;project:翠湖家园三期|property_company:宏达物业",
        "翠湖家园交房，鼎盛置业不管;project:翠湖家园|developer:鼎盛置业",
        "乐居物业在翠湖家园乱收费;project:翠湖家园|property_company:乐居物业",
      })
  void configuredNames(String sentence, String expected) {
    EntityExtractor configured =
        new EntityExtractor(
            List.of(
                new ProjectConfig("翠湖家园", List.of("翠湖家园三期"), List.of("鼎盛置业"), List.of("宏达物业"))));
    assertThat(entities(configured, sentence)).isEqualTo(expected(expected));
  }

  /** Random text around the heads: no failure, and every entity is text of the sentence. */
  @Test
  void randomTextGivesEntitiesFromTheText() {
    String[] pieces = {
      "小区", "物业", "地产", "房地产", "置业", "有限公司", "花园", "家园", "新城", "二期", "的", "和", "市", "区", "12", "日",
      "金", "桂", "翠湖", "要求", "问题", "，", "。", "👍", "業", "Ａ", " ", "\n"
    };
    Random random = new Random(18);
    for (int n = 0; n < 2000; n++) {
      StringBuilder sb = new StringBuilder();
      for (int k = random.nextInt(12); k >= 0; k--) {
        sb.append(pieces[random.nextInt(pieces.length)]);
      }
      String text = TextNormalizer.normalize(sb.toString());
      for (Entity e : UNCONFIGURED.extract(SEGMENTER.terms(text))) {
        assertThat(text).as(sb.toString()).contains(e.text());
        assertThat(e.text().length()).isGreaterThanOrEqualTo(2);
      }
    }
  }
}
