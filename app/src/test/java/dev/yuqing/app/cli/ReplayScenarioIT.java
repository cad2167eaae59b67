package dev.yuqing.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.yuqing.alerts.IncidentStore;
import dev.yuqing.alerts.incident.Incident;
import dev.yuqing.alerts.store.Database;
import dev.yuqing.alerts.store.JdbcIncidentStore;
import dev.yuqing.app.Yuqing;
import dev.yuqing.core.SharedData;
import dev.yuqing.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The incidents issue's scenario, replayed through the whole job with the shipped rules and the
 * real tagger: a calm week, fifteen complaints about one defect (leaks) within thirty minutes, and
 * a threatened collective act eight hours later. Real messages of {@code housing/messages.jsonl}
 * (the calm week: the 48 earliest that the v2 dev gold's annotators found calm — no call, no
 * collective act, no media, no 维权行动 — so that calm is a person's judgement, not the tagger's; the
 * burst, chosen by id: fifteen leak complaints of distinct authors; and one message announcing
 * 集体维权) at literal times. Expected: at most two incidents (the burst; the call unless it joins the
 * burst's), the burst among them, and none from the calm week.
 */
class ReplayScenarioIT {
  static final String MESSAGES = "housing/messages.jsonl";
  static final ZoneOffset CST = ZoneOffset.ofHours(8);

  /** Monday 2024-06-03 09:00 in China time: the calm week's first message. */
  static final OffsetDateTime WEEK = OffsetDateTime.of(2024, 6, 3, 9, 0, 0, 0, CST);

  /** A week later, 10:00: the first complaint of the burst. */
  static final OffsetDateTime BURST = WEEK.plusDays(7).plusHours(1);

  static final String GOLD = "gold/handover-gold-v2.dev.jsonl";

  /** Messages in the calm week: seven a day for a week. */
  static final int CALM_SIZE = 48;

  static final List<String> LEAKS =
      List.of(
          "tipdm-a4-74902",
          "tipdm-a4-120832",
          "tipdm-a4-133439",
          "tipdm-a3-234396",
          "tipdm-a3-282673",
          "tipdm-a3-256445",
          "tipdm-a3-192794",
          "tipdm-a3-192049",
          "tipdm-a3-262232",
          "tipdm-a3-219545",
          "tipdm-a3-207365",
          "tipdm-a3-252623",
          "tipdm-a3-214401",
          "tipdm-a4-33569",
          "tipdm-a3-250994");

  /** 「…我们也将采取合法途径集体维权…」: a collective act announced. */
  static final String CALL = "tipdm-a3-212349";

  @TempDir Path dir;

  @Test
  void aCalmWeekABurstAndACallEightHoursLaterAreAtMostTwoIncidents() throws Exception {
    Path messages = SharedData.file(MESSAGES).orElse(null);
    assumeTrue(messages != null, SharedData.missingReason(MESSAGES));
    Map<String, JsonNode> byId = new HashMap<>();
    for (String line : Files.readAllLines(messages, StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        JsonNode n = Json.mapper().readTree(line);
        byId.put(n.get("id").asText(), n);
      }
    }
    Path goldFile = SharedData.file(GOLD).orElse(null);
    assumeTrue(goldFile != null, SharedData.missingReason(GOLD));
    java.util.Set<String> calmIds = new java.util.HashSet<>();
    for (String line : Files.readAllLines(goldFile, StandardCharsets.UTF_8)) {
      JsonNode g = Json.mapper().readTree(line);
      boolean escalation = false;
      for (JsonNode t : g.path("topics")) {
        escalation |= t.asText().equals("维权行动") || t.asText().equals("媒体曝光");
      }
      if (!escalation
          && !g.path("mobilization").asBoolean()
          && !g.path("collective_past").asBoolean()
          && !g.path("media").asBoolean()) {
        calmIds.add(g.path("id").asText());
      }
    }
    List<String> calm = new ArrayList<>();
    for (String line : Files.readAllLines(messages, StandardCharsets.UTF_8)) {
      String id = line.isBlank() ? null : Json.mapper().readTree(line).path("id").asText();
      if (id != null && calmIds.contains(id) && !LEAKS.contains(id) && !id.equals(CALL)) {
        calm.add(id);
      }
      if (calm.size() == CALM_SIZE) {
        break;
      }
    }
    assertThat(calm).hasSize(CALM_SIZE);
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < calm.size(); i++) {
      // seven a day, every two hours from 09:00
      lines.add(at(byId, calm.get(i), WEEK.plusDays(i / 7).plusHours(2L * (i % 7))));
    }
    for (int k = 0; k < LEAKS.size(); k++) {
      lines.add(at(byId, LEAKS.get(k), BURST.plusMinutes(2L * k)));
    }
    OffsetDateTime lastLeak = BURST.plusMinutes(2L * (LEAKS.size() - 1));
    lines.add(at(byId, CALL, lastLeak.plusHours(8)));
    Path in = dir.resolve("scenario.jsonl");
    Files.write(in, lines, StandardCharsets.UTF_8);

    Path data = dir.resolve("data");
    assertThat(Yuqing.execute("replay", "--in", in.toString(), "--data", data.toString())).isZero();

    List<Incident> all =
        new JdbcIncidentStore(Database.embedded(data)).inTransaction(IncidentStore.Tx::all);
    for (Incident i : all) {
      System.out.println(
          "scenario incident "
              + i.id()
              + " "
              + i.grade().json()
              + ": "
              + i.members().stream()
                  .map(m -> m.alert().rule() + "@" + m.alert().firstAt() + ".." + m.hotUntil())
                  .toList());
    }
    assertThat(all).as("the burst; the call unless it joined the burst").hasSizeBetween(1, 2);
    assertThat(all)
        .as("the burst is caught")
        .anySatisfy(
            i -> assertThat(i.members()).anyMatch(m -> m.alert().rule().equals("negative-spike")));
    for (Incident i : all) {
      for (Incident.Member m : i.members()) {
        assertThat(m.hotUntil())
            .as("%s of incident %s fired in the calm week", m.alert().rule(), i.id())
            .isAfterOrEqualTo(BURST.toInstant().minus(Duration.ofMinutes(30)));
      }
    }
  }

  /** The real message {@code id} published at {@code t}. */
  private static String at(Map<String, JsonNode> byId, String id, OffsetDateTime t) {
    JsonNode n = byId.get(id);
    assertThat(n).as("message %s in %s", id, MESSAGES).isNotNull();
    ObjectNode o = ((ObjectNode) n).deepCopy();
    o.put("time", t.toString());
    return o.toString();
  }
}
