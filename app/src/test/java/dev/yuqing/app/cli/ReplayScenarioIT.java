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
 * (chosen by id: the 48 of April and May 2018 as the calm week, the first fifteen leak complaints
 * of distinct authors after it, and one message announcing 集体维权) at literal times. Expected: at
 * most two incidents (the burst; the call unless it joins the burst's), the burst among them, and
 * none from the calm week.
 */
class ReplayScenarioIT {
  static final String MESSAGES = "housing/messages.jsonl";
  static final ZoneOffset CST = ZoneOffset.ofHours(8);

  /** Monday 2024-06-03 09:00 in China time: the calm week's first message. */
  static final OffsetDateTime WEEK = OffsetDateTime.of(2024, 6, 3, 9, 0, 0, 0, CST);

  /** A week later, 10:00: the first complaint of the burst. */
  static final OffsetDateTime BURST = WEEK.plusDays(7).plusHours(1);

  static final List<String> CALM =
      List.of(
          "tipdm-a4-24983",
          "tipdm-a4-121229",
          "tipdm-a4-124324",
          "tipdm-a4-121228",
          "tipdm-a4-6350",
          "tipdm-a4-16691",
          "tipdm-a4-6325",
          "tipdm-a4-6324",
          "tipdm-a4-6322",
          "tipdm-a4-6309",
          "tipdm-a4-24974",
          "tipdm-a4-140258",
          "tipdm-a4-6294",
          "tipdm-a4-121215",
          "tipdm-a4-6290",
          "tipdm-a4-16667",
          "tipdm-a4-6234",
          "tipdm-a4-6214",
          "tipdm-a4-56292",
          "tipdm-a4-6203",
          "tipdm-a4-108184",
          "tipdm-a4-135409",
          "tipdm-a4-23267",
          "tipdm-a4-124311",
          "tipdm-a2-6116",
          "tipdm-a4-6113",
          "tipdm-a4-118704",
          "tipdm-a4-128831",
          "tipdm-a4-6077",
          "tipdm-a4-6060",
          "tipdm-a4-6058",
          "tipdm-a4-6038",
          "tipdm-a4-16581",
          "tipdm-a4-104345",
          "tipdm-a4-5979",
          "tipdm-a4-96060",
          "tipdm-a4-5938",
          "tipdm-a4-5935",
          "tipdm-a4-16555",
          "tipdm-a4-16552",
          "tipdm-a4-83074",
          "tipdm-a4-5918",
          "tipdm-a4-16548",
          "tipdm-a4-5886",
          "tipdm-a4-5883",
          "tipdm-a4-5873",
          "tipdm-a4-137578",
          "tipdm-a4-5810");

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
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < CALM.size(); i++) {
      // seven a day, every two hours from 09:00
      lines.add(at(byId, CALM.get(i), WEEK.plusDays(i / 7).plusHours(2L * (i % 7))));
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
