package dev.yuqing.alerts.channel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.yuqing.alerts.incident.Notice;
import dev.yuqing.alerts.rules.Texts;
import dev.yuqing.core.AlertPost;
import dev.yuqing.core.Html;
import dev.yuqing.core.config.RobotConfig;
import dev.yuqing.core.json.Json;
import java.time.Clock;
import java.time.ZoneId;

/**
 * 飞书 custom robot: rich text ({@code msg_type post}, zh_cn title and lines with links), signed when
 * a secret is set: {@code timestamp} (seconds, a string) and {@code sign} = Base64(HmacSHA256(key =
 * timestamp + "\n" + secret, data = empty)) in the body. Success is {@code code 0} (older robots:
 * {@code StatusCode 0}).
 */
public final class FeishuRobot extends WebhookRobot {
  public FeishuRobot(RobotConfig cfg, String url, String secret, Clock clock, ZoneId zone) {
    super(cfg, url, secret, clock, zone);
  }

  /** The sign for a timestamp in seconds. */
  public static String sign(long timestampSeconds, String secret) {
    return hmacBase64(timestampSeconds + "\n" + secret, "");
  }

  @Override
  String payload(Notice n) {
    ObjectNode root = Json.mapper().createObjectNode();
    if (secret != null) {
      long ts = clock.millis() / 1000;
      root.put("timestamp", Long.toString(ts));
      root.put("sign", sign(ts, secret));
    }
    root.put("msg_type", "post");
    ObjectNode zh = root.putObject("content").putObject("post").putObject("zh_cn");
    zh.put("title", RobotText.title(n));
    ArrayNode lines = zh.putArray("content");
    var a = n.alert();
    if (n.note() != null) {
      text(lines.addArray(), RobotText.clean(n.note()));
    }
    for (String c : n.changes()) {
      text(lines.addArray(), "变化：" + RobotText.clean(c));
    }
    text(lines.addArray(), "判定依据：" + RobotText.clean(a.reason()));
    String counts =
        "本窗口"
            + a.count()
            + "条"
            + (Double.isNaN(a.baseline()) ? "" : "，基线约" + Texts.num(a.baseline()) + "条")
            + "；累计"
            + a.total()
            + "条";
    text(lines.addArray(), counts);
    if (n.incident().members().size() > 1) {
      text(lines.addArray(), "构成：" + RobotText.clean(RobotText.members(n.incident())));
    }
    if (!a.topTopics().isEmpty()) {
      text(lines.addArray(), "话题：" + String.join("、", a.topTopics()));
    }
    int i = 1;
    for (AlertPost p : a.posts()) {
      ArrayNode line = lines.addArray();
      String label = p.title() != null && !p.title().isBlank() ? p.title() : p.excerpt();
      text(line, (i++) + ". ");
      String url = Html.safeUrl(p.url());
      if (url != null) {
        line.addObject()
            .put("tag", "a")
            .put("text", RobotText.cut(RobotText.clean(label), 40))
            .put("href", url);
      } else {
        text(line, RobotText.cut(RobotText.clean(label), 40));
      }
    }
    String dash = Html.safeUrl(n.dashboardLink());
    if (dash != null) {
      lines.addArray().addObject().put("tag", "a").put("text", "在看板中查看").put("href", dash);
    }
    if (RobotText.atAll(n)) {
      lines.addArray().addObject().put("tag", "at").put("user_id", "all");
    }
    return root.toString();
  }

  private static void text(ArrayNode line, String s) {
    line.addObject().put("tag", "text").put("text", s);
  }

  @Override
  boolean ok(JsonNode reply) {
    return reply.path("code").asInt(reply.path("StatusCode").asInt(-1)) == 0;
  }
}
