package dev.yuqing.app.cli;

import dev.yuqing.core.UserError;
import dev.yuqing.core.evidence.EvidenceReader;
import dev.yuqing.crawler.evidence.EvidenceVerifier;
import dev.yuqing.crawler.evidence.WarcEvidence;
import dev.yuqing.crawler.extract.Text;
import dev.yuqing.crawler.fetch.Charsets;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.zip.GZIPInputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code yuqing evidence}: check and read the preserved captures (证据保全). */
@Command(
    name = "evidence",
    mixinStandardHelpOptions = true,
    description = {"证据保全：校验与查看抓取时保存的原始响应 (WARC)。", "Verify and show preserved captures."},
    subcommands = {EvidenceCommand.Verify.class, EvidenceCommand.Show.class})
public final class EvidenceCommand extends CommandGroup {
  /** DATA or DATA/evidence → the evidence directory. */
  static Path evidenceDir(Path dir) {
    if (Files.exists(dir.resolve(WarcEvidence.MANIFEST))) {
      return dir;
    }
    Path nested = dir.resolve("evidence");
    if (Files.exists(nested.resolve(WarcEvidence.MANIFEST))) {
      return nested;
    }
    throw new UserError(
        dir
            + ": no evidence here (expected "
            + WarcEvidence.MANIFEST
            + " in it or in "
            + nested
            + ")");
  }

  /** {@code yuqing evidence verify DIR}. */
  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description = {
        "校验证据目录：每条记录的 SHA-256 与哈希链；任何改动、删除或重排都会被指出。",
        "Checks every record's SHA-256 and the hash chain; exit 1 naming each broken record."
      })
  static final class Verify extends CliCommand implements Callable<Integer> {
    @Parameters(
        index = "0",
        paramLabel = "DIR",
        description = "evidence directory, or the --data directory holding it")
    Path dir;

    @Override
    public Integer call() {
      Path d = evidenceDir(dir);
      EvidenceVerifier.Report r = EvidenceVerifier.verify(d);
      PrintWriter out = out();
      if (r.ok()) {
        out.printf("证据完好 OK: %d 条记录, 哈希链完整 (%s)%n", r.records(), d);
        return 0;
      }
      PrintWriter err = err();
      for (String p : r.problems()) {
        err.println("FAIL " + p);
      }
      err.printf("证据校验失败: %d 个问题, 共 %d 条记录 (%s)%n", r.problems().size(), r.records(), d);
      return 1;
    }
  }

  /** {@code yuqing evidence show POST_ID}. */
  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = {"显示某条帖子的原始抓取记录。", "Prints the capture(s) a post came from."})
  static final class Show extends CliCommand implements Callable<Integer> {
    @Parameters(
        index = "0",
        paramLabel = "POST_ID",
        description = "post id (the id field of crawl output)")
    String postId;

    @Mixin DataDir data;

    @Option(names = "--headers-only", description = "print the WARC and HTTP headers, not the body")
    boolean headersOnly;

    @Override
    public Integer call() throws IOException {
      Path d = evidenceDir(data.path);
      List<EvidenceReader.Capture> captures = new EvidenceReader(d).forPost(postId);
      if (captures.isEmpty()) {
        throw new UserError(postId + ": no capture of this post in " + d);
      }
      PrintWriter out = out();
      for (EvidenceReader.Capture c : captures) {
        out.printf(
            "== 帖子 %s 第 %d 版 · 记录 %s (#%d) · %s · %s@%d · sha256 %s%n",
            c.post(),
            c.version(),
            c.entry().record(),
            c.entry().seq(),
            c.entry().date(),
            c.entry().file(),
            c.entry().offset(),
            c.entry().sha256());
        // what a site sent is hostile: no terminal escapes reach the terminal
        out.println(Text.printable(c.warcHeaders().replace("\r\n", "\n")));
        out.println();
        byte[] block = c.content();
        if (c.entry().type().equals("response")) {
          int split = indexOf(block);
          String httpHead = new String(block, 0, Math.max(0, split), StandardCharsets.ISO_8859_1);
          out.println(Text.printable(httpHead.replace("\r\n", "\n")));
          out.println();
          if (!headersOnly) {
            byte[] body =
                java.util.Arrays.copyOfRange(
                    block, split < 0 ? block.length : split + 4, block.length);
            String lower = httpHead.toLowerCase(Locale.ROOT);
            if (lower.contains("content-encoding: gzip")) {
              try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
                body = in.readAllBytes();
              }
            }
            String contentType = null;
            for (String line : httpHead.split("\r\n")) {
              if (line.toLowerCase(Locale.ROOT).startsWith("content-type:")) {
                contentType = line.substring(13).strip();
              }
            }
            out.println(Text.printable(Charsets.decode(body, contentType).text()));
          }
        } else if (!headersOnly) {
          out.println(Text.printable(new String(block, StandardCharsets.UTF_8)));
        }
      }
      out.flush();
      return 0;
    }

    private static int indexOf(byte[] b) {
      for (int i = 0; i + 3 < b.length; i++) {
        if (b[i] == '\r' && b[i + 1] == '\n' && b[i + 2] == '\r' && b[i + 3] == '\n') {
          return i;
        }
      }
      return -1;
    }
  }
}
