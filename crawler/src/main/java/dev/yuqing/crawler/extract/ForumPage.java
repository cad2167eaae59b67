package dev.yuqing.crawler.extract;

import java.time.Instant;
import java.util.List;

/** What a forum's pages hold. */
public final class ForumPage {
  private ForumPage() {}

  /**
   * A board page.
   *
   * @param threads thread links in page order
   * @param nextPage absolute URL of the next board page, or null
   */
  public record Board(List<ThreadLink> threads, String nextPage) {
    public Board {
      threads = List.copyOf(threads);
    }
  }

  /**
   * A thread link on a board.
   *
   * @param url absolute thread URL
   * @param title link text
   * @param row text of the board row around the link (reply count, last post): when it changes, the
   *     thread changed
   */
  public record ThreadLink(String url, String title, String row) {}

  /**
   * One page of a thread.
   *
   * @param title thread title
   * @param posts posts on this page in order
   * @param nextPage absolute URL of the thread's next page, or null
   */
  public record Thread(String title, List<Post> posts, String nextPage) {
    public Thread {
      posts = List.copyOf(posts);
    }
  }

  /**
   * One post of a thread.
   *
   * @param anchor the post element's id attribute, or null when the markup gives none
   * @param author author as shown, or null
   * @param publishedAt post time, or null
   * @param text body text
   */
  public record Post(String anchor, String author, Instant publishedAt, String text) {}
}
