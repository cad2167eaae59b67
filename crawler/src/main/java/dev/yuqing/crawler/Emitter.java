package dev.yuqing.crawler;

import dev.yuqing.analysis.TextNormalizer;
import dev.yuqing.core.Ids;
import dev.yuqing.core.Post;
import dev.yuqing.core.Script;
import dev.yuqing.core.config.SourceConfig;
import dev.yuqing.crawler.fetch.FetchResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Turns what one crawl extracted into posts: stable ids, script and simplified form, project scope,
 * and versions against the crawl state (unchanged posts are not emitted again, edited ones come
 * back as the next version). Attaches the evidence record of the response they came from. One per
 * crawl; not thread-safe.
 */
final class Emitter {
  private final String sourceId;
  private final List<String> sourceProjects;
  private final boolean keepAll;
  private final CrawlContext ctx;
  private final CrawlState.Editor state;
  private final Progress progress;
  private final List<Post> emitted = new ArrayList<>();

  Emitter(SourceConfig source, CrawlContext ctx, CrawlState.Editor state, Progress progress) {
    this(source.id(), source.projects(), false, ctx, state, progress);
  }

  /**
   * An emitter for a source without config record (manual entries); {@code keepAll} keeps posts
   * that name no project (what a person entered on purpose is never dropped).
   */
  Emitter(
      String sourceId,
      List<String> sourceProjects,
      boolean keepAll,
      CrawlContext ctx,
      CrawlState.Editor state,
      Progress progress) {
    this.sourceId = sourceId;
    this.sourceProjects = sourceProjects;
    this.keepAll = keepAll;
    this.ctx = ctx;
    this.state = state;
    this.progress = progress;
  }

  /** A post candidate from a page, before scoping and versioning. */
  record Candidate(String locator, Post.Builder post) {}

  /**
   * Accepts the posts found in one response; those new or changed and in scope are emitted, with
   * the response kept as their evidence.
   *
   * @param response the response they came from (kept as evidence when a post is emitted), or null
   *     when there is none to keep
   * @param searchedProject the project a search URL searched for, or null
   */
  List<Post> accept(List<Candidate> candidates, FetchResponse response, String searchedProject) {
    return accept(
        candidates,
        response == null ? () -> null : () -> ctx.evidence().keep(sourceId, response),
        searchedProject);
  }

  /** As above, with the evidence kept by {@code keep} (called once, only if a post is emitted). */
  List<Post> accept(List<Candidate> candidates, Supplier<String> keep, String searchedProject) {
    Instant now = ctx.clock().instant();
    List<Post> out = new ArrayList<>();
    for (Candidate c : candidates) {
      post(c, now, searchedProject).ifPresent(out::add);
    }
    if (!out.isEmpty()) {
      String record = keep.get();
      if (record != null) {
        out.replaceAll(p -> p.toBuilder().evidenceId(record).build());
      }
    }
    if (!out.isEmpty()) {
      ctx.evidence().posts(out);
      out.forEach(progress::post);
      emitted.addAll(out);
    }
    return out;
  }

  private Optional<Post> post(Candidate c, Instant now, String searchedProject) {
    String id = Ids.postId(sourceId, c.locator());
    Post draft = c.post().id(id).sourceId(sourceId).build();
    if (draft.text().isBlank() && (draft.title() == null || draft.title().isBlank())) {
      return Optional.empty();
    }
    String full = draft.fullText();
    Script script = TextNormalizer.script(full);
    String hash = Ids.contentHash(draft.title(), draft.text());
    CrawlState.Mark prev = state.post(id);
    if (prev != null && prev.contentHash().equals(hash)) {
      state.post(id, new CrawlState.Mark(hash, prev.version(), now));
      return Optional.empty();
    }
    // projects a candidate already names (a manual entry's) count as the source's own
    List<String> own = sourceProjects;
    if (!draft.projects().isEmpty()) {
      own = new ArrayList<>(sourceProjects);
      own.addAll(draft.projects());
    }
    Optional<List<String>> projects = ctx.scoper().scope(own, searchedProject, full);
    if (projects.isEmpty() && keepAll) {
      projects = Optional.of(List.of());
    }
    int lastVersion = prev == null ? 0 : prev.version();
    if (projects.isEmpty()) {
      // remembered as seen, so that it is neither refetched nor reconsidered until it changes
      state.post(id, new CrawlState.Mark(hash, lastVersion, now));
      return Optional.empty();
    }
    int version = lastVersion + 1;
    state.post(id, new CrawlState.Mark(hash, version, now));
    return Optional.of(
        draft.toBuilder()
            .script(script)
            .simplified(script == Script.TRADITIONAL ? TextNormalizer.simplified(full) : null)
            .projects(projects.get())
            .contentHash(hash)
            .version(version)
            .fetchedAt(draft.fetchedAt() == null ? now : draft.fetchedAt())
            .build());
  }

  /** The posts emitted by this crawl, their evidence forced to disk first. */
  List<Post> finish() {
    if (!emitted.isEmpty()) {
      ctx.evidence().flush();
    }
    return emitted;
  }
}
