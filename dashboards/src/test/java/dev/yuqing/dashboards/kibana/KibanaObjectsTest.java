package dev.yuqing.dashboards.kibana;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The saved objects are consistent: JSON per line, references resolve, fields exist. */
class KibanaObjectsTest {
  static final Path NDJSON = Path.of("kibana", "yuqing-dashboard.ndjson");

  /** The index template the Elasticsearch backend installs (index module). */
  static final String TEMPLATE = "/dev/yuqing/index/elasticsearch/posts-template.json";

  private final ObjectMapper json = new ObjectMapper();

  /** Fields of the index mapping that Kibana can aggregate on (keyword, date, numbers). */
  Set<String> aggregatableFields() throws Exception {
    JsonNode template;
    try (var in = KibanaObjectsTest.class.getResourceAsStream(TEMPLATE)) {
      assertThat(in).as(TEMPLATE).isNotNull();
      template = json.readTree(in);
    }
    Set<String> fields = new HashSet<>();
    template
        .at("/template/mappings/properties")
        .fields()
        .forEachRemaining(
            f -> {
              String type = f.getValue().path("type").asText();
              boolean docValues = f.getValue().path("doc_values").asBoolean(true);
              if (docValues && Set.of("keyword", "date", "long", "integer").contains(type)) {
                fields.add(f.getKey());
              }
            });
    return fields;
  }

  List<JsonNode> objects() throws Exception {
    List<JsonNode> out = new ArrayList<>();
    for (String line : Files.readAllLines(NDJSON)) {
      if (!line.isBlank()) {
        out.add(json.readTree(line));
      }
    }
    return out;
  }

  @Test
  void everyReferenceResolvesWithinTheFile() throws Exception {
    List<JsonNode> objects = objects();
    Set<String> ids = new HashSet<>();
    for (JsonNode o : objects) {
      assertThat(ids.add(o.get("type").asText() + "/" + o.get("id").asText()))
          .as("duplicate %s", o.get("id"))
          .isTrue();
    }
    for (JsonNode o : objects) {
      for (JsonNode r : o.get("references")) {
        assertThat(ids).contains(r.get("type").asText() + "/" + r.get("id").asText());
      }
    }
    assertThat(ids).contains("index-pattern/yuqing-posts", "dashboard/yuqing-overview");
  }

  @Test
  void theDataViewReadsTheAliasWithItsTimeField() throws Exception {
    JsonNode dv =
        objects().stream()
            .filter(o -> o.get("type").asText().equals("index-pattern"))
            .findFirst()
            .orElseThrow();
    assertThat(dv.at("/attributes/title").asText()).isEqualTo("yuqing-posts");
    assertThat(dv.at("/attributes/timeFieldName").asText()).isEqualTo("time");
  }

  @Test
  void visualizationsUseMappedFields() throws Exception {
    Set<String> fields = aggregatableFields();
    assertThat(fields).contains("time", "sentiment", "topic").doesNotContain("terms", "doc");
    int checked = 0;
    for (JsonNode o : objects()) {
      if (!o.get("type").asText().equals("visualization")) {
        continue;
      }
      JsonNode vis = json.readTree(o.at("/attributes/visState").asText());
      for (JsonNode agg : vis.get("aggs")) {
        JsonNode field = agg.at("/params/field");
        if (!field.isMissingNode()) {
          assertThat(fields).as(o.get("id").asText()).contains(field.asText());
          checked++;
        }
      }
      JsonNode source =
          json.readTree(o.at("/attributes/kibanaSavedObjectMeta/searchSourceJSON").asText());
      assertThat(source.get("indexRefName").asText())
          .isEqualTo("kibanaSavedObjectMeta.searchSourceJSON.index");
    }
    assertThat(checked).isGreaterThanOrEqualTo(8);
  }

  @Test
  void dashboardPanelsPointAtReferences() throws Exception {
    JsonNode d =
        objects().stream()
            .filter(o -> o.get("type").asText().equals("dashboard"))
            .findFirst()
            .orElseThrow();
    Set<String> refNames = new HashSet<>();
    d.get("references").forEach(r -> refNames.add(r.get("name").asText()));
    JsonNode panels = json.readTree(d.at("/attributes/panelsJSON").asText());
    assertThat(panels.size()).isEqualTo(refNames.size()).isGreaterThanOrEqualTo(6);
    for (JsonNode p : panels) {
      assertThat(refNames).contains(p.get("panelRefName").asText());
    }
  }
}
