package dev.yuqing.alerts.rules;

import dev.yuqing.core.AlertPost;
import dev.yuqing.core.TaggedPost;
import dev.yuqing.core.Topic;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A post that may be quoted in an alert, with how representative it is.
 *
 * @param post the quote
 * @param topics topic labels of the post
 * @param score representativeness: early-warning signals first, then intensity, sentiment
 *     confidence and engagement (see {@link #scoreOf(TaggedPost)})
 */
public record Candidate(AlertPost post, List<String> topics, double score) implements Serializable {
  /** Characters of text quoted per post. */
  public static final int EXCERPT_CHARS = 120;

  public Candidate {
    topics = topics == null ? List.of() : List.copyOf(topics);
  }

  public static Candidate of(TaggedPost t) {
    List<String> labels = t.topics().stream().map(Topic::label).toList();
    return new Candidate(AlertPost.of(t, EXCERPT_CHARS), labels, scoreOf(t));
  }

  /**
   * How well a post shows what is going on. The signals the plans name (a call to gather with time
   * and place, critical words, media, government) outweigh everything else, because those are the
   * posts the command group must read first; then emotional intensity, how sure the sentiment model
   * is, and engagement.
   */
  public static double scoreOf(TaggedPost t) {
    var s = t.signals();
    double score = 0;
    if (s.mobilizationWithTimeAndPlace()) {
      score += 8;
    } else if (s.mobilization()) {
      score += 5;
    }
    if (!s.criticalWords().isEmpty()) {
      score += 6;
    }
    if (s.media()) {
      score += 4;
    }
    if (s.government()) {
      score += 2;
    }
    score += 3 * Math.max(0, Math.min(1, s.intensity()));
    if (t.negative()) {
      score += t.sentiment().score();
    }
    int engagement = nz(t.post().replies()) + nz(t.post().likes());
    score += Math.log1p(Math.max(0, engagement)) / 2;
    return score;
  }

  private static int nz(Integer i) {
    return i == null ? 0 : i;
  }

  /** Best first; ties: earlier first, then by id, so that the order is reproducible. */
  public static final Comparator<Candidate> BEST_FIRST =
      Comparator.comparingDouble(Candidate::score)
          .reversed()
          .thenComparing(
              c -> c.post().publishedAt(), Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(c -> c.post().id());

  /**
   * Merges two lists, drops duplicate posts (the same id: keeps the later capture), and keeps the
   * best {@code max}.
   */
  public static List<Candidate> merge(List<Candidate> a, List<Candidate> b, int max) {
    Map<String, Candidate> byId = new LinkedHashMap<>();
    for (Candidate c : a) {
      byId.put(c.post().id(), c);
    }
    for (Candidate c : b) {
      byId.put(c.post().id(), c);
    }
    List<Candidate> all = new ArrayList<>(byId.values());
    all.sort(BEST_FIRST);
    return all.size() <= max ? List.copyOf(all) : List.copyOf(all.subList(0, max));
  }

  /**
   * The {@code n} posts to quote: the best post of each distinct author first (many homeowners
   * saying the same thing is the point), then the next best of anyone.
   */
  public static List<AlertPost> representative(List<Candidate> candidates, int n) {
    List<Candidate> sorted = new ArrayList<>(candidates);
    sorted.sort(BEST_FIRST);
    List<AlertPost> chosen = new ArrayList<>();
    Set<String> authors = new HashSet<>();
    Set<String> ids = new HashSet<>();
    for (Candidate c : sorted) {
      String author = c.post().author();
      if (chosen.size() < n && (author == null || authors.add(author))) {
        chosen.add(c.post());
        ids.add(c.post().id());
      }
    }
    for (Candidate c : sorted) {
      if (chosen.size() < n && ids.add(c.post().id())) {
        chosen.add(c.post());
      }
    }
    chosen.sort(
        Comparator.comparing(
            AlertPost::publishedAt, Comparator.nullsLast(Comparator.naturalOrder())));
    return chosen;
  }
}
