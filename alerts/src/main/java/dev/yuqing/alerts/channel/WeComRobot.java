package dev.yuqing.alerts.channel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.yuqing.alerts.incident.Notice;
import dev.yuqing.core.config.RobotConfig;
import dev.yuqing.core.json.Json;
import java.time.Clock;
import java.time.ZoneId;

/**
 * 企业微信 group robot: {@code {"msgtype":"markdown","markdown":{"content":…}}}; success is {@code
 * errcode 0}. Not signed: the key in the URL is the secret.
 */
public final class WeComRobot extends WebhookRobot {
  public WeComRobot(RobotConfig cfg, String url, Clock clock, ZoneId zone) {
    super(cfg, url, null, clock, zone);
  }

  @Override
  String payload(Notice n) {
    ObjectNode root = Json.mapper().createObjectNode();
    root.put("msgtype", "markdown");
    root.putObject("markdown").put("content", RobotText.markdown(n, zone));
    return root.toString();
  }

  @Override
  boolean ok(JsonNode reply) {
    return reply.path("errcode").asInt(-1) == 0;
  }
}
