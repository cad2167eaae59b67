package dev.yuqing.index;

import dev.yuqing.core.SentimentLabel;
import dev.yuqing.core.Topic;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Set;

/**
 * A search: full text plus filters, sort and page. Null or empty filters do not filter; filters
 * combine with AND, the values inside one filter with OR. Build one with {@link #builder()}.
 *
 * @param query full text in the syntax of {@link TextQuery} ({@code 漏水 交房}, {@code 漏水|渗水}, {@code
 *     -物业费}), or null for all posts
 * @param project only posts that mention this project (config {@code projects[].name})
 * @param from event time, inclusive, or null
 * @param to event time, exclusive, or null
 * @param sentiments only these labels
 * @param topics posts carrying any of these topics
 * @param sources only these source ids
 * @param author only this author (exact)
 * @param signals posts carrying any of these signals
 * @param sort order of hits; default relevance with a query, else time
 * @param size hits per page (0..1000; 0 only counts)
 * @param after cursor from the previous page's {@link SearchResult#nextCursor()}, or null
 * @param highlight mark query terms in title and text ({@link SearchResult.Hit#highlights()})
 */
public record SearchRequest(
    String query,
    String project,
    Instant from,
    Instant to,
    Set<SentimentLabel> sentiments,
    Set<Topic> topics,
    Set<String> sources,
    String author,
    Set<SignalKind> signals,
    Sort sort,
    int size,
    String after,
    boolean highlight) {

  public SearchRequest {
    query = query == null || query.isBlank() ? null : query.strip();
    project = project == null || project.isBlank() ? null : project;
    author = author == null || author.isBlank() ? null : author;
    sentiments = sentiments == null ? Set.of() : Set.copyOf(sentiments);
    topics = topics == null ? Set.of() : Set.copyOf(topics);
    sources = sources == null ? Set.of() : Set.copyOf(sources);
    signals = signals == null ? Set.of() : Set.copyOf(signals);
    sort = sort == null ? (query == null ? Sort.TIME : Sort.RELEVANCE) : sort;
    if (size < 0 || size > 1000) {
      throw new IllegalArgumentException("size: must be 0..1000, got " + size);
    }
    if (from != null && to != null && !from.isBefore(to)) {
      throw new IllegalArgumentException("from: must be before to (" + from + " >= " + to + ")");
    }
    after = after == null || after.isBlank() ? null : after;
  }

  /** Everything, newest first, {@code size} per page. */
  public static SearchRequest all(int size) {
    return builder().size(size).build();
  }

  /** A full-text query, best first, highlighted. */
  public static SearchRequest text(String query, int size) {
    return builder().query(query).size(size).highlight(true).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /** True when nothing restricts the matching posts (no text, no filter). */
  public boolean matchesAll() {
    return query == null
        && project == null
        && from == null
        && to == null
        && sentiments.isEmpty()
        && topics.isEmpty()
        && sources.isEmpty()
        && author == null
        && signals.isEmpty();
  }

  /** Orders of hits. Ties are broken by newer first, then by post id. */
  public enum Sort {
    /** Newest first. */
    TIME,
    /** Best match first (BM25 over the segmented terms). */
    RELEVANCE,
    /** Most replies plus likes first. */
    ENGAGEMENT
  }

  /** Builder; {@link #build()} validates as the constructor does. Default size 20. */
  public static final class Builder {
    private String query;
    private String project;
    private Instant from;
    private Instant to;
    private Set<SentimentLabel> sentiments;
    private Set<Topic> topics;
    private Set<String> sources;
    private String author;
    private Set<SignalKind> signals;
    private Sort sort;
    private int size = 20;
    private String after;
    private boolean highlight;

    private Builder() {}

    private Builder(SearchRequest r) {
      query = r.query;
      project = r.project;
      from = r.from;
      to = r.to;
      sentiments = r.sentiments;
      topics = r.topics;
      sources = r.sources;
      author = r.author;
      signals = r.signals;
      sort = r.sort;
      size = r.size;
      after = r.after;
      highlight = r.highlight;
    }

    public Builder query(String v) {
      query = v;
      return this;
    }

    public Builder project(String v) {
      project = v;
      return this;
    }

    public Builder from(Instant v) {
      from = v;
      return this;
    }

    public Builder to(Instant v) {
      to = v;
      return this;
    }

    public Builder sentiments(Collection<SentimentLabel> v) {
      sentiments = v == null ? null : Set.copyOf(v);
      return this;
    }

    public Builder sentiments(SentimentLabel... v) {
      return sentiments(Arrays.asList(v));
    }

    public Builder topics(Collection<Topic> v) {
      topics = v == null ? null : Set.copyOf(v);
      return this;
    }

    public Builder topics(Topic... v) {
      return topics(Arrays.asList(v));
    }

    public Builder sources(Collection<String> v) {
      sources = v == null ? null : Set.copyOf(v);
      return this;
    }

    public Builder sources(String... v) {
      return sources(Arrays.asList(v));
    }

    public Builder author(String v) {
      author = v;
      return this;
    }

    public Builder signals(Collection<SignalKind> v) {
      signals = v == null ? null : Set.copyOf(v);
      return this;
    }

    public Builder signals(SignalKind... v) {
      return signals(Arrays.asList(v));
    }

    public Builder sort(Sort v) {
      sort = v;
      return this;
    }

    public Builder size(int v) {
      size = v;
      return this;
    }

    public Builder after(String v) {
      after = v;
      return this;
    }

    public Builder highlight(boolean v) {
      highlight = v;
      return this;
    }

    public SearchRequest build() {
      return new SearchRequest(
          query,
          project,
          from,
          to,
          sentiments,
          topics,
          sources,
          author,
          signals,
          sort,
          size,
          after,
          highlight);
    }
  }
}
