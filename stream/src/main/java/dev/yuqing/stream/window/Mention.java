package dev.yuqing.stream.window;

import dev.yuqing.stream.Tagged;
import java.util.ArrayList;
import java.util.List;

/**
 * A counted post under one of the projects it belongs to: the input of the per-project windows and
 * rules. A post of two projects is two mentions.
 *
 * @param project watched project (the key)
 * @param post the post
 */
public record Mention(String project, Tagged post) {

  /** The mentions of a post; none when it is not counted (an edit, a repost). */
  public static List<Mention> of(Tagged t) {
    List<Mention> out = new ArrayList<>();
    if (t.counted()) {
      // without the segmented words, which only the index uses: each mention is serialised to
      // cross to the windows' subtask
      Tagged slim = t.withoutWords();
      for (String project : t.post().post().projects()) {
        out.add(new Mention(project, slim));
      }
    }
    return out;
  }
}
