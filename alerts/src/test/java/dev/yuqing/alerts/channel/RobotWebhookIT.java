package dev.yuqing.alerts.channel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.yuqing.alerts.AlertService;
import dev.yuqing.alerts.Alerts;
import dev.yuqing.alerts.Delivery;
import dev.yuqing.alerts.IncidentStore;
import dev.yuqing.alerts.MutableClock;
import dev.yuqing.core.Alert;
import dev.yuqing.core.Grade;
import dev.yuqing.core.config.AlertsConfig;
import dev.yuqing.core.config.Secrets;
import dev.yuqing.core.json.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The three robot formats against an in-process receiver that checks what the real services check:
 * payload shape, and for DingTalk and Feishu the HmacSHA256 signature (computed here independently
 * of the code under test).
 */
class RobotWebhookIT {
  static final String DING_SECRET = "SECd1ngtalkTestSecret";
  static final String FEISHU_SECRET = "feishuTestSecret";
  static final List<Alert> BURST = Alerts.burst();

  @TempDir Path data;
  final MutableClock clock = new MutableClock(Instant.parse("2024-06-10T02:31:00Z"));
  HttpServer server;
  final List<Received> received = new CopyOnWriteArrayList<>();
  final AtomicInteger failuresToServe = new AtomicInteger();
  AlertService svc;

  record Received(String path, Map<String, String> query, JsonNode body) {}

