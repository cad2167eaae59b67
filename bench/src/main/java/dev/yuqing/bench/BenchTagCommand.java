package dev.yuqing.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.hankcs.hanlp.HanLP;
import dev.yuqing.analysis.HandoverTagger;
import dev.yuqing.core.Post;
import dev.yuqing.core.UserError;
import dev.yuqing.core.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code yuqing bench tag}: tags a file of posts and, in the same run and thread, segments the same
 * posts with bare HanLP ({@code HanLP.segment}, its default tokenizer); prints both rates and their
 * ratio.
 */
@Command(
    name = "tag",
    mixinStandardHelpOptions = true,
    description = {
      "Tag posts and segment the same posts with bare HanLP (HanLP.segment) in one thread;"
          + " last line: posts_per_s=… hanlp_posts_per_s=… ratio=…",
      "Default input: the shared data's housing/messages.jsonl."
    })
public final class BenchTagCommand implements Callable<Integer> {
  /** Posts per block of the alternation. */
  private static final int BLOCK = 32;

  @Option(names = "--in", description = "posts as JSON lines (title, text)")
  Path in;

  @Option(
      names = "--seconds",
      description =
          "minimum measuring time per side, alternating both sides in small blocks of posts (default: ${DEFAULT-VALUE})",
      defaultValue = "10")
  double seconds;

  @Override
  public Integer call() throws IOException {
    Path file = BenchCommand.messages(in, "bench tag");
    List<Post> posts = read(file);
    if (posts.isEmpty()) {
      throw new UserError("bench tag: " + file + " holds no posts");
    }
    long chars = 0;
    for (Post p : posts) {
      chars += p.fullText().length();
    }
    long t0 = System.nanoTime();
    HandoverTagger tagger = HandoverTagger.create();
    System.out.printf(
        Locale.ROOT,
        "%d posts, %.0f characters on average, from %s; tagger built in %.2f s%n",
        posts.size(),
        (double) chars / posts.size(),
        file,
        (System.nanoTime() - t0) / 1e9);
    // warm both up with a whole pass each: class loading, dictionaries, JIT
    for (Post p : posts) {
      tagger.tag(p);
      HanLP.segment(p.fullText());
    }
    // alternate both sides over small blocks of the same posts, so that both see the same
    // machine: on a shared machine the load changes from one second to the next
    long tagNanos = 0;
    long hanlpNanos = 0;
    long passes = 0;
    long sink = 0;
    long end = System.nanoTime() + (long) (2 * seconds * 1e9);
    do {
      for (int from = 0; from < posts.size(); from += BLOCK) {
        List<Post> block = posts.subList(from, Math.min(posts.size(), from + BLOCK));
        long a = System.nanoTime();
        for (Post p : block) {
          sink += tagger.tag(p).topics().size();
        }
        long b = System.nanoTime();
        for (Post p : block) {
          sink += HanLP.segment(p.fullText()).size();
        }
        tagNanos += b - a;
        hanlpNanos += System.nanoTime() - b;
      }
      passes++;
    } while (System.nanoTime() < end);
    if (sink == 42) {
      System.out.print("");
    }
    double tagRate = passes * posts.size() / (tagNanos / 1e9);
    double hanlpRate = passes * posts.size() / (hanlpNanos / 1e9);
    System.out.printf(
        Locale.ROOT,
        "tagging: %.1f posts/s (%.0f chars/s); bare HanLP.segment: %.1f posts/s (%.0f chars/s)%n",
        tagRate,
        tagRate * chars / posts.size(),
        hanlpRate,
        hanlpRate * chars / posts.size());
    System.out.printf(
        Locale.ROOT,
        "posts_per_s=%.1f hanlp_posts_per_s=%.1f ratio=%.3f%n",
        tagRate,
        hanlpRate,
        tagRate / hanlpRate);
    return 0;
  }

  private static List<Post> read(Path file) throws IOException {
    List<Post> posts = new ArrayList<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      JsonNode n;
      try {
        n = Json.mapper().readTree(lines.get(i));
      } catch (IOException e) {
        throw new UserError(file + ":" + (i + 1) + ": not valid JSON");
      }
      posts.add(
          Post.builder()
              .id(n.path("id").asText("line-" + (i + 1)))
              .sourceId("bench")
              .title(n.path("title").isTextual() ? n.path("title").asText() : null)
              .text(n.path("text").asText(""))
              .build());
    }
    return posts;
  }
}
