package dev.yuqing.alerts.channel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.yuqing.alerts.incident.Notice;
import dev.yuqing.core.config.RobotConfig;
import dev.yuqing.core.json.Json;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;

/**
 * 钉钉 group robot, signed (加签): the URL gets {@code timestamp} (milliseconds) and {@code sign} =
 * URL-encoded Base64(HmacSHA256(key = secret, data = timestamp + "\n" + secret)). Payload {@code
 * {"msgtype":"markdown","markdown":{"title":…,"text":…},"at":{"isAtAll":…}}} — everyone is
 * mentioned for a critical alert; success is {@code errcode 0}.
 */
public final class DingTalkRobot extends WebhookRobot {
  public DingTalkRobot(RobotConfig cfg, String url, String secret, Clock clock, ZoneId zone) {
    super(cfg, url, secret, clock, zone);
  }

  /** The sign for a timestamp in milliseconds (before URL encoding). */
  public static String sign(long timestampMillis, String secret) {
    return hmacBase64(secret, timestampMillis + "\n" + secret);
  }

  @Override
  URI target() {
    if (secret == null) {
      return URI.create(url);
    }
    long ts = clock.millis();
    String sep = url.contains("?") ? "&" : "?";
    return URI.create(
        url
            + sep
            + "timestamp="
            + ts
            + "&sign="
            + URLEncoder.encode(sign(ts, secret), StandardCharsets.UTF_8));
  }

  @Override
  String payload(Notice n) {
    ObjectNode root = Json.mapper().createObjectNode();
    root.put("msgtype", "markdown");
    ObjectNode md = root.putObject("markdown");
    md.put("title", RobotText.cut(RobotText.title(n), 60));
    md.put("text", RobotText.markdown(n, zone));
    root.putObject("at").put("isAtAll", RobotText.atAll(n));
    return root.toString();
  }

  @Override
  boolean ok(JsonNode reply) {
    return reply.path("errcode").asInt(-1) == 0;
  }
}
