package dev.yuqing.crawler.evidence;

import dev.yuqing.core.Ids;
import dev.yuqing.core.evidence.ManifestEntry;
import dev.yuqing.core.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Checks an evidence directory: every manifest line chains to the one before, every record's stored
 * bytes still have their SHA-256, the head matches the last line, and no WARC file has bytes (or is
 * present) that the manifest does not account for. Read-only; pure over the files.
 */
public final class EvidenceVerifier {
  private EvidenceVerifier() {}

  /**
   * What verification found.
   *
   * @param records records checked
   * @param problems one line each, naming the record (id, sequence, URL, file, offset)
   */
  public record Report(int records, List<String> problems) {
    public boolean ok() {
      return problems.isEmpty();
    }
  }

  public static Report verify(Path dir) {
    Path manifest = dir.resolve(WarcEvidence.MANIFEST);
    List<String> problems = new ArrayList<>();
    if (!Files.exists(manifest)) {
      problems.add(manifest + ": no manifest (not an evidence directory, or it was deleted)");
      return new Report(0, problems);
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(manifest, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(manifest + ": cannot read: " + e.getMessage(), e);
    }
    String prev = ManifestEntry.GENESIS;
    long expectSeq = 1;
    Map<String, Long> fileEnds = new HashMap<>();
    Map<String, FileChannel> open = new HashMap<>();
    int records = 0;
    List<ManifestEntry> entries = new ArrayList<>();
    try {
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        if (line.isBlank()) {
          continue;
        }
        ManifestEntry e;
        try {
          e = Json.read(line, ManifestEntry.class);
        } catch (UncheckedIOException ex) {
          problems.add(WarcEvidence.MANIFEST + " line " + (i + 1) + ": not a manifest entry");
          continue;
        }
        records++;
        entries.add(e);
        String name = name(e);
        if (e.seq() != expectSeq) {
          problems.add(
              name
                  + ": sequence "
                  + e.seq()
                  + " where "
                  + expectSeq
                  + " was expected (a record was removed or reordered)");
        }
        expectSeq = e.seq() + 1;
        if (!e.prev().equals(prev)) {
          problems.add(name + ": does not chain to the entry before it (manifest edited)");
        }
        if (!e.chain().equals(e.expectedChain())) {
          problems.add(name + ": chain hash does not match its fields (manifest edited)");
        }
        prev = e.chain();
        Path f = dir.resolve(e.file()).normalize();
        if (!f.startsWith(dir.normalize()) || !Files.exists(f)) {
          problems.add(name + ": WARC file " + e.file() + " is missing");
          continue;
        }
        FileChannel ch = open.get(e.file());
        if (ch == null) {
          ch = FileChannel.open(f, StandardOpenOption.READ);
          open.put(e.file(), ch);
        }
        if (e.offset() + e.length() > ch.size()) {
          problems.add(name + ": WARC file " + e.file() + " is truncated");
          continue;
        }
        ByteBuffer buf = ByteBuffer.allocate((int) e.length());
        ch.read(buf, e.offset());
        if (!Ids.sha256Hex(buf.array()).equals(e.sha256())) {
          problems.add(name + ": SHA-256 of the stored record differs (the WARC file was changed)");
        }
        fileEnds.merge(e.file(), e.offset() + e.length(), Math::max);
      }
      for (Map.Entry<String, FileChannel> en : open.entrySet()) {
        long end = fileEnds.getOrDefault(en.getKey(), 0L);
        if (en.getValue().size() > end) {
          problems.add(
              en.getKey()
                  + ": "
                  + (en.getValue().size() - end)
                  + " bytes after the last recorded record (appended outside the manifest)");
        }
      }
    } catch (IOException ex) {
      throw new UncheckedIOException(dir + ": cannot read evidence: " + ex.getMessage(), ex);
    } finally {
      for (FileChannel ch : open.values()) {
        try {
          ch.close();
        } catch (IOException ignored) {
          // read-only: nothing to lose
        }
      }
    }
    checkHead(dir, entries, problems);
    try (Stream<Path> files = Files.list(dir)) {
      TreeSet<String> unknown = new TreeSet<>();
      files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".warc.gz") && !fileEnds.containsKey(n))
          .forEach(unknown::add);
      for (String n : unknown) {
        problems.add(n + ": WARC file not in the manifest");
      }
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    return new Report(records, problems);
  }

  /**
   * The head names the last entry as of the last flush: it must be in the manifest, unchanged.
   * Entries after it are records written since (a crawl still running, or one that crashed before
   * its flush).
   */
  private static void checkHead(Path dir, List<ManifestEntry> entries, List<String> problems) {
    Path head = dir.resolve(WarcEvidence.HEAD);
    if (!Files.exists(head)) {
      return; // nothing sealed yet
    }
    try {
      String s = Files.readString(head, StandardCharsets.UTF_8).strip();
      ManifestEntry h = Json.read(s, ManifestEntry.class);
      ManifestEntry at = null;
      for (ManifestEntry e : entries) {
        if (e.seq() == h.seq()) {
          at = e;
        }
      }
      String sealed = WarcEvidence.HEAD + ": sealed record #" + h.seq() + " " + h.record();
      if (at == null) {
        problems.add(sealed + " is not in the manifest (manifest lines were removed)");
      } else if (!at.chain().equals(h.chain())) {
        problems.add(sealed + " no longer matches the manifest (manifest edited)");
      }
    } catch (IOException | UncheckedIOException ex) {
      problems.add(WarcEvidence.HEAD + ": unreadable");
    }
  }

  private static String name(ManifestEntry e) {
    return "record "
        + e.record()
        + " (#"
        + e.seq()
        + ", "
        + e.type()
        + " "
        + e.url()
        + ", "
        + e.file()
        + " @"
        + e.offset()
        + ")";
  }
}
