package dev.yuqing.crawler;

import dev.yuqing.core.Ids;
import dev.yuqing.core.Post;
import dev.yuqing.core.config.ChatExportSourceConfig;
import dev.yuqing.crawler.extract.ChatExport;
import dev.yuqing.crawler.fetch.Charsets;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code kind: chat-export}: WeChat/QQ plain-text exports of homeowner groups, a file or every
 * {@code *.txt} of a directory. A file whose bytes did not change is skipped; a file that grew (a
 * newer export of the same group) yields only its new messages, because a message's identity is its
 * group, sender, second and rank within that second — not its position in a file.
 */
final class ChatExportCrawler implements SourceCrawler {
  private final ChatExportSourceConfig source;
  private final CrawlContext ctx;
  private final ChatExport parser;

  ChatExportCrawler(ChatExportSourceConfig source, CrawlContext ctx) {
    this.source = source;
    this.ctx = ctx;
    this.parser = new ChatExport(ctx.dates());
  }

  @Override
  public String sourceId() {
    return source.id();
  }

  @Override
  public Duration revisit() {
    return source.revisit();
  }

  @Override
  public Result crawl(CrawlState state, Progress progress) {
    CrawlState.Editor st = state.edit();
    Emitter emitter = new Emitter(source, ctx, st, progress);
    List<String> errors = new ArrayList<>();
    int files = 0;
    for (Path f : files(errors)) {
      byte[] bytes;
      try {
        bytes = Files.readAllBytes(f);
      } catch (IOException e) {
        errors.add(f + ": cannot read: " + e.getMessage());
        progress.error(source.id(), errors.get(errors.size() - 1));
        continue;
      }
      files++;
      progress.page(source.id(), f.toUri().toString(), 200, bytes.length);
      String key = "file:" + f.toAbsolutePath().normalize();
      String hash = Ids.sha256Hex(bytes);
      CrawlState.Page seen = st.page(key);
      Instant now = ctx.clock().instant();
      if (seen != null && hash.equals(seen.fingerprint())) {
        continue;
      }
      ChatExport.Chat chat = parser.parse(Charsets.decode(bytes, null).text(), source.format());
      if (chat.messages().isEmpty()) {
        errors.add(f + ": no messages found (not a WeChat/QQ text export?)");
        progress.error(source.id(), errors.get(errors.size() - 1));
      }
      String group =
          source.group() != null
              ? source.group()
              : chat.group() != null ? chat.group() : fileGroup(f);
      URI uri = f.toAbsolutePath().normalize().toUri();
      List<Emitter.Candidate> candidates = new ArrayList<>();
      for (ChatExport.Message m : chat.messages()) {
        String locator =
            "chat:" + group + "\n" + m.at() + "\n" + m.sender() + "\n" + m.occurrence();
        candidates.add(
            new Emitter.Candidate(
                locator,
                Post.builder()
                    .url(uri + "#" + Ids.sha256Hex(locator).substring(0, 12))
                    .text(m.text())
                    .author(m.sender())
                    .publishedAt(m.at())
                    .fetchedAt(now)));
      }
      emitter.accept(
          candidates,
          () ->
              ctx.evidence()
                  .keepResource(source.id(), uri, now, "text/plain; charset=utf-8", bytes),
          null);
      st.page(key, new CrawlState.Page(null, null, hash, now));
    }
    st.lastCrawl(ctx.clock().instant());
    return new Result(emitter.finish(), st.build(), files, errors);
  }

  private List<Path> files(List<String> errors) {
    Path p = Path.of(source.path());
    if (Files.isRegularFile(p)) {
      return List.of(p);
    }
    if (Files.isDirectory(p)) {
      try (Stream<Path> s = Files.list(p)) {
        return s.filter(f -> f.getFileName().toString().toLowerCase().endsWith(".txt"))
            .filter(Files::isRegularFile)
            .sorted()
            .toList();
      } catch (IOException e) {
        errors.add(p + ": cannot list: " + e.getMessage());
        return List.of();
      }
    }
    errors.add(p + ": no such file or directory (sources." + source.id() + ".path)");
    return List.of();
  }

  private static String fileGroup(Path f) {
    String n = f.getFileName().toString();
    return n.endsWith(".txt") ? n.substring(0, n.length() - 4) : n;
  }
}
