package dev.yuqing.index;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The position after the last hit of a page (search-after): the sort values of that hit. Opaque to
 * callers; the same encoding for both backends, so a cursor is only tied to the sort order.
 *
 * @param sort the order the cursor belongs to
 * @param score relevance score of the last hit (relevance order only)
 * @param time event time in epoch ms of the last hit
 * @param engagement engagement of the last hit
 * @param id post id of the last hit (the final tie-breaker)
 */
record Cursor(SearchRequest.Sort sort, float score, long time, long engagement, String id) {

  private static final String PREFIX = "c1.";

  String encode() {
    String raw =
        sort.name()
            + '\n'
            + Float.floatToIntBits(score)
            + '\n'
            + time
            + '\n'
            + engagement
            + '\n'
            + id;
    return PREFIX
        + Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Decodes a cursor made by {@link #encode()} for the same sort order.
   *
   * @throws IllegalArgumentException naming {@code after} when the text is not such a cursor
   */
  static Cursor decode(String text, SearchRequest.Sort expected) {
    try {
      if (!text.startsWith(PREFIX)) {
        throw new IllegalArgumentException("bad prefix");
      }
      String raw =
          new String(
              Base64.getUrlDecoder().decode(text.substring(PREFIX.length())),
              StandardCharsets.UTF_8);
      String[] f = raw.split("\n", 5);
      if (f.length != 5) {
        throw new IllegalArgumentException("wrong field count");
      }
      SearchRequest.Sort sort = SearchRequest.Sort.valueOf(f[0]);
      if (sort != expected) {
        throw new IllegalArgumentException(
            "after: the cursor belongs to sort " + sort + ", not " + expected);
      }
      return new Cursor(
          sort,
          Float.intBitsToFloat(Integer.parseInt(f[1])),
          Long.parseLong(f[2]),
          Long.parseLong(f[3]),
          f[4]);
    } catch (IllegalArgumentException e) {
      if (e.getMessage() != null && e.getMessage().startsWith("after:")) {
        throw e;
      }
      throw new IllegalArgumentException(
          "after: not a cursor returned by a previous search: '" + text + "'", e);
    }
  }
}
