package dev.yuqing.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import dev.yuqing.core.SentimentLabel;
import dev.yuqing.core.Topic;
import dev.yuqing.core.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Reads the handover gold (JSON lines labelled by ../shared/data/gold/GUIDE.md). */
final class GoldFile {
  private GoldFile() {}

  /**
   * One labelled message.
   *
   * @param id the gold's id
   * @param source where it came from (tipdm-a3, tnews, …), "?" when the file does not say
   * @param title title or null
   * @param text text
   * @param sentiment stance label
   * @param topics topics ({@link Topic#OTHER} when none)
   * @param mobilization a call to act together or an announced future collective act
   * @param mobilizationTime the time of the call as written, or null
   * @param mobilizationPlace the place of the call as written, or null
   * @param collectivePast a collective act that already happened (v2 gold; false in v1)
   * @param media journalists or exposure involved or threatened
   */
  record Gold(
      String id,
      String source,
      String title,
      String text,
      SentimentLabel sentiment,
      Set<Topic> topics,
      boolean mobilization,
      String mobilizationTime,
      String mobilizationPlace,
      boolean collectivePast,
      boolean media) {

    /** The text analysis reads: normalised title and body joined as the tagger joins them. */
    String normalized() {
      return HandoverTagger.join(TextNormalizer.normalize(title), TextNormalizer.normalize(text));
    }
  }

  static List<Gold> read(Path file) throws IOException {
    List<Gold> out = new ArrayList<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      try {
        JsonNode n = Json.mapper().readTree(lines.get(i));
        Set<Topic> topics = EnumSet.noneOf(Topic.class);
        n.path("topics").forEach(t -> topics.add(Topic.parse(t.asText())));
        if (topics.isEmpty()) {
          topics.add(Topic.OTHER);
        }
        out.add(
            new Gold(
                n.path("id").asText(),
                n.path("source").asText("?"),
                n.path("title").isTextual() ? n.path("title").asText() : null,
                n.path("text").asText(""),
                SentimentLabel.parse(n.path("sentiment").asText()),
                topics,
                n.path("mobilization").asBoolean(false),
                text(n, "mobilization_time"),
                text(n, "mobilization_place"),
                n.path("collective_past").asBoolean(false),
                n.path("media").asBoolean(false)));
      } catch (IOException | IllegalArgumentException e) {
        throw new IOException(file + ":" + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    return out;
  }

  private static String text(JsonNode n, String field) {
    return n.path(field).isTextual() ? n.path(field).asText() : null;
  }
}
