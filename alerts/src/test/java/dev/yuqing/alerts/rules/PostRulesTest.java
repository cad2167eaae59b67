package dev.yuqing.alerts.rules;

import static dev.yuqing.alerts.Fixtures.PROJECT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.yuqing.alerts.Fixtures;
import dev.yuqing.core.Alert;
import dev.yuqing.core.AlertState;
import dev.yuqing.core.Grade;
import dev.yuqing.core.SentimentLabel;
import dev.yuqing.core.Signals;
import dev.yuqing.core.TaggedPost;
import dev.yuqing.core.Topic;
import dev.yuqing.core.config.AlertsConfig;
import dev.yuqing.core.config.KeywordRuleConfig;
import dev.yuqing.core.config.MediaRuleConfig;
import dev.yuqing.core.config.MobilizationRuleConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rules that judge single posts: mobilization, critical words, media. Literal timestamps. */
class PostRulesTest {
  static final RuleContext CTX = RuleContext.of(AlertsConfig.DEFAULT, Duration.ofMinutes(30));
  static final Instant T = Instant.parse("2024-06-14T12:40:00Z"); // Friday 20:40 in Shanghai

  /**
   * What analysis must produce for 「明天上午九点售楼处集合拉横幅」: mobilization true, the time and the place as
   * written. (The analysis module's signal extractor is tested against this sentence on its side;
   * here the signals are given.)
   */
  static final Signals GATHER =
      new Signals(true, "明天上午九点", "售楼处", false, false, false, 0.7, List.of(), List.of());

  static TaggedPost post(String id, String author, Instant at, String text, Signals s, Topic... t) {
    return Fixtures.tagged(id, author, at, text, SentimentLabel.NEGATIVE, s, t);
  }

