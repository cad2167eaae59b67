package dev.yuqing.core.config;

/**
 * CSS selectors of a forum site profile. Any selector left out takes the default.
 *
 * @param threadLink on the board page: links to threads
 * @param nextPage on board and thread pages: the link to the next page
 * @param threadTitle on a thread page: the thread title
 * @param post on a thread page: one post (first post or reply)
 * @param postAuthor inside a post: the author
 * @param postTime inside a post: the time
 * @param postBody inside a post: the body
 */
public record ForumSelectors(
    String threadLink,
    String nextPage,
    String threadTitle,
    String post,
    String postAuthor,
    String postTime,
    String postBody) {

  public static final ForumSelectors DEFAULT =
      new ForumSelectors(
          "a.thread-link, a.s.xst, th a.xst",
          "a.next, a.nxt",
          "h1.thread-title, #thread_subject, h1",
          ".post, div[id^=post_]",
          ".author, .authi a.xw1",
          ".time, .authi em, time",
          ".content, td.t_f");

  /** Fills the selectors left out with the defaults. */
  public ForumSelectors withDefaults() {
    return new ForumSelectors(
        or(threadLink, DEFAULT.threadLink),
        or(nextPage, DEFAULT.nextPage),
        or(threadTitle, DEFAULT.threadTitle),
        or(post, DEFAULT.post),
        or(postAuthor, DEFAULT.postAuthor),
        or(postTime, DEFAULT.postTime),
        or(postBody, DEFAULT.postBody));
  }

  private static String or(String v, String d) {
    return v == null || v.isBlank() ? d : v;
  }
}
