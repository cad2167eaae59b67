package dev.yuqing.core.config;

/**
 * CSS selectors of a forum site profile. Any selector left out takes the default.
 *
 * <p>The defaults read Discuz!-like boards and this plain markup (what the demo forum serves):
 *
 * <pre>{@code
 * <!-- board page: one link per thread, and a link to the next board page -->
 * <li><a class="thread-link" href="/forum/thread/17">3号楼天花板漏水</a> <span>回复 12</span></li>
 * <a class="next" href="/forum/board?page=2">下一页</a>
 *
 * <!-- thread page: the title, then one .post per floor (first post, then replies) -->
 * <h1 class="thread-title">3号楼天花板漏水</h1>
 * <div class="post" id="post-101">
 *   <span class="author">张女士</span>
 *   <time datetime="2024-05-01T10:15:00+08:00">2024-05-01 10:15</time>
 *   <div class="content">今天收房，客厅天花板一直在滴水……</div>
 * </div>
 * <a class="next" href="/forum/thread/17?page=2">下一页</a>
 * }</pre>
 *
 * <p>A post's {@code id} attribute, when present, keeps its identity stable across page shifts;
 * otherwise its floor number is used. A time element's {@code datetime} (or {@code title})
 * attribute is preferred over its text; relative times (3分钟前, 昨天 10:15) are understood.
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
          "a.next, a.nxt, a[rel=next]",
          "h1.thread-title, #thread_subject, h1",
          ".post, div[id^=post_]:has(td.t_f)",
          ".author, .authi a.xw1, .authi a",
          ".time, .authi em, time",
          ".content, td.t_f");

  /** Discuz! X boards (most estate and city forums). */
  public static final ForumSelectors DISCUZ =
      new ForumSelectors(
          "a.s.xst, th a.xst",
          "a.nxt",
          "#thread_subject, h1",
          "div[id^=post_]:has(td.t_f)",
          ".authi a.xw1, .authi a",
          ".authi em",
          "td.t_f");

  /** Baidu Tieba (百度贴吧, where the 业主吧 are). */
  public static final ForumSelectors TIEBA =
      new ForumSelectors(
          "a.j_th_tit",
          "a.next.pagination-item, a:matchesOwn(^下一页)",
          "h1.core_title_txt, h3.core_title_txt, .core_title_txt",
          "div.l_post",
          "a.p_author_name, .d_name a",
          ".post-tail-wrap span.tail-info:matchesOwn(\\d{4}-\\d{1,2}-\\d{1,2}), .tail-info:last-child",
          "div.d_post_content, div.j_d_post_content");

  /** Built-in site profiles by name: {@code default}, {@code discuz}, {@code tieba}. */
  public static ForumSelectors profile(String name) {
    String n = name == null ? "default" : name.strip().toLowerCase(java.util.Locale.ROOT);
    return switch (n) {
      case "default" -> DEFAULT;
      case "discuz" -> DISCUZ;
      case "tieba" -> TIEBA;
      default ->
          throw new IllegalArgumentException(
              "profile: unknown forum profile '" + name + "' (known: default, discuz, tieba)");
    };
  }

  /** Fills the selectors left out with the defaults. */
  public ForumSelectors withDefaults() {
    return withDefaults(DEFAULT);
  }

  /** Fills the selectors left out with those of {@code base} (a site profile). */
  public ForumSelectors withDefaults(ForumSelectors base) {
    return new ForumSelectors(
        or(threadLink, base.threadLink),
        or(nextPage, base.nextPage),
        or(threadTitle, base.threadTitle),
        or(post, base.post),
        or(postAuthor, base.postAuthor),
        or(postTime, base.postTime),
        or(postBody, base.postBody));
  }

  private static String or(String v, String d) {
    return v == null || v.isBlank() ? d : v;
  }
}