  @BeforeEach
  void startReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/cgi-bin/webhook/send", ex -> handle(ex, this::wecom));
    server.createContext("/robot/send", ex -> handle(ex, this::dingtalk));
    server.createContext("/open-apis/bot/v2/hook/", ex -> handle(ex, this::feishu));
    server.start();
  }

  @AfterEach
  void stop() {
    if (svc != null) {
      svc.close();
    }
    server.stop(0);
  }

  interface Reply {
    String answer(Map<String, String> query, JsonNode body);
  }

  void handle(HttpExchange ex, Reply r) throws IOException {
    String raw = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Map<String, String> q = query(ex.getRequestURI().getRawQuery());
    byte[] out;
    int status = 200;
    if (failuresToServe.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      status = 503;
      out = "busy".getBytes(StandardCharsets.UTF_8);
    } else {
      JsonNode body = Json.mapper().readTree(raw);
      received.add(new Received(ex.getRequestURI().getPath(), q, body));
      out = r.answer(q, body).getBytes(StandardCharsets.UTF_8);
      assertThat(ex.getRequestHeaders().getFirst("Content-Type")).startsWith("application/json");
    }
    ex.sendResponseHeaders(status, out.length);
    try (OutputStream o = ex.getResponseBody()) {
      o.write(out);
    }
  }

  static Map<String, String> query(String raw) {
    Map<String, String> m = new HashMap<>();
    if (raw != null) {
      for (String kv : raw.split("&")) {
        int i = kv.indexOf('=');
        m.put(kv.substring(0, i), URLDecoder.decode(kv.substring(i + 1), StandardCharsets.UTF_8));
      }
    }
    return m;
  }

  static String hmac(String key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  String wecom(Map<String, String> q, JsonNode body) {
    boolean ok =
        "test-key".equals(q.get("key"))
            && body.path("msgtype").asText().equals("markdown")
            && body.path("markdown").path("content").isTextual();
    return ok
        ? "{\"errcode\":0,\"errmsg\":\"ok\"}"
        : "{\"errcode\":40008,\"errmsg\":\"invalid message type\"}";
  }

  String dingtalk(Map<String, String> q, JsonNode body) {
    String ts = q.get("timestamp");
    boolean signed =
        ts != null
            && Long.parseLong(ts) == clock.millis()
            && hmac(DING_SECRET, ts + "\n" + DING_SECRET).equals(q.get("sign"));
    if (!signed) {
      return "{\"errcode\":310000,\"errmsg\":\"sign not match\"}";
    }
    boolean shape =
        body.path("msgtype").asText().equals("markdown")
            && body.path("markdown").path("title").isTextual()
            && body.path("markdown").path("text").isTextual()
            && body.path("at").path("isAtAll").isBoolean();
    return shape
        ? "{\"errcode\":0,\"errmsg\":\"ok\"}"
        : "{\"errcode\":40035,\"errmsg\":\"bad payload\"}";
  }

  String feishu(Map<String, String> q, JsonNode body) {
    String ts = body.path("timestamp").asText(null);
    boolean signed =
        ts != null
            && Long.parseLong(ts) == clock.millis() / 1000
            && hmac(ts + "\n" + FEISHU_SECRET, "").equals(body.path("sign").asText());
    if (!signed) {
      return "{\"code\":19021,\"msg\":\"sign match fail or timestamp is not within one hour\"}";
    }
    JsonNode post = body.path("content").path("post").path("zh_cn");
    boolean shape =
        body.path("msg_type").asText().equals("post")
            && post.path("title").isTextual()
            && post.path("content").isArray()
            && post.path("content").get(0).isArray();
    return shape ? "{\"code\":0,\"msg\":\"success\"}" : "{\"code\":9499,\"msg\":\"Bad Request\"}";
  }

  String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  AlertService service(Map<String, String> env, Grade feishuMin) {
    AlertsConfig cfg =
        Alerts.config(
            """
            recipients:
              alert: [cmd@example.com]
            escalateAfter: 30m
            dashboardUrl: http://dash.example.com
            robots:
              - {id: wecom-cmd, kind: wecom, urlEnv: WECOM_URL}
              - {id: ding-cmd, kind: dingtalk, urlEnv: DING_URL, secretEnv: DING_SECRET}
              - {id: feishu-all, kind: feishu, urlEnv: FEISHU_URL, secretEnv: FEISHU_SECRET%s}
            retryInitial: 10s
            retryMax: 40s
            grouping:
              wait: 0s        # the first message at once
            """
                .formatted(feishuMin == null ? "" : ", minGrade: " + feishuMin.json()));
    return AlertService.open(data, cfg, null, Secrets.of(env), clock);
  }

  Map<String, String> env(String dingSecret) {
    return Map.of(
        "WECOM_URL", base() + "/cgi-bin/webhook/send?key=test-key",
        "DING_URL", base() + "/robot/send?access_token=test-token",
        "DING_SECRET", dingSecret,
        "FEISHU_URL", base() + "/open-apis/bot/v2/hook/test-hook",
        "FEISHU_SECRET", FEISHU_SECRET);
  }

  @Test
  void eachRobotGetsItsFormatSignedWhereRequired() {
    svc = service(env(DING_SECRET), null);
    svc.submit(BURST.get(0));
    svc.tick();
    assertThat(deliveries())
        .extracting(Delivery::channel, Delivery::status)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("outbox", Delivery.Status.SENT),
            org.assertj.core.groups.Tuple.tuple("wecom-cmd", Delivery.Status.SENT),
            org.assertj.core.groups.Tuple.tuple("ding-cmd", Delivery.Status.SENT),
            org.assertj.core.groups.Tuple.tuple("feishu-all", Delivery.Status.SENT));
    assertThat(received).hasSize(3);

    JsonNode wecom = byPath("/cgi-bin/webhook/send").body();
    String md = wecom.path("markdown").path("content").asText();
    assertThat(md).startsWith("### 【舆情预警·二级】翡翠湾：30分钟内负面帖12条");
    assertThat(md)
        .contains(
            "[3栋1802卫生间漏水",
            "](http://bbs.example.com/thread/leak-a-",
            "[在看板中查看](http://dash.example.com/alerts/");

    Received ding = byPath("/robot/send");
    assertThat(ding.query()).containsKeys("access_token", "timestamp", "sign");
    assertThat(ding.body().path("markdown").path("title").asText()).startsWith("【舆情预警·二级】");
    assertThat(ding.body().path("at").path("isAtAll").asBoolean()).isFalse(); // grade alert

    JsonNode feishu = byPath("/open-apis/bot/v2/hook/test-hook").body();
    JsonNode zh = feishu.path("content").path("post").path("zh_cn");
    assertThat(zh.path("title").asText()).startsWith("【舆情预警·二级】翡翠湾");
    assertThat(zh.path("content").toString())
        .contains("\"tag\":\"a\"", "http://bbs.example.com/thread/leak-a-");
  }

  @Test
  void aWrongDingTalkSecretIsRefusedAndRetriedNotLost() {
    svc = service(env("SECwrong"), null);
    svc.submit(BURST.get(0));
    svc.tick();
    Delivery ding =
        deliveries().stream().filter(d -> d.channel().equals("ding-cmd")).findFirst().orElseThrow();
    assertThat(ding.status()).isEqualTo(Delivery.Status.PENDING);
    assertThat(ding.lastError()).contains("robot refused", "310000");
  }

  @Test
  void aRobotDownIsRetriedAndGetsTheMessageOnce() {
    svc = service(env(DING_SECRET), null);
    failuresToServe.set(5); // the first five requests get 503
    svc.submit(BURST.get(0));
    for (int i = 0; i < 20; i++) {
      svc.tick();
      clock.advance(Duration.ofSeconds(10));
    }
    assertThat(received).hasSize(3);
    assertThat(received).extracting(Received::path).doesNotHaveDuplicates();
  }

  @Test
  void aRobotOnlyGetsItsGradesAndEveryoneIsMentionedWhenCritical() {
    svc = service(env(DING_SECRET), Grade.CRITICAL);
    svc.submit(BURST.get(0)); // grade alert: not for the critical-only Feishu robot
    svc.tick();
    assertThat(received)
        .extracting(Received::path)
        .doesNotContain("/open-apis/bot/v2/hook/test-hook");
    received.clear();
    clock.advance(Duration.ofMinutes(31)); // nobody acknowledged: escalated to critical
    svc.tick();
    assertThat(received)
        .extracting(Received::path)
        .contains("/open-apis/bot/v2/hook/test-hook", "/robot/send");
    assertThat(byPath("/robot/send").body().path("at").path("isAtAll").asBoolean()).isTrue();
    assertThat(byPath("/robot/send").body().path("markdown").path("title").asText())
        .startsWith("【舆情预警·一级·升级】");
  }

  List<Delivery> deliveries() {
    return svc.store().inTransaction(IncidentStore.Tx::deliveries);
  }

  Received byPath(String path) {
    return received.stream().filter(r -> r.path().equals(path)).reduce((a, b) -> b).orElseThrow();
  }
}
