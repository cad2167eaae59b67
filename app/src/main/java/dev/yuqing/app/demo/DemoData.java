package dev.yuqing.app.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.stream.Stream;

/**
 * The demo's data directory: each demo starts from an empty one, so a second run shows the same
 * story again. A directory is only cleared when an earlier demo marked it; a data directory of real
 * runs is never touched.
 */
public final class DemoData {
  /** Marks a data directory written by the demo. */
  public static final String MARKER = ".yuqing-demo";

  /** What the demo writes (and clears before it starts again). */
  private static final List<String> OWNED =
      List.of("index", "checkpoints", "db", "outbox", "crawl", "evidence", "demo-config.yaml");

  private DemoData() {}

  /**
   * Prepares {@code dir} for a demo run.
   *
   * @throws IllegalStateException when {@code dir} holds data that no demo wrote
   */
  public static void prepare(Path dir) throws IOException {
    Files.createDirectories(dir);
    boolean empty;
    try (Stream<Path> s = Files.list(dir)) {
      empty = s.findAny().isEmpty();
    }
    if (!empty && !Files.exists(dir.resolve(MARKER))) {
      throw new IllegalStateException(
          "--data "
              + dir
              + ": holds data that is not from a demo; give the demo an empty or new directory");
    }
    for (String name : OWNED) {
      delete(dir.resolve(name));
    }
    Files.writeString(dir.resolve(MARKER), "written by yuqing demo; cleared by the next demo\n");
  }

  /** The demo configuration with the little internet's URLs filled in. */
  public static String config(LittleInternet net) {
    try (InputStream in = DemoData.class.getResourceAsStream("config.yaml")) {
      if (in == null) {
        throw new IllegalStateException("demo config.yaml is missing from the build");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .replace("{{forum}}", net.forumUrl())
          .replace("{{feed}}", net.feedUrl());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    Files.walkFileTree(
        p,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
            Files.delete(d);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
