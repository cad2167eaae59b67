package dev.yuqing.index;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.yuqing.core.LowerCaseNamed;
import dev.yuqing.core.Signals;
import java.util.ArrayList;
import java.util.List;

/** The early-warning signals a search can filter on (see {@link Signals}). */
public enum SignalKind implements LowerCaseNamed {
  /** A call to act together (私下串联). */
  MOBILIZATION("动员串联"),
  /** A call to act together that names a time and a place: graded critical. */
  MOBILIZATION_TIME_PLACE("有时间地点的动员"),
  /** Journalists, TV, exposure or 热搜 involved or threatened. */
  MEDIA("媒体介入"),
  /** A collective act that already happened (group visit, joint letter, gathering …). */
  COLLECTIVE_ACT("集体行动"),
  /** Government bodies involved (住建局, 12345, 信访 …). */
  GOVERNMENT("政府介入"),
  /** Critical words found (跳楼, 堵路 …). */
  CRITICAL_WORDS("极端言辞");

  private final String chinese;

  SignalKind(String chinese) {
    this.chinese = chinese;
  }

  /** The label shown to users. */
  public String chinese() {
    return chinese;
  }

  /** The value stored in the index and used in JSON ({@link #json}). */
  public String key() {
    return json();
  }

  /** Accepts the key ({@code media}), the enum name or the Chinese label. */
  @JsonCreator
  public static SignalKind parse(String s) {
    return LowerCaseNamed.byNameOrAlias(SignalKind.class, "signal", SignalKind::chinese, s);
  }

  /** The signals a post carries, in declaration order. */
  public static List<SignalKind> of(Signals s) {
    List<SignalKind> kinds = new ArrayList<>();
    if (s.mobilization()) {
      kinds.add(MOBILIZATION);
    }
    if (s.mobilizationWithTimeAndPlace()) {
      kinds.add(MOBILIZATION_TIME_PLACE);
    }
    if (s.media()) {
      kinds.add(MEDIA);
    }
    if (s.collectiveAct()) {
      kinds.add(COLLECTIVE_ACT);
    }
    if (s.government()) {
      kinds.add(GOVERNMENT);
    }
    if (!s.criticalWords().isEmpty()) {
      kinds.add(CRITICAL_WORDS);
    }
    return kinds;
  }
}
