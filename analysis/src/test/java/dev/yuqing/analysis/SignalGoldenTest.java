package dev.yuqing.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yuqing.core.Post;
import dev.yuqing.core.Signals;
import dev.yuqing.core.TaggedPost;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Golden tables for the trained signals, written for this test (none of them is a training
 * example): calls as homeowner groups write them with the exact time and place spans, near misses,
 * and the hard cases GUIDE.md draws the line on.
 */
class SignalGoldenTest {
  private static HandoverTagger tagger;

  @BeforeAll
  static void load() {
    tagger = HandoverTagger.create();
  }

  private static Signals signals(String text) {
    return tagger.tag(Post.builder().id("t").sourceId("test").text(text).build()).signals();
  }

  /** A call to gather → its time and place as written ('-' for none). */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ';',
      value = {
        "周六上午九点售楼部门口集合，大家一起去讨个说法！;周六上午九点;售楼部门口",
        "明早8点半住建局门口见，不来的别在群里抱怨;明早8点半;住建局门口",
        "本周日下午两点在小区中庭开会商量维权，请每户派一个人;本周日下午两点;小区中庭",
        "各位业主，星期六早上八点在营销中心集合，统一去找开发商;星期六早上八点;营销中心",
        "兄弟们，明天上午十点区政府大门口集合，带好购房合同;明天上午十点;区政府大门口",
        "全体业主注意：下周一上午9点到信访局集中反映交房问题，不见不散;下周一上午9点;信访局",
        "今晚七点半在小区东门碰头，商量一下怎么拒收房;今晚七点半;小区东门",
        "大家明天一起去开发商总部讨说法，人越多越好;明天;开发商总部",
        "请各位邻居转发扩散，大家联名反对在小区门口建变电站;-;-",
      })
  void callWithTimeAndPlace(String text, String time, String place) {
    CallAssert.assertCall(signals(text), text, time, place);
  }

  /** Near misses: a time or a venue, but nobody is called to act together. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ';',
      value = {
        "周六上午九点售楼部开放参观，欢迎预约看房",
        "明天上午八点到十二点小区停电检修，请大家提前做好准备",
        "下周一起物业服务中心搬到3栋一楼办公",
        "本周日下午两点社区在中庭举办亲子活动，欢迎报名",
        "我明天上午去住建局问问办证的进度",
      })
  void nearMiss(String text) {
    assertThat(signals(text).mobilization()).as(text).isFalse();
  }

  /**
   * GUIDE.md's hard cases: text → mobilization; collective act already happened. A past act is
   * reported, not a call; one person's resolve and someone else's advice are neither; a conditional
   * threat by all owners is a call; sarcasm is not.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ';',
      value = {
        // a past act
        "上个月业主们已经集体去住建局反映过了，到现在还没有回音;false;true",
        "去年十月，两百多名业主曾在售楼处门口拉横幅维权;false;true",
        "业主代表先后五次到街道办协商，开发商始终没有露面;false;true",
        // one person's resolve
        "开发商不给我退房，我就一直告下去;false;false",
        "我个人准备起诉物业，已经咨询过律师了;false;false",
        // someone else's advice
        "街道工作人员建议我们走法律途径，可以集体起诉;false;false",
        "客服说解决不了，让我们自己去找住建局;false;false",
        // a conditional threat by all owners
        "如果下个月还不能交房，全体业主将集体到市政府上访;true;false",
        "开发商再不整改渗水问题，我们小区所有业主就拒交物业费;true;false",
        // sarcasm
        "大家一起去售楼部给开发商鼓掌吧，三年才盖了五层，真是辛苦了;false;false",
      })
  void hardCases(String text, boolean mobilization, boolean collectiveAct) {
    Signals s = signals(text);
    assertThat(s.mobilization()).as("mobilization: " + text).isEqualTo(mobilization);
    assertThat(s.collectiveAct()).as("collectiveAct: " + text).isEqualTo(collectiveAct);
  }

  /** A reported collective act that already happened, or not. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ';',
      value = {
        "昨天下午几十名业主围堵了项目部大门，要求开发商出面;true",
        "我们三十多户业主已联名向区人民法院提起诉讼;true",
        "上周末业主们在小区门口拉起横幅，抗议擅自改变规划;true",
        "本栋业主联名写信给住建局，反映电梯长期停运;true",
        // a letter in the name of all owners is a joint act (GUIDE.md); a loose 我们 is not
        "我们是翠湖湾小区的全体业主，特此投诉开发商擅自在小区北门外建加油站，请领导尽快处理;true",
        "我们对物业的服务很不满意，电梯坏了一个月也没人修，希望领导关注;false",
        "我家阳台漏水，找了物业三次都没人来修;false",
        "请问业主联名投诉物业需要多少人签字？;false",
      })
  void collectiveAct(String text, boolean expected) {
    assertThat(signals(text).collectiveAct()).as(text).isEqualTo(expected);
  }

  @Test
  void aFiredSignalNamesItsSentence() {
    String text = "小区漏水半年没人管。如果月底还不修，全体业主将集体上访！物业电话没人接。";
    TaggedPost t = tagger.tag(Post.builder().id("t").sourceId("test").text(text).build());
    Signals.Score mob = t.signals().score(Signals.Kind.MOBILIZATION);
    assertThat(mob.fired()).isTrue();
    assertThat(mob.sentence()).isEqualTo("如果月底还不修，全体业主将集体上访！");
    assertThat(mob.score()).isGreaterThanOrEqualTo(mob.threshold());
  }

  @Test
  void everyTrainedSignalIsScored() {
    Signals s = signals("今天天气不错");
    for (Signals.Kind k : Signals.Kind.values()) {
      assertThat(s.score(k)).as(k.name()).isNotNull();
      assertThat(s.score(k).fired()).as(k.name()).isFalse();
      assertThat(s.score(k).score()).isBetween(0.0, 1.0);
    }
  }
}
