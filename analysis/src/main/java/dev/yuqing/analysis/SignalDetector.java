package dev.yuqing.analysis;

import dev.yuqing.core.Signals;
import java.util.ArrayList;
import java.util.List;

/**
 * Early-warning signals (DOMAIN.md 苗头性问题) of a normalised, segmented text: mobilisation (with the
 * time and place of a call), collective acts that already happened and media involvement from the
 * trained {@link SignalModel}; government involvement, emotional intensity and critical words from
 * cue words. No I/O; thread-safe.
 */
final class SignalDetector {
  private static final Cues GOVERNMENT =
      Cues.of(
          "住建局|住建委|住建部|房管局|信访|上访|12345|市长热线|市民热线|政务|街道办|国土局|规划局|城管"
              + "|法院|纪委|人大|政协|派出所|公安|消防|教育局|环保局|市场监管|市政府|区政府|县政府|政府");

  private static final Cues STRONG =
      Cues.of(
          "无良|黑心|欺诈|骗子|坑人|坑害|霸道|猖狂|嚣张|无耻|可耻|忍无可忍|无法忍受|苦不堪言|走投无路"
              + "|投诉无门|求助无门|血本无归|草菅人命|丧尽天良|天理何在|还有没有王法|欺人太甚|滚");
  private static final List<String> CRITICAL =
      List.of(
          "跳楼", "自杀", "轻生", "以死", "同归于尽", "拼命", "堵路", "堵门", "拉横幅", "静坐", "打人", "流血", "出人命", "死人",
          "围堵", "冲突", "报复", "泼油漆", "绝食", "下跪");

  private final SignalModel model;

  SignalDetector(SignalModel model) {
    this.model = model;
  }

  /** Signals of a normalised text, given its {@link SignalFeatures} bag. */
  Signals detect(String text, SignalFeatures.Bag bag) {
    List<Signals.Score> scores = new ArrayList<>(3);
    SignalFeatures.Instance call = null;
    for (SignalModel.Verdict v : model.verdicts(bag, text)) {
      scores.add(v.score());
      if (v.score().kind() == Signals.Kind.MOBILIZATION && v.score().fired()) {
        call = v.evidence();
      }
    }
    Signals.Score mob = scores.get(Signals.Kind.MOBILIZATION.ordinal());
    String time = null;
    String place = null;
    if (call != null) {
      String[] spans = SignalRules.callSpans(text, call.start(), call.end(), call.anchor());
      time = spans[0];
      place = call.somewhere() ? spans[1] : null;
    }
    List<String> critical = new ArrayList<>();
    for (String w : CRITICAL) {
      if (text.contains(w)) {
        critical.add(w);
      }
    }
    return new Signals(
        mob.fired(),
        time,
        place,
        scores.get(Signals.Kind.MEDIA.ordinal()).fired(),
        scores.get(Signals.Kind.COLLECTIVE_ACT.ordinal()).fired(),
        GOVERNMENT.in(text),
        intensity(text, critical),
        critical,
        scores);
  }

  private static double intensity(String text, List<String> critical) {
    int exclaim = 0;
    int repeated = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '!' || c == '！') {
        exclaim++;
        if (i > 0 && (text.charAt(i - 1) == '!' || text.charAt(i - 1) == '！')) {
          repeated++;
        }
      } else if ((c == '?' || c == '？') && i > 0 && "?？!！".indexOf(text.charAt(i - 1)) >= 0) {
        repeated++;
      }
    }
    int strong = STRONG.count(text);
    double z =
        0.12 * Math.min(exclaim, 10)
            + 0.2 * Math.min(repeated, 5)
            + 0.3 * strong
            + 0.5 * critical.size();
    return Math.round((1 - Math.exp(-z)) * 1000) / 1000.0;
  }
}
