package dev.yuqing.alerts.rules;

import java.time.Duration;
import java.util.Locale;

/** Chinese wording shared by the rules' reasons. */
public final class Texts {
  private Texts() {}

  /** 30分钟, 2小时, 1天, 1小时30分钟. */
  public static String duration(Duration d) {
    long minutes = d.toMinutes();
    if (minutes == 0) {
      return d.toSeconds() + "秒";
    }
    long days = minutes / (24 * 60);
    long hours = minutes % (24 * 60) / 60;
    long mins = minutes % 60;
    StringBuilder sb = new StringBuilder();
    if (days > 0) {
      sb.append(days).append('天');
    }
    if (hours > 0) {
      sb.append(hours).append("小时");
    }
    if (mins > 0) {
      sb.append(mins).append("分钟");
    }
    return sb.toString();
  }

  /** A count or rate with at most one decimal: 12, 0.5, 2.3. */
  public static String num(double v) {
    if (Double.isNaN(v)) {
      return "—";
    }
    double r = Math.round(v * 10) / 10.0;
    return r == Math.rint(r) ? String.valueOf((long) r) : String.format(Locale.ROOT, "%.1f", r);
  }

  /** What a rule type watches, for people: 负面激增, 集体行动号召 … (the type itself if unknown). */
  public static String ruleKind(String ruleType) {
    if (ruleType == null) {
      return "预警";
    }
    return switch (ruleType) {
      case "spike" -> "负面激增";
      case "threshold" -> "负面累计";
      case "keyword" -> "紧急词";
      case "mobilization" -> "集体行动号召";
      case "collective-act" -> "已发生的集体行动";
      case "media" -> "媒体或政府介入";
      case "new-topic" -> "新话题";
      default -> ruleType;
    };
  }
}
