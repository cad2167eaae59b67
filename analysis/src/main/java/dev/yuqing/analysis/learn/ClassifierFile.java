package dev.yuqing.analysis.learn;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A text file of named classifiers and the manifest of what they were trained on: readable and
 * diffable, so a retrained model shows in review what changed. Lines: {@code # comment}, {@code
 * trained<TAB>name<TAB>rows<TAB>sha256}, {@code classifier<TAB>NAME<TAB>bias<TAB>plattA<TAB>
 * plattB<TAB>threshold}, {@code w<TAB>NAME<TAB>feature<TAB>weight}.
 */
public final class ClassifierFile {
  /** Weights smaller than this are not written: they cannot change a decision. */
  static final float MIN_WEIGHT = 1e-3f;

  private ClassifierFile() {}

  /**
   * One training file the classifiers saw.
   *
   * @param name file name
   * @param rows rows used
   * @param sha256 the file's SHA-256, so evaluation can tell whether a file was trained on
   */
  public record Source(String name, int rows, String sha256) {}

  /**
   * A file's content.
   *
   * @param classifiers by name, in file order
   * @param trainedOn the manifest
   */
  public record Content(Map<String, BinaryClassifier> classifiers, List<Source> trainedOn) {}

  public static void write(Writer out, String comment, Content c) throws IOException {
    for (String line : comment.split("\n")) {
      out.write("# " + line + "\n");
    }
    for (Source s : c.trainedOn()) {
      out.write("trained\t" + s.name() + "\t" + s.rows() + "\t" + s.sha256() + "\n");
    }
    for (Map.Entry<String, BinaryClassifier> e : c.classifiers().entrySet()) {
      BinaryClassifier k = e.getValue();
      out.write(
          String.format(
              Locale.ROOT,
              "classifier\t%s\t%.6g\t%.6g\t%.6g\t%.6g%n",
              e.getKey(),
              k.model().bias(),
              k.plattA(),
              k.plattB(),
              k.threshold()));
      // sorted, and weights too small to change a decision left out: a stable, short file
      for (Map.Entry<String, Float> w : new TreeMap<>(k.model().weights()).entrySet()) {
        if (w.getKey().matches(".*[\\t\\n\\r].*")) {
          throw new IllegalArgumentException(
              "feature name with a tab or line break: " + w.getKey());
        }
        if (Math.abs(w.getValue()) >= MIN_WEIGHT) {
          out.write(
              String.format(
                  Locale.ROOT, "w\t%s\t%s\t%.4g%n", e.getKey(), w.getKey(), w.getValue()));
        }
      }
    }
  }

  /** Writes a file (UTF-8), replacing what is there. */
  public static void write(java.nio.file.Path file, String comment, Content c) throws IOException {
    try (Writer w = java.nio.file.Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      write(w, comment, c);
    }
  }

  /** Reads a file; {@code what} names it in errors. */
  public static Content read(InputStream in, String what) throws IOException {
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    List<Source> trained = new ArrayList<>();
    Map<String, double[]> heads = new LinkedHashMap<>();
    Map<String, Map<String, Float>> weights = new HashMap<>();
    int n = 0;
    for (String line = r.readLine(); line != null; line = r.readLine()) {
      n++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] p = line.split("\t");
      try {
        switch (p[0]) {
          case "trained" -> trained.add(new Source(p[1], Integer.parseInt(p[2]), p[3]));
          case "classifier" -> {
            heads.put(
                p[1],
                new double[] {
                  Double.parseDouble(p[2]),
                  Double.parseDouble(p[3]),
                  Double.parseDouble(p[4]),
                  Double.parseDouble(p[5])
                });
            weights.put(p[1], new HashMap<>());
          }
          case "w" -> {
            Map<String, Float> m = weights.get(p[1]);
            if (m == null) {
              throw new IOException("weight before its classifier line");
            }
            m.put(p[2], Float.parseFloat(p[3]));
          }
          default -> throw new IOException("unknown line kind '" + p[0] + "'");
        }
      } catch (ArrayIndexOutOfBoundsException | NumberFormatException e) {
        throw new IOException(what + ":" + n + ": malformed line: " + e.getMessage(), e);
      } catch (IOException e) {
        throw new IOException(what + ":" + n + ": " + e.getMessage(), e);
      }
    }
    Map<String, BinaryClassifier> out = new LinkedHashMap<>();
    heads.forEach(
        (name, h) ->
            out.put(
                name,
                new BinaryClassifier(
                    new PooledLogistic(weights.get(name), h[0]), h[1], h[2], h[3])));
    return new Content(out, List.copyOf(trained));
  }
}
