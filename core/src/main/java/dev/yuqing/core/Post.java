package dev.yuqing.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One crawled post: a news article, a forum thread's first post or reply, a social post, a chat
 * message or a manual entry. Immutable; crawled text is untrusted and must be escaped wherever it
 * is shown.
 *
 * @param id stable id: the same post crawled twice gets the same id (see {@link Ids#postId})
 * @param sourceId id of the configured source that produced it
 * @param url where a reader finds it (for replies: the thread URL with an anchor when known)
 * @param title headline or thread title; null for replies and chat messages
 * @param text body text, plain, never HTML
 * @param author author or outlet as shown; null when unknown
 * @param publishedAt when it was published (event time); null when the page does not say
 * @param fetchedAt when yuqing fetched it
 * @param replies reply count when the page shows one, else null
 * @param likes like count when the page shows one, else null
 * @param script script of title and text as published
 * @param projects names of the watched projects the post mentions (config {@code projects[].name})
 * @param threadId id of the thread's first post when this is a reply, else null
 * @param contentHash SHA-256 hex of the normalised title and text: edit detection and exact dedup
 * @param version 1 for the first capture; raised each time an edited version is captured
 * @param evidenceId id of the WARC record that preserved the response, null when none was kept
 * @param simplified when the post is in traditional script: title and text converted to simplified
 *     (as {@link #fullText()} joins them), for analysis and search; null otherwise
 * @param repostOf id of the first post with the same (or nearly the same) text when this one is a
 *     repost of it, else null; set by the stream's dedup stage, so that a repost is indexed and
 *     linked to its first source but never counted twice
 */
public record Post(
    String id,
    String sourceId,
    String url,
    String title,
    String text,
    String author,
    Instant publishedAt,
    Instant fetchedAt,
    Integer replies,
    Integer likes,
    Script script,
    List<String> projects,
    String threadId,
    String contentHash,
    int version,
    String evidenceId,
    String simplified,
    String repostOf) {

  @JsonCreator
  public Post {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(sourceId, "sourceId");
    text = text == null ? "" : text;
    script = script == null ? Script.SIMPLIFIED : script;
    projects = projects == null ? List.of() : List.copyOf(projects);
    contentHash = contentHash == null ? Ids.contentHash(title, text) : contentHash;
    version = Math.max(1, version);
    simplified = simplified == null || simplified.isEmpty() ? null : simplified;
  }

  /** Event time: when published, or when fetched if the page gave no date. */
  @JsonIgnore
  public Instant eventTime() {
    return publishedAt != null ? publishedAt : fetchedAt;
  }

  /** Title and text joined, as analysis and search read them. */
  @JsonIgnore
  public String fullText() {
    return title == null || title.isBlank() ? text : title + "\n" + text;
  }

  /**
   * Title and text in simplified script: what analysis should read (same as fullText() when
   * simplified).
   */
  @JsonIgnore
  public String simplifiedText() {
    return simplified != null ? simplified : fullText();
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builder for the many optional fields; {@code build()} validates as the constructor does. */
  public static final class Builder {
    private String id;
    private String sourceId;
    private String url;
    private String title;
    private String text;
    private String author;
    private Instant publishedAt;
    private Instant fetchedAt;
    private Integer replies;
    private Integer likes;
    private Script script;
    private List<String> projects;
    private String threadId;
    private String contentHash;
    private int version = 1;
    private String evidenceId;
    private String simplified;
    private String repostOf;

    private Builder() {}

    private Builder(Post p) {
      id = p.id;
      sourceId = p.sourceId;
      url = p.url;
      title = p.title;
      text = p.text;
      author = p.author;
      publishedAt = p.publishedAt;
      fetchedAt = p.fetchedAt;
      replies = p.replies;
      likes = p.likes;
      script = p.script;
      projects = p.projects;
      threadId = p.threadId;
      contentHash = p.contentHash;
      version = p.version;
      evidenceId = p.evidenceId;
      simplified = p.simplified;
      repostOf = p.repostOf;
    }

    public Builder id(String v) {
      id = v;
      return this;
    }

    public Builder sourceId(String v) {
      sourceId = v;
      return this;
    }

    public Builder url(String v) {
      url = v;
      return this;
    }

    /** Sets the title and clears a content hash computed for the old text. */
    public Builder title(String v) {
      title = v;
      contentHash = null;
      return this;
    }

    /** Sets the text and clears a content hash computed for the old text. */
    public Builder text(String v) {
      text = v;
      contentHash = null;
      return this;
    }

    public Builder author(String v) {
      author = v;
      return this;
    }

    public Builder publishedAt(Instant v) {
      publishedAt = v;
      return this;
    }

    public Builder fetchedAt(Instant v) {
      fetchedAt = v;
      return this;
    }

    public Builder replies(Integer v) {
      replies = v;
      return this;
    }

    public Builder likes(Integer v) {
      likes = v;
      return this;
    }

    public Builder script(Script v) {
      script = v;
      return this;
    }

    public Builder projects(List<String> v) {
      projects = v;
      return this;
    }

    public Builder threadId(String v) {
      threadId = v;
      return this;
    }

    public Builder contentHash(String v) {
      contentHash = v;
      return this;
    }

    public Builder version(int v) {
      version = v;
      return this;
    }

    public Builder evidenceId(String v) {
      evidenceId = v;
      return this;
    }

    public Builder repostOf(String v) {
      repostOf = v;
      return this;
    }

    public Builder simplified(String v) {
      simplified = v;
      return this;
    }

    public Post build() {
      return new Post(
          id,
          sourceId,
          url,
          title,
          text,
          author,
          publishedAt,
          fetchedAt,
          replies,
          likes,
          script,
          projects,
          threadId,
          contentHash,
          version,
          evidenceId,
          simplified,
          repostOf);
    }
  }
}
