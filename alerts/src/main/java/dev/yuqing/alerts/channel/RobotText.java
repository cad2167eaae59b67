package dev.yuqing.alerts.channel;

import dev.yuqing.alerts.incident.Incident;
import dev.yuqing.alerts.incident.Notice;
import dev.yuqing.alerts.rules.Texts;
import dev.yuqing.core.Alert;
import dev.yuqing.core.AlertPost;
import dev.yuqing.core.Grade;
import dev.yuqing.core.Html;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The chat-robot rendering of a notice: a short markdown message (robots cap messages at a few
 * kilobytes and people read them on a phone). Crawled text is stripped of markdown and HTML syntax
 * so it cannot forge links or formatting.
 */
final class RobotText {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm");
  static final int MAX_CHARS = 3000;

  private RobotText() {}

  /** Markdown for WeCom and DingTalk. */
  static String markdown(Notice n, ZoneId zone) {
    Alert a = n.alert();
    StringBuilder sb = new StringBuilder();
    sb.append("### ").append(clean(n.subject())).append("\n\n");
    if (n.note() != null) {
      sb.append(clean(n.note())).append("\n\n");
    }
    for (String c : n.changes()) {
      sb.append("- 变化：").append(clean(c)).append('\n');
    }
    if (!n.changes().isEmpty()) {
      sb.append('\n');
    }
    sb.append("- 级别：**")
        .append(a.grade().level())
        .append("（")
        .append(a.grade().word())
        .append("）**\n");
    sb.append("- 判定依据：").append(clean(a.reason())).append('\n');
    sb.append("- 本窗口：").append(a.count()).append("条");
    if (!Double.isNaN(a.baseline())) {
      sb.append("，基线约").append(Texts.num(a.baseline())).append("条");
    }
    sb.append("；累计").append(a.total()).append("条\n");
    if (n.incident().members().size() > 1) {
      sb.append("- 构成：").append(clean(members(n.incident()))).append('\n');
    }
    sb.append("- 时间：")
        .append(time(a.firstAt(), zone))
        .append(" 起，最近 ")
        .append(time(a.updatedAt(), zone))
        .append('\n');
    if (!a.topTopics().isEmpty()) {
      sb.append("- 话题：").append(clean(String.join("、", a.topTopics()))).append('\n');
    }
    if (!a.topKeywords().isEmpty()) {
      sb.append("- 关键词：").append(clean(String.join("、", a.topKeywords()))).append('\n');
    }
    int i = 1;
    for (AlertPost p : a.posts()) {
      String label = p.title() != null && !p.title().isBlank() ? p.title() : p.excerpt();
      String text = clean(cut(label, 40));
      String url = Html.safeUrl(p.url());
      sb.append('\n').append(i++).append(". ");
      if (url != null) {
        sb.append('[').append(text).append("](").append(url.replace(")", "%29")).append(')');
      } else {
        sb.append(text);
      }
      sb.append(" — ").append(clean(p.author() == null ? "作者不详" : p.author()));
    }
    String dash = Html.safeUrl(n.dashboardLink());
    if (dash != null) {
      sb.append("\n\n[在看板中查看](").append(dash.replace(")", "%29")).append(')');
    }
    sb.append("\n\n事件编号 ").append(a.id()).append(" · 第").append(a.revision()).append("封");
    return cut(sb.toString(), MAX_CHARS);
  }

  /** The members in one line: 负面激增（二级）、集体行动号召（一级，已平息）. */
  static String members(Incident i) {
    StringBuilder sb = new StringBuilder();
    for (Incident.Member m : i.members()) {
      if (sb.length() > 0) {
        sb.append('、');
      }
      sb.append(Texts.ruleKind(m.alert().ruleType()))
          .append('（')
          .append(m.alert().grade().level())
          .append(m.resolved() ? "，已平息" : "")
          .append('）');
    }
    return sb.toString();
  }

  /** Plain lines for Feishu's post format: title, then one line each. */
  static String title(Notice n) {
    return clean(n.subject());
  }

  static boolean atAll(Notice n) {
    return n.alert().grade() == Grade.CRITICAL;
  }

  /** Crawled text made inert for markdown: no brackets, backticks, angle brackets, newlines. */
  static String clean(String s) {
    if (s == null) {
      return "";
    }
    return s.replaceAll("[\\[\\]()`<>*_#|\\\\]", " ").replaceAll("\\s+", " ").strip();
  }

  static String cut(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n) + "…";
  }

  private static String time(Instant t, ZoneId zone) {
    return t == null ? "—" : TIME.format(t.atZone(zone));
  }
}
