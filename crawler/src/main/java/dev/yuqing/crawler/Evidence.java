package dev.yuqing.crawler;

import dev.yuqing.core.Post;
import dev.yuqing.crawler.fetch.FetchResponse;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * Keeps the raw responses that produced posts (证据保全). Thread-safe: every source of a process shares
 * one.
 */
public interface Evidence {
  /** Keeps nothing: posts get no evidence id. */
  Evidence NONE =
      new Evidence() {
        @Override
        public String keep(String sourceId, FetchResponse response) {
          return null;
        }

        @Override
        public String keepResource(
            String sourceId, URI uri, Instant at, String contentType, byte[] content) {
          return null;
        }

        @Override
        public void posts(List<Post> posts) {}

        @Override
        public void flush() {}
      };

  /**
   * Stores one response durably.
   *
   * @return the id of the stored record (becomes {@code Post.evidenceId}), or null if not kept
   */
  String keep(String sourceId, FetchResponse response);

  /**
   * Stores content that did not come over HTTP (a chat export file, a manual entry) as a WARC
   * resource record.
   *
   * @return the id of the stored record, or null if not kept
   */
  String keepResource(String sourceId, URI uri, Instant at, String contentType, byte[] content);

  /** Records which post versions came from which record, for {@code yuqing evidence show}. */
  void posts(List<Post> posts);

  /**
   * Forces what was kept to disk. Crawlers call it before returning a crawl's state, so that no
   * state ever names a post whose evidence could still be lost (records are group-committed, not
   * synced one by one).
   */
  void flush();
}
