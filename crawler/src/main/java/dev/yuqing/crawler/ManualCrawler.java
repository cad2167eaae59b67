package dev.yuqing.crawler;

import dev.yuqing.core.Post;
import dev.yuqing.core.config.SourceConfig;
import dev.yuqing.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The manual source ({@code sourceId} {@value SourceConfig#MANUAL_ID}): entries added with {@code
 * yuqing add}. Every configuration has it. An entry is never dropped for naming no project.
 */
record ManualCrawler(ManualEntries inbox, CrawlContext ctx) implements SourceCrawler {
  @Override
  public String sourceId() {
    return SourceConfig.MANUAL_ID;
  }

  @Override
  public Duration revisit() {
    return Duration.ofMinutes(1);
  }

  @Override
  public Result crawl(CrawlState state, Progress progress) {
    CrawlState.Editor st = state.edit();
    Emitter emitter = new Emitter(SourceConfig.MANUAL_ID, List.of(), true, ctx, st, progress);
    List<String> errors = new ArrayList<>();
    for (ManualEntries.Entry e : inbox.read(errors)) {
      String locator = "manual:" + e.id();
      if (st.post(dev.yuqing.core.Ids.postId(SourceConfig.MANUAL_ID, locator)) != null) {
        continue;
      }
      Post.Builder b =
          Post.builder()
              .url(e.url())
              .title(e.title())
              .text(e.text())
              .author(e.author())
              .publishedAt(e.publishedAt())
              .fetchedAt(e.enteredAt())
              .projects(e.projects());
      byte[] raw = Json.line(e).getBytes(StandardCharsets.UTF_8);
      emitter.accept(
          List.of(new Emitter.Candidate(locator, b)),
          () ->
              ctx.evidence()
                  .keepResource(
                      SourceConfig.MANUAL_ID,
                      inbox.file().toUri(),
                      e.enteredAt(),
                      "application/json",
                      raw),
          null);
    }
    errors.forEach(l -> progress.error(SourceConfig.MANUAL_ID, l));
    st.lastCrawl(ctx.clock().instant());
    return new Result(emitter.finish(), st.build(), 0, errors);
  }
}
