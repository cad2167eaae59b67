package dev.yuqing.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.yuqing.analysis.HandoverTagger;
import dev.yuqing.analysis.TagJson;
import dev.yuqing.core.Post;
import dev.yuqing.core.TaggedPost;
import dev.yuqing.core.UserError;
import dev.yuqing.core.config.ProjectConfig;
import dev.yuqing.core.config.YuqingConfig;
import dev.yuqing.core.json.Json;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code yuqing tag}: reads posts as JSON lines and writes each one back with sentiment, topics,
 * keywords, entities and signals added (every original field kept).
 */
@Command(
    name = "tag",
    mixinStandardHelpOptions = true,
    description = {
      "Tag posts: reads JSON lines with at least id, title and text; writes the same objects with"
          + " sentiment, topics, keywords, entities and signals added.",
      "A malformed line stops the run with its file and line number; lines already written stay."
    })
public final class TagCommand implements Callable<Integer> {

  @Option(names = "--in", required = true, description = "posts, one JSON object per line")
  Path in;

  @Option(names = "--out", required = true, description = "where to write the tagged posts")
  Path out;

  @Mixin ConfigFile config; // its projects' names go into the dictionary and entities

  @Override
  public Integer call() throws IOException {
    if (!Files.isRegularFile(in)) {
      throw new UserError("tag: --in " + in + ": no such file");
    }
    YuqingConfig cfg = config.loadOrNull();
    List<ProjectConfig> projects = cfg == null ? List.of() : cfg.projects();
    HandoverTagger tagger = HandoverTagger.create(projects);
    ObjectMapper mapper = Json.mapper();
    int count = 0;
    try (BufferedReader r = Files.newBufferedReader(in, StandardCharsets.UTF_8);
        BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      int lineNo = 0;
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        ObjectNode obj = parse(mapper, line, lineNo);
        TaggedPost tagged = tagger.tag(post(obj, lineNo));
        TagJson.addTags(obj, tagged);
        w.write(mapper.writeValueAsString(obj));
        w.newLine();
        // written lines must survive a later bad line: flush each one
        w.flush();
        count++;
      }
    }
    System.err.println("tagged " + count + " posts → " + out);
    return 0;
  }

  private ObjectNode parse(ObjectMapper mapper, String line, int lineNo) {
    JsonNode node;
    try {
      node = mapper.readTree(line);
    } catch (JsonProcessingException e) {
      throw new UserError(in + ":" + lineNo + ": not valid JSON (" + e.getOriginalMessage() + ")");
    }
    if (!(node instanceof ObjectNode obj)) {
      throw new UserError(in + ":" + lineNo + ": expected a JSON object");
    }
    return obj;
  }

  private Post post(ObjectNode obj, int lineNo) {
    JsonNode id = obj.get("id");
    if (id == null || !id.isValueNode() || id.asText().isBlank()) {
      throw new UserError(in + ":" + lineNo + ": missing field 'id'");
    }
    JsonNode text = obj.get("text");
    if (text != null && !text.isNull() && !text.isTextual()) {
      throw new UserError(in + ":" + lineNo + ": field 'text' must be a string");
    }
    JsonNode title = obj.get("title");
    if (title != null && !title.isNull() && !title.isTextual()) {
      throw new UserError(in + ":" + lineNo + ": field 'title' must be a string");
    }
    JsonNode author = obj.get("author");
    JsonNode source = obj.get("sourceId");
    return Post.builder()
        .id(id.asText())
        .sourceId(source != null && source.isTextual() ? source.asText() : "tag")
        .title(title == null || title.isNull() ? null : title.asText())
        .text(text == null || text.isNull() ? "" : text.asText())
        .author(author != null && author.isTextual() ? author.asText() : null)
        .build();
  }
}