  @Test
  void oneCallToGatherWithTimeAndPlaceIsACriticalAlertFromTheDefaultRules() {
    RuleEngine engine = new RuleEngine(AlertsConfig.DEFAULT, Duration.ofMinutes(30));
    TaggedPost p = post("gather", "维权群主", T, "明天上午九点售楼处集合拉横幅", GATHER, Topic.COLLECTIVE_ACTION);
    RuleOutcome<EngineState> e = engine.onPost(engine.initialState(), PROJECT, p);

    assertThat(e.alerts())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.grade()).isEqualTo(Grade.CRITICAL);
              assertThat(a.rule()).isEqualTo("mobilization");
              assertThat(a.ruleType()).isEqualTo("mobilization");
              assertThat(a.subject()).isEqualTo("【舆情预警·一级】翡翠湾：业主号召集体行动（时间「明天上午九点」，地点「售楼处」）");
              assertThat(a.posts())
                  .singleElement()
                  .satisfies(
                      q -> {
                        assertThat(q.excerpt()).isEqualTo("明天上午九点售楼处集合拉横幅");
                        assertThat(q.url()).isEqualTo("http://bbs.example.com/thread/gather");
                      });
              assertThat(a.firstAt()).isEqualTo(T);
            });
    assertThat(e.wakeAt()).isEqualTo(T.plus(Duration.ofDays(1))); // post rules: quiet for a day
  }

  @Test
  void aCallWithoutTimeOrPlaceIsAnAlert() {
    MobilizationRule rule =
        new MobilizationRule(new MobilizationRuleConfig("m", null, null, null, null), CTX);
    Signals vague = new Signals(true, null, null, false, false, false, 0.5, List.of(), List.of());
    var e = rule.onPost(rule.initialState(), PROJECT, post("v", "业主甲", T, "大家一起去维权吧", vague));
    assertThat(e.alerts()).singleElement().extracting(Alert::grade).isEqualTo(Grade.ALERT);
  }

  @Test
  void moreCallsUpdateTheIncidentAndQuietResolvesIt() {
    MobilizationRule rule =
        new MobilizationRule(new MobilizationRuleConfig("m", null, null, null, null), CTX);
    List<Alert> out = new ArrayList<>();
    PostRuleState s = rule.initialState();
    Instant[] times = {T, T.plus(Duration.ofMinutes(20)), T.plus(Duration.ofMinutes(70))};
    for (int i = 0; i < times.length; i++) {
      var e = rule.onPost(s, PROJECT, post("g" + i, "业主" + i, times[i], "明天上午九点售楼处集合", GATHER));
      s = e.state();
      out.addAll(e.alerts());
    }
    // one incident: the first raised it, the one 70 minutes later is an update (realert 1h)
    assertThat(out).extracting(Alert::revision).containsExactly(1, 2);
    assertThat(out).extracting(Alert::id).containsOnly(out.get(0).id());
    assertThat(out.get(1).total()).isEqualTo(3);
    assertThat(out.get(1).posts()).hasSize(3);
    // the same post again (re-crawled) counts once
    var again = rule.onPost(s, PROJECT, post("g2", "业主2", times[2], "明天上午九点售楼处集合", GATHER));
    assertThat(again.alerts()).isEmpty();
    assertThat(again.state().openAlert().total()).isEqualTo(3);

    Instant quietEnds = times[2].plus(Duration.ofDays(1));
    assertThat(rule.onTime(s, PROJECT, quietEnds.minusSeconds(1)).alerts()).isEmpty();
    var resolved = rule.onTime(s, PROJECT, quietEnds);
    assertThat(resolved.alerts())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.state()).isEqualTo(AlertState.RESOLVED);
              assertThat(a.revision()).isEqualTo(3);
              assertThat(a.updatedAt()).isEqualTo(quietEnds);
            });
    assertThat(resolved.state().openAlert()).isNull();
    assertThat(resolved.wakeAt()).isNull();
  }

  @Test
  void criticalWordsFireButNotInsideSalesTalk() {
    KeywordRule rule =
        new KeywordRule(
            new KeywordRuleConfig("critical-words", null, null, null, null, null, null), CTX);
    assertThat(rule.find("开发商跳楼价甩卖尾房，业主亏惨了")).isEmpty();
    assertThat(rule.find("再不给说法，我就从售楼处楼顶跳楼")).containsExactly("跳楼");
    assertThat(rule.find("跳楼价？我看是要逼业主跳楼")).containsExactly("跳楼");

    var none =
        rule.onPost(
            rule.initialState(), PROJECT, post("sale", "中介", T, "跳楼价甩卖，最后十套", Signals.NONE));
    assertThat(none.alerts()).isEmpty();
    TaggedPost news =
        Fixtures.tagged(
            "road",
            "本地新闻",
            T,
            "数十名业主在项目门口堵路，交警到场疏导",
            SentimentLabel.NEUTRAL,
            Signals.NONE,
            Topic.COLLECTIVE_ACTION);
    var fired = rule.onPost(none.state(), PROJECT, news);
    assertThat(fired.alerts())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.grade()).isEqualTo(Grade.CRITICAL);
              assertThat(a.headline()).isEqualTo("出现紧急词「堵路」");
            });
  }

  @Test
  void aConfiguredWordAnalysisFoundInTraditionalTextCountsButItsOtherWordsDoNot() {
    KeywordRule rule =
        new KeywordRule(new KeywordRuleConfig("kw", null, null, null, null, null, null), CTX);
    Signals traditional =
        new Signals(false, null, null, false, false, false, 0.9, List.of("跳楼"), List.of());
    var e =
        rule.onPost(rule.initialState(), PROJECT, post("x", "業主", T, "再不退房我就從樓頂跳樓", traditional));
    assertThat(e.alerts()).singleElement().extracting(Alert::headline).isEqualTo("出现紧急词「跳楼」");
    Signals broader =
        new Signals(false, null, null, false, false, false, 0.9, List.of("冲突", "拉横幅"), List.of());
    var none = rule.onPost(rule.initialState(), PROJECT, post("y", "业主", T, "业主与物业发生冲突", broader));
    assertThat(none.alerts()).isEmpty();
  }

  @Test
  void mediaNeedsTwoDistinctAuthorsWithinADayByDefault() {
    MediaRule rule =
        new MediaRule(
            new MediaRuleConfig("media", null, null, 2, null, null, null, null, null), CTX);
    Signals media = new Signals(false, null, null, true, false, false, 0.4, List.of(), List.of());
    var first =
        rule.onPost(
            rule.initialState(),
            PROJECT,
            post("m1", "业主甲", T, "已经联系了电视台记者，明天来采访", media, Topic.MEDIA));
    assertThat(first.alerts()).isEmpty();
    var sameAuthor =
        rule.onPost(
            first.state(),
            PROJECT,
            post("m2", "业主甲", T.plus(Duration.ofHours(1)), "记者的电话我发群里了", media, Topic.MEDIA));
    assertThat(sameAuthor.alerts()).isEmpty();
    var second =
        rule.onPost(
            sameAuthor.state(),
            PROJECT,
            post("m3", "业主乙", T.plus(Duration.ofHours(5)), "城市频道说要曝光这个楼盘", media, Topic.MEDIA));
    assertThat(second.alerts())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.grade()).isEqualTo(Grade.CRITICAL);
              assertThat(a.headline()).isEqualTo("媒体介入：2位作者的帖子提到记者、电视台、曝光或热搜");
              assertThat(a.posts()).hasSize(3);
              assertThat(a.firstAt()).isEqualTo(T);
            });
  }

  @Test
  void aSecondMediaMentionMoreThanADayLaterDoesNotCount() {
    MediaRule rule =
        new MediaRule(
            new MediaRuleConfig("media", null, null, 2, null, null, null, null, null), CTX);
    Signals media = new Signals(false, null, null, true, false, false, 0.4, List.of(), List.of());
    var first = rule.onPost(rule.initialState(), PROJECT, post("m1", "业主甲", T, "找记者曝光", media));
    var later =
        rule.onPost(
            first.state(),
            PROJECT,
            post("m2", "业主乙", T.plus(Duration.ofHours(25)), "找记者曝光", media));
    assertThat(later.alerts()).isEmpty();
  }

  @Test
  void governmentOnlyWhenAsked() {
    Signals gov = new Signals(false, null, null, false, false, true, 0.3, List.of(), List.of());
    MediaRule mediaOnly =
        new MediaRule(
            new MediaRuleConfig("media", null, null, null, null, null, null, null, null), CTX);
    assertThat(
            mediaOnly
                .onPost(mediaOnly.initialState(), PROJECT, post("g", "业主", T, "已打12345", gov))
                .alerts())
        .isEmpty();
    MediaRule govRule =
        new MediaRule(
            new MediaRuleConfig("gov", false, true, 1, null, null, Grade.NOTICE, null, null), CTX);
    assertThat(
            govRule
                .onPost(govRule.initialState(), PROJECT, post("g", "业主", T, "已打12345", gov))
                .alerts())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.grade()).isEqualTo(Grade.NOTICE);
              assertThat(a.headline()).startsWith("政府部门介入");
            });
  }

  /** What the tagger sets for a report of an act that already happened (GUIDE.md's line). */
  static Signals acted(String sentence) {
    return new Signals(
        false,
        null,
        null,
        false,
        true,
        true,
        0.6,
        List.of(),
        List.of(new Signals.Score(Signals.Kind.COLLECTIVE_ACT, 0.81, 0.5, true, sentence)));
  }

  @Test
  void aReportedCollectiveActIsAnAlertQuotingItsSentenceAndACallIsNot() {
    RuleEngine engine = new RuleEngine(AlertsConfig.DEFAULT, Duration.ofMinutes(30));
    TaggedPost report =
        post(
            "went",
            "七栋业主",
            T,
            "漏水三个月没人管。昨天上午二十多户业主代表一起去了住建局信访办，登记了集体投诉。",
            acted("昨天上午二十多户业主代表一起去了住建局信访办，登记了集体投诉。"),
            Topic.COLLECTIVE_ACTION);
    // one homeowner's report is a fact for the dashboard; the shipped rule wants two authors
    RuleOutcome<EngineState> one = engine.onPost(engine.initialState(), PROJECT, report);
    assertThat(one.alerts()).isEmpty();
    RuleOutcome<EngineState> e =
        engine.onPost(
            one.state(),
            PROJECT,
            post("went-2", "三栋业主", T.plus(Duration.ofHours(2)), "我们也去了", acted(null)));
    assertThat(e.alerts())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.rule()).isEqualTo("collective-act");
              assertThat(a.ruleType()).isEqualTo("collective-act");
              assertThat(a.grade()).isEqualTo(Grade.ALERT);
              assertThat(a.headline()).startsWith("业主反映已发生集体行动");
              assertThat(a.posts()).hasSize(2);
            });
    // a third report the same day is the same alert, not a new one
    RuleOutcome<EngineState> again =
        engine.onPost(
            e.state(),
            PROJECT,
            post("went-3", "五栋业主", T.plus(Duration.ofHours(3)), "我们也去了", acted(null)));
    assertThat(again.alerts()).allMatch(a -> a.id().equals(e.alerts().get(0).id()));
    // a call to gather is the mobilisation rule's, not this one's
    RuleOutcome<EngineState> call =
        engine.onPost(
            engine.initialState(),
            PROJECT,
            post("call", "维权群主", T, "明天上午九点售楼处集合拉横幅", GATHER, Topic.COLLECTIVE_ACTION));
    assertThat(call.alerts()).extracting(Alert::rule).containsExactly("mobilization");
  }

  @Test
  void theCollectiveActRulesGradeIsConfiguration() {
    CollectiveActRule rule =
        new CollectiveActRule(
            new dev.yuqing.core.config.CollectiveActRuleConfig(
                "acts", 1, null, Grade.CRITICAL, null, null),
            CTX);
    assertThat(
            rule.onPost(rule.initialState(), PROJECT, post("a", "业主", T, "已经去过信访局", acted(null)))
                .alerts())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.grade()).isEqualTo(Grade.CRITICAL);
              assertThat(a.headline()).isEqualTo("业主反映已发生集体行动");
            });
    assertThat(
            rule.onPost(rule.initialState(), PROJECT, post("b", "业主", T, "物业太差", Signals.NONE))
                .alerts())
        .isEmpty();
  }
}
