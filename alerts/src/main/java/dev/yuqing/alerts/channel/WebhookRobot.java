package dev.yuqing.alerts.channel;

import com.fasterxml.jackson.databind.JsonNode;
import dev.yuqing.alerts.incident.Notice;
import dev.yuqing.core.Grade;
import dev.yuqing.core.config.RobotConfig;
import dev.yuqing.core.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A group-chat robot webhook: one JSON POST per notice. Subclasses give the payload and how the
 * robot says "ok". A 2xx reply whose body reports an error code counts as a failure (robots answer
 * 200 with {@code errcode} on a bad signature); HTTP 4xx other than 429 is permanent.
 */
public abstract sealed class WebhookRobot implements Channel
    permits WeComRobot, DingTalkRobot, FeishuRobot {
  static final HttpClient HTTP =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(10))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  final RobotConfig cfg;
  final String url;
  final String secret;
  final Clock clock;
  final ZoneId zone;

  WebhookRobot(RobotConfig cfg, String url, String secret, Clock clock, ZoneId zone) {
    this.cfg = cfg;
    this.url = url;
    this.secret = secret;
    this.clock = clock;
    this.zone = zone;
  }

  @Override
  public String id() {
    return cfg.id();
  }

  @Override
  public boolean accepts(Grade grade) {
    return grade.compareTo(cfg.minGrade()) >= 0;
  }

  /** The URL to POST to (DingTalk adds its signature here). */
  URI target() {
    return URI.create(url);
  }

  /** The JSON body. */
  abstract String payload(Notice n);

  /** Whether the robot's JSON reply means success. */
  abstract boolean ok(JsonNode reply);

  @Override
  public void deliver(Notice n) throws DeliveryException {
    HttpRequest req =
        HttpRequest.newBuilder(target())
            .timeout(Duration.ofSeconds(20))
            .header("Content-Type", "application/json; charset=utf-8")
            .POST(HttpRequest.BodyPublishers.ofString(payload(n), StandardCharsets.UTF_8))
            .build();
    HttpResponse<String> resp;
    try {
      resp = HTTP.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new DeliveryException(where() + ": " + e, false, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeliveryException(where() + ": interrupted", false, e);
    }
    int code = resp.statusCode();
    if (code / 100 != 2) {
      boolean permanent = code / 100 == 4 && code != 429 && code != 408;
      throw new DeliveryException(
          where() + ": HTTP " + code + " " + cut(resp.body()), permanent, null);
    }
    JsonNode reply;
    try {
      reply = Json.mapper().readTree(resp.body());
    } catch (IOException e) {
      throw new DeliveryException(where() + ": reply is not JSON: " + cut(resp.body()), false, e);
    }
    if (!ok(reply)) {
      throw new DeliveryException(where() + ": robot refused: " + cut(resp.body()), false, null);
    }
  }

  /** The channel without its secret URL, for logs. */
  String where() {
    return cfg.kind().json() + " robot '" + cfg.id() + "'";
  }

  private static String cut(String s) {
    String t = s == null ? "" : s.replaceAll("\\s+", " ");
    return t.length() <= 200 ? t : t.substring(0, 200) + "…";
  }

  /** Base64 of HmacSHA256(key, data). */
  static String hmacBase64(String key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required by every JRE", e);
    }
  }
}
