package dev.yuqing.crawler.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yuqing.core.Post;
import dev.yuqing.core.evidence.EvidenceReader;
import dev.yuqing.core.evidence.ManifestEntry;
import dev.yuqing.crawler.fetch.FetchResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WarcEvidenceTest {
  @TempDir Path dir;
  private final Clock clock = Clock.fixed(Instant.parse("2024-05-03T02:00:00Z"), ZoneOffset.UTC);

  private static FetchResponse response(String path, String body) {
    Map<String, List<String>> h = new LinkedHashMap<>();
    h.put("content-type", List.of("text/html; charset=utf-8"));
    h.put("etag", List.of("\"abc\""));
    URI u = URI.create("http://bbs.example.com" + path);
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    return new FetchResponse(u, u, 200, h, b, b, Instant.parse("2024-05-03T01:59:00Z"));
  }

  private List<String> keepThree() {
    List<String> ids = new ArrayList<>();
    try (WarcEvidence ev = new WarcEvidence(dir, clock, "test")) {
      ids.add(ev.keep("forum", response("/t/1", "<p>3号楼天花板漏水</p>")));
      ids.add(ev.keep("forum", response("/t/2", "<p>电梯又坏了</p>")));
      ids.add(ev.keep("forum", response("/t/3", "<p>周六售楼部集合</p>")));
      ev.posts(
          List.of(
              Post.builder()
                  .id("p1")
                  .sourceId("forum")
                  .url("http://bbs.example.com/t/1")
                  .text("3号楼天花板漏水")
                  .evidenceId(ids.get(0))
                  .build()));
    }
    return ids;
  }

  private Path warc() throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.toString().endsWith(".warc.gz")).findFirst().orElseThrow();
    }
  }

  @Test
  void anUntouchedStoreVerifies() {
    keepThree();
    EvidenceVerifier.Report r = EvidenceVerifier.verify(dir);
    assertThat(r.problems()).isEmpty();
    assertThat(r.records()).isEqualTo(4); // warcinfo + three responses
  }

  @Test
  void changingOneByteOfAWarcFileNamesTheRecord() throws Exception {
    List<String> ids = keepThree();
    ManifestEntry second = new EvidenceReader(dir).entry(ids.get(1)).orElseThrow();
    Path warc = warc();
    byte[] bytes = Files.readAllBytes(warc);
    int at = (int) (second.offset() + second.length() / 2);
    bytes[at] ^= 0x01;
    Files.write(warc, bytes);
    EvidenceVerifier.Report r = EvidenceVerifier.verify(dir);
    assertThat(r.ok()).isFalse();
    assertThat(r.problems()).hasSize(1);
    assertThat(r.problems().get(0))
        .contains(ids.get(1))
        .contains("http://bbs.example.com/t/2")
        .contains("SHA-256");
  }

  @Test
  void removingAManifestLineOrAppendingBytesIsDetected() throws Exception {
    List<String> ids = keepThree();
    Path manifest = dir.resolve(WarcEvidence.MANIFEST);
    List<String> lines = new ArrayList<>(Files.readAllLines(manifest));
    lines.remove(2); // the second response
    Files.write(manifest, lines);
    assertThat(EvidenceVerifier.verify(dir).problems())
        .anyMatch(p -> p.contains(ids.get(2)) && p.contains("does not chain"));

    keepThree(); // a fresh store in another directory would be cleaner; here: append garbage
    Files.write(warc(), new byte[] {1, 2, 3}, java.nio.file.StandardOpenOption.APPEND);
    assertThat(EvidenceVerifier.verify(dir).problems()).anyMatch(p -> p.contains("3 bytes after"));
  }

  @Test
  void removingTheLastManifestLineIsDetectedByTheHead() throws Exception {
    keepThree();
    Path manifest = dir.resolve(WarcEvidence.MANIFEST);
    List<String> lines = new ArrayList<>(Files.readAllLines(manifest));
    lines.remove(lines.size() - 1);
    Files.write(manifest, lines);
    assertThat(EvidenceVerifier.verify(dir).problems())
        .anyMatch(p -> p.contains("manifest lines were removed"));
  }

  @Test
  void theCaptureOfAPostCanBeReadBack() {
    List<String> ids = keepThree();
    List<EvidenceReader.Capture> c = new EvidenceReader(dir).forPost("p1");
    assertThat(c).hasSize(1);
    assertThat(c.get(0).entry().record()).isEqualTo(ids.get(0));
    assertThat(c.get(0).warcHeaders())
        .contains("WARC-Type: response")
        .contains("WARC-Target-URI: http://bbs.example.com/t/1")
        .contains("WARC-Date: 2024-05-03T01:59:00Z");
    String block = new String(c.get(0).content(), StandardCharsets.UTF_8);
    assertThat(block)
        .startsWith("HTTP/1.1 200 OK\r\n")
        .contains("etag: \"abc\"")
        .endsWith("<p>3号楼天花板漏水</p>");
  }
}
