package dev.yuqing.crawler.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.yuqing.core.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Reads the answer keys: a cwce-layout folder, or a key.jsonl / body-key.jsonl file. */
public final class KeyedPages {
  private KeyedPages() {}

  private static final Pattern DAY = Pattern.compile("^(\\d{4})-(\\d{1,2})-(\\d{1,2})");
  private static final Pattern MINUTE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}");

  /**
   * A folder laid out like the Chinese Web Content Extraction Dataset: {@code original/NAME.html},
   * and {@code cleaned/}, {@code author/}, {@code date/} with {@code NAME.txt} ("UNKNOWN" or empty
   * where the page shows none).
   *
   * @throws IOException naming the folder or file that is missing or unreadable
   */
  public static List<KeyedPage> cwce(Path dir) throws IOException {
    Path original = dir.resolve("original");
    if (!Files.isDirectory(original)) {
      throw new IOException(dir + ": no original/ folder (expected the cwce layout)");
    }
    List<Path> pages;
    try (Stream<Path> s = Files.list(original)) {
      pages = s.filter(p -> p.getFileName().toString().endsWith(".html")).sorted().toList();
    }
    List<KeyedPage> out = new ArrayList<>();
    for (Path p : pages) {
      String base = p.getFileName().toString().replaceFirst("\\.html$", "");
      String body = read(dir.resolve("cleaned").resolve(base + ".txt"));
      if (body == null) {
        throw new IOException(dir.resolve("cleaned").resolve(base + ".txt") + ": missing");
      }
      String author = known(read(dir.resolve("author").resolve(base + ".txt")));
      String date = known(read(dir.resolve("date").resolve(base + ".txt")));
      out.add(
          new KeyedPage(
              "original/" + base + ".html",
              p,
              null,
              body,
              null,
              null,
              author == null ? null : List.of(author),
              day(date),
              minute(date)));
    }
    return out;
  }

  /**
   * JSON lines, one page each: {@code file} (relative to the key's folder), {@code title} and
   * {@code title_alt}, {@code body} or {@code body_must_contain}/{@code body_must_not_contain},
   * {@code author} and {@code author_alt}, {@code publish_time}.
   *
   * @throws IOException naming the file and line that cannot be read
   */
  public static List<KeyedPage> jsonl(Path key) throws IOException {
    List<KeyedPage> out = new ArrayList<>();
    List<String> lines = Files.readAllLines(key);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      String where = key + ":" + (i + 1);
      JsonNode k;
      try {
        k = Json.mapper().readTree(lines.get(i));
      } catch (IOException e) {
        throw new IOException(where + ": not JSON: " + e.getMessage(), e);
      }
      String file = text(k, "file");
      if (file == null) {
        throw new IOException(where + ": no \"file\"");
      }
      Path page = key.resolveSibling(file);
      if (!Files.isRegularFile(page)) {
        throw new IOException(where + ": " + page + ": no such file");
      }
      boolean whole = text(k, "body") != null;
      List<String> titles = whole ? null : strings(k, "title", "title_alt");
      String time = text(k, "publish_time");
      out.add(
          new KeyedPage(
              file,
              page,
              titles,
              text(k, "body"),
              strings(k, "body_must_contain"),
              strings(k, "body_must_not_contain"),
              strings(k, "author", "author_alt"),
              day(time),
              minute(time)));
    }
    return out;
  }

  private static String read(Path p) throws IOException {
    return Files.isRegularFile(p) ? Files.readString(p) : null;
  }

  private static String known(String s) {
    if (s == null || s.isBlank() || s.strip().equals("UNKNOWN")) {
      return null;
    }
    return s.strip();
  }

  static LocalDate day(String s) {
    Matcher m = s == null ? null : DAY.matcher(s.strip());
    if (m == null || !m.find()) {
      return null;
    }
    try {
      return LocalDate.of(
          Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static String minute(String s) {
    Matcher m = s == null ? null : MINUTE.matcher(s.strip());
    return m != null && m.find() ? m.group().replace('T', ' ') : null;
  }

  private static String text(JsonNode k, String field) {
    JsonNode v = k.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  /** The values of the fields (strings or arrays of strings), or null when there are none. */
  private static List<String> strings(JsonNode k, String... fields) {
    List<String> out = new ArrayList<>();
    for (String f : fields) {
      JsonNode v = k.get(f);
      if (v == null || v.isNull()) {
        continue;
      }
      if (v.isArray()) {
        v.forEach(x -> out.add(x.asText()));
      } else {
        out.add(v.asText());
      }
    }
    return out.isEmpty() ? null : out;
  }
}
