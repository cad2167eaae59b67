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
        // water through ceilings and walls is a building defect even without the word 漏水
        "我家客厅也在滴水，拿了三个盆在接;房屋质量",
        "卫生间吊顶也在往下滴水，这是防水根本没做好吧;房屋质量",
        "次卧天花板一大片水渍，还有股霉味;房屋质量",
        "吊顶漏水😡😡开发商还不管;房屋质量",
        // 天花板 alone is a figure of speech in market news
        "房价天花板在哪里？专家解读今年楼市走势;其他",
        "今天的天气不错，适合出去走走;其他",
      })
  void topics(String text, String expected) {
    List<Topic> want = Arrays.stream(expected.split("\\|")).map(Topic::parse).toList();
    assertThat(tag(text).topics()).as(text).containsExactlyInAnyOrderElementsOf(want);
  }

  /**
   * Post text → mobilisation time and place ('-' for none). The place is the venue next to the
   * gathering verb, not a venue mentioned earlier in the sentence. Texts written for this test.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ';',
      value = {
        "各位业主，周六上午九点售楼部门口集合，一起找开发商讨说法！;周六上午九点;售楼部门口",
        "这么多户同时漏水，光找物业登记没用，周六上午九点售楼部门口集合，大家一起去讨说法！;周六上午九点;售楼部门口",
        "业主们明天一起去住建局反映延期交房的问题;明天;住建局",
        "物业一直不管，全体业主明天下午三点在小区东门集合，统一去区政府;明天下午三点;小区东门",
        "周日上午十点在市民广场集合，大家拉横幅维权;周日上午十点;市民广场",
        "各位邻居，明晚七点到3栋楼下碰头，商量物业费的事;明晚七点;3栋楼下",
        "大家相约一起去开发商那里讨说法;-;开发商",
        "大家都去售楼部讨说法;-;售楼部",
      })
  void mobilizationTimeAndPlace(String text, String time, String place) {
    CallAssert.assertCall(tag(text).signals(), text, time, place);
  }

  /** Texts that name a time and a venue but call nobody to act: no mobilisation. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ';',
      value = {
        "2018年3月5日业主在售楼部集合讨说法，开发商避而不见",
        "我家卫生间漏水，物业一直不来修，太气人了",
        "周六上午九点售楼部开放参观样板间",
        // advice to each owner, not a call to act together
        "大家先拍照留证据，漏水的位置和时间都记下来，再去物业登记。",
      })
  void noMobilization(String text) {
    assertThat(tag(text).signals().mobilization()).as(text).isFalse();
  }

  /**
   * Golden table over awkward input: text → sentiment, topics ('|'-separated) and mobilisation.
   * Traditional characters, Latin letters and digits, emoji, a very long post and empty posts.
   */
  static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> awkwardInput() {
    return java.util.stream.Stream.of(
        args("traditional", "業主們發現天花板滴水，開發商拒絕整改", "negative", "房屋质量", false),
        args("traditional inquiry", "請問辦理房產證需要帶哪些材料？", "neutral", "合同与产权", false),
        args("traditional call", "各位業主，週六上午九點售樓部門口集合，一起找開發商討說法！", "negative", "维权行动", true),
        args("Latin and digits", "3栋2单元1502卫生间漏水，在物业APP上报修3次都没人来", "negative", "房屋质量|物业服务", false),
        args("full-width Latin", "ＡＰＰ报修三次，吊顶漏水没人管", "negative", "房屋质量", false),
        args("emoji praise", "物业师傅半小时就上门修好了水管👍👍服务很贴心😊", "positive", "物业服务", false),
        args("emoji complaint", "吊顶漏水😡😡开发商还不管", "negative", "房屋质量", false),
        args("very long", "卫生间漏水，开发商不管。".repeat(10_000), "negative", "房屋质量", false),
        args("empty", "", "neutral", "其他", false),
        args("blank", "  \n\t ", "neutral", "其他", false),
        args("emoji only", "👍👍😊", "neutral", "其他", false));
  }

  private static org.junit.jupiter.params.provider.Arguments args(
      String name, String text, String sentiment, String topics, boolean mobilization) {
    return org.junit.jupiter.params.provider.Arguments.of(
        name, text, sentiment, topics, mobilization);
  }

  @ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.MethodSource("awkwardInput")
  void awkwardInputIsTagged(
      String name, String text, String sentiment, String topics, boolean mobilization) {
    TaggedPost t = tag(text);
    assertThat(t.sentiment().label()).as(name).isEqualTo(SentimentLabel.parse(sentiment));
    List<Topic> want = Arrays.stream(topics.split("\\|")).map(Topic::parse).toList();
    assertThat(t.topics()).as(name).containsExactlyInAnyOrderElementsOf(want);
    assertThat(t.signals().mobilization()).as(name).isEqualTo(mobilization);
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

  /** Post text → media involvement. Texts written for this test. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ';',
      value = {
        "电视台记者今天来小区采访了交房质量问题;true",
        "再不解决就打12345投诉，再不行就找电视台曝光;true",
        "多位业主向本报反映，刚交付的新房天花板漏水，物业电话一直无人接听;true",
        // a newspaper's own report of a grievance is the exposure itself
        "本报讯（记者 李明）城南某小区业主反映，交房半年墙体开裂，开发商至今拒不整改;true",
        // a reporter's byline on neutral market news is not
        "本报讯（记者 李明）上月全市新建商品住宅成交均价环比持平，成交量小幅回升;false",
        "我家卫生间漏水，物业一直不来修，太气人了;false",
        // somebody else's advice to go to the press is not the press involved
        "打了三次12345，接线员说他们解决不了，让我们自己去找媒体;false",
        "小区停水三天，他说电话不能公开，如果我们要解决问题就找新闻媒体;false",
        // the advice is dropped, what the owners then did is not
        "物业经理说随便我们找记者，第二天我们就去电视台反映了;true",
      })
  void media(String text, boolean expected) {
    assertThat(tag(text).signals().media()).as(text).isEqualTo(expected);
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
