package dev.yuqing.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yuqing.core.Entity;
import dev.yuqing.core.Post;
import dev.yuqing.core.SentimentLabel;
import dev.yuqing.core.TaggedPost;
import dev.yuqing.core.Topic;
import dev.yuqing.core.config.ProjectConfig;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HandoverTaggerTest {
  private static final HandoverTagger TAGGER =
      HandoverTagger.create(
          List.of(new ProjectConfig("翡翠湾", List.of("翡翠湾三期"), List.of("华景地产"), List.of("华景物业"))));

  private static TaggedPost tag(String text) {
    return TAGGER.tag(Post.builder().id("t").sourceId("test").text(text).build());
  }

  /** Post text → sentiment label. Texts written for this test. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ';',
      value = {
        "新房卫生间漏水，墙面开裂，开发商拖了三个月不来修;negative",
        "交房延期半年，违约金一分没给，业主们很愤怒！;negative",
        "精装缩水，货不对板，和样板间完全不一样;negative",
        "呵呵，真是好样的，交房又延期了;negative",
        "業主們收房時發現牆體開裂，開發商拒絕整改;negative",
        "请问办理房产证需要带哪些材料？;neutral",
        "全市上月新建商品住宅成交均价同比上涨百分之二，成交面积环比下降;neutral",
        "物业师傅半小时就上门修好了水管，服务很贴心，点赞;positive",
        "今天顺利收房，房子质量很好，非常满意;positive",
      })
  void sentiment(String text, String expected) {
    TaggedPost t = tag(text);
    assertThat(t.sentiment().label()).as(text).isEqualTo(SentimentLabel.parse(expected));
    assertThat(t.sentiment().score()).isBetween(0.34, 1.0);
  }

  /** Post text → topics, '|'-separated. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ';',
      value = {
        "卫生间漏水，客厅墙面空鼓;房屋质量",
        "合同约定去年交房，现在又说延期半年，我们要求退房;延期交付|合同与产权",
        "精装缩水，与样板间不符;交付标准",
        "物业费太贵，保安不在岗;物业服务",
        "小区配套小学一直没建，孩子上学要走很远;周边配套",
        // gas or schools are surroundings only for an estate
        "村里天然气经常停气，做饭都成问题;其他",
        "收房时要先交钱才给钥匙;交房手续",
        "今天的天气不错，适合出去走走;其他",
      })
  void topics(String text, String expected) {
    List<Topic> want = Arrays.stream(expected.split("\\|")).map(Topic::parse).toList();
    assertThat(tag(text).topics()).as(text).containsExactlyInAnyOrderElementsOf(want);
  }

  @Test
  void mobilizationWithTimeAndPlace() {
    TaggedPost t = tag("各位业主，周六上午九点售楼部门口集合，一起找开发商讨说法！");
    assertThat(t.signals().mobilization()).isTrue();
    assertThat(t.signals().mobilizationTime()).isEqualTo("周六上午九点");
    assertThat(t.signals().mobilizationPlace()).isEqualTo("售楼部门口");
    assertThat(t.topics()).contains(Topic.COLLECTIVE_ACTION);
  }

  @Test
  void callToGoTogetherToTheHousingBureau() {
    TaggedPost t = tag("业主们明天一起去住建局反映延期交房的问题");
    assertThat(t.signals().mobilization()).isTrue();
    assertThat(t.signals().mobilizationTime()).isEqualTo("明天");
    assertThat(t.signals().mobilizationPlace()).isEqualTo("住建局");
    assertThat(t.signals().government()).isTrue();
  }

  @Test
  void aComplaintAloneIsNoMobilization() {
    TaggedPost t = tag("我家卫生间漏水，物业一直不来修，太气人了");
    assertThat(t.signals().mobilization()).isFalse();
    assertThat(t.signals().media()).isFalse();
  }

  @Test
  void mediaInvolvement() {
    TaggedPost t = tag("电视台记者今天来小区采访了交房质量问题，开发商这下要被曝光了");
    assertThat(t.signals().media()).isTrue();
    assertThat(t.topics()).contains(Topic.MEDIA);
  }

  @Test
  void entitiesFromConfigAndAddresses() {
    TaggedPost t = tag("翡翠湾三期3栋2单元1502业主：华景物业不给修漏水，华景地产也不管");
    List<String> found =
        t.entities().stream()
            .map(e -> e.type().json() + ":" + e.text())
            .collect(Collectors.toList());
    assertThat(found)
        .contains(
            "project:翡翠湾三期",
            "property_company:华景物业",
            "developer:华景地产",
            "building:3栋",
            "unit:3栋2单元1502");
    assertThat(t.entities()).extracting(Entity::type).doesNotContain(Entity.Type.PERSON);
  }

  @Test
  void keywordsAreWholeWords() {
    TaggedPost t = tag("业主拉横幅维权，卫生间漏水，精装缩水，开发商不作为");
    assertThat(t.keywords()).contains("精装缩水", "漏水").doesNotContain("业主拉");
    assertThat(t.keywords()).allSatisfy(k -> assertThat(k.length()).isGreaterThanOrEqualTo(2));
  }

  @Test
  void emptyPostIsTaggedNeutralOther() {
    TaggedPost t = tag("");
    assertThat(t.sentiment().label()).isEqualTo(SentimentLabel.NEUTRAL);
    assertThat(t.topics()).containsExactly(Topic.OTHER);
    assertThat(t.keywords()).isEmpty();
    assertThat(t.signals().mobilization()).isFalse();
  }

  @Test
  void emojiAndLatinDoNotBreakTagging() {
    TaggedPost t = tag("物业👍👍服务太好了！！iPhone15 充电桩也装好了😊");
    assertThat(t.sentiment().label()).isEqualTo(SentimentLabel.POSITIVE);
  }

  @Test
  void veryLongPostIsTagged() {
    TaggedPost t = tag("卫生间漏水，开发商不管。".repeat(10_000));
    assertThat(t.sentiment().label()).isEqualTo(SentimentLabel.NEGATIVE);
    assertThat(t.topics()).contains(Topic.QUALITY);
  }

  @Test
  void tagsTheSameFromManyThreads() throws Exception {
    String text = "交房延期半年，精装缩水，业主们明天一起去住建局";
    TaggedPost expected = tag(text);
    List<Thread> threads = new java.util.ArrayList<>();
    List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
    for (int i = 0; i < 4; i++) {
      Thread th =
          new Thread(
              () -> {
                try {
                  for (int k = 0; k < 50; k++) {
                    assertThat(tag(text)).isEqualTo(expected);
                  }
                } catch (Throwable e) {
                  failures.add(e);
                }
              });
      threads.add(th);
      th.start();
    }
    for (Thread th : threads) {
      th.join();
    }
    assertThat(failures).isEmpty();
  }
}
