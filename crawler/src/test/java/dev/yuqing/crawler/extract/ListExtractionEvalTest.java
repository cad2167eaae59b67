package dev.yuqing.crawler.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.yuqing.core.SharedData;
import dev.yuqing.core.json.Json;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Generic list extraction on the shared list pages (lists.jsonl): every sample item is found with
 * its exact title and href, no navigation link is, and the count is near the key's.
 */
class ListExtractionEvalTest {
  @Test
  void listPagesYieldTheirItemLinksAndNotNavigation() throws Exception {
    Path dir = SharedData.file("pages/lists.jsonl").map(Path::getParent).orElse(null);
    Assumptions.assumeTrue(dir != null, SharedData.missingReason("pages/lists.jsonl"));
    ListExtractor x = new ListExtractor();
    int pass = 0;
    int pages = 0;
    for (String line : Files.readAllLines(dir.resolve("lists.jsonl"))) {
      if (line.isBlank()) {
        continue;
      }
      pages++;
      JsonNode k = Json.mapper().readTree(line);
      String file = k.get("file").asText();
      String base = "http://example.com/list/index.html";
      List<ListExtractor.Item> items =
          x.items(Pages.parse(Files.readAllBytes(dir.resolve(file)), null, base));
      int expected = k.get("item_count_approx").asInt();
      boolean ok = Math.abs(items.size() - expected) <= Math.max(2, expected / 10);
      StringBuilder why = new StringBuilder();
      for (JsonNode s : k.get("sample_items")) {
        String title = Text.clean(s.get("title").asText());
        String href = s.get("href").asText();
        boolean found =
            items.stream()
                .anyMatch(
                    i ->
                        i.title().equals(title)
                            && (i.url().equals(href)
                                || i.url().endsWith("/" + href)
                                || i.url().equals(URI.create(base).resolve(href).toString())));
        if (!found) {
          ok = false;
          why.append(" missing '").append(title).append("'");
        }
      }
      for (JsonNode n : k.get("not_items")) {
        if (items.stream().anyMatch(i -> i.title().equals(n.asText()))) {
          ok = false;
          why.append(" nav '").append(n.asText()).append("'");
        }
      }
      pass += ok ? 1 : 0;
      System.out.printf(
          "%-4s %-60s items=%d expected≈%d%s%n",
          ok ? "ok" : "FAIL", file, items.size(), expected, why);
    }
    System.out.printf("list_score=%d/%d%n", pass, pages);
    assertThat(pass).isEqualTo(pages);
  }
}
