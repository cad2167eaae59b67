package dev.yuqing.core;

import java.util.List;

/**
 * Early-warning signals found in one post (DOMAIN.md "苗头性问题").
 *
 * @param mobilization the post calls others to act together, or announces such an act
 * @param mobilizationTime the time given for it as written (e.g. 周六上午九点), else null
 * @param mobilizationPlace the place given for it as written (e.g. 售楼部门口), else null
 * @param media journalists, TV, exposure or 热搜 are involved or threatened
 * @param government government bodies are involved (住建局, 12345, 信访 …)
 * @param intensity emotional intensity in [0, 1]: strong words, exclamation, threats
 * @param criticalWords critical words found (跳楼, 堵路 …), empty when none
 */
public record Signals(
    boolean mobilization,
    String mobilizationTime,
    String mobilizationPlace,
    boolean media,
    boolean government,
    double intensity,
    List<String> criticalWords) {

  public static final Signals NONE = new Signals(false, null, null, false, false, 0, List.of());

  public Signals {
    criticalWords = criticalWords == null ? List.of() : List.copyOf(criticalWords);
  }

  /** A mobilisation call that names both when and where: the plans grade it critical. */
  public boolean mobilizationWithTimeAndPlace() {
    return mobilization && mobilizationTime != null && mobilizationPlace != null;
  }
}
