package dev.yuqing.core;

import java.util.List;
import java.util.Objects;

/**
 * Early-warning signals found in one post (DOMAIN.md "苗头性问题").
 *
 * @param mobilization the post calls others to act together, or announces or threatens a future
 *     collective act
 * @param mobilizationTime the time given for it as written (e.g. 周六上午九点), else null
 * @param mobilizationPlace the place given for it as written (e.g. 售楼部门口), else null
 * @param media journalists, TV, exposure or 热搜 are involved or threatened
 * @param collectiveAct the post reports a collective act that already happened (a group visit, a
 *     joint letter, a gathering, a road block, a group lawsuit)
 * @param government government bodies are involved (住建局, 12345, 信访 …)
 * @param intensity emotional intensity in [0, 1]: strong words, exclamation, threats
 * @param criticalWords critical words found (跳楼, 堵路 …), empty when none
 * @param scores the trained signals' scores, one per {@link Kind} the tagger scored (empty when the
 *     post was not scored): why a signal fired, or how near it came
 */
public record Signals(
    boolean mobilization,
    String mobilizationTime,
    String mobilizationPlace,
    boolean media,
    boolean collectiveAct,
    boolean government,
    double intensity,
    List<String> criticalWords,
    List<Score> scores) {

  public static final Signals NONE =
      new Signals(false, null, null, false, false, false, 0, List.of(), List.of());

  public Signals {
    criticalWords = criticalWords == null ? List.of() : List.copyOf(criticalWords);
    scores = scores == null ? List.of() : List.copyOf(scores);
  }

  /** A mobilisation call that names both when and where: the plans grade it critical. */
  public boolean mobilizationWithTimeAndPlace() {
    return mobilization && mobilizationTime != null && mobilizationPlace != null;
  }

  /** The score of one trained signal, or null when it was not scored. */
  public Score score(Kind kind) {
    for (Score s : scores) {
      if (s.kind() == kind) {
        return s;
      }
    }
    return null;
  }

  /** The signals decided by trained classifiers. */
  public enum Kind {
    MOBILIZATION,
    MEDIA,
    COLLECTIVE_ACT
  }

  /**
   * One trained signal's verdict.
   *
   * @param kind which signal
   * @param score the classifier's calibrated probability in [0, 1]
   * @param threshold the score at which it fires (chosen by cross-validation)
   * @param fired whether the signal fired: the score reached the threshold and no hard exclusion
   *     applied
   * @param sentence the sentence that weighed most for the signal, as written; null when the text
   *     has none
   */
  public record Score(Kind kind, double score, double threshold, boolean fired, String sentence) {
    public Score {
      Objects.requireNonNull(kind, "kind");
    }
  }
}
