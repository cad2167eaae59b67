package dev.yuqing.stream.dedup;

import dev.yuqing.core.Post;
import dev.yuqing.core.TaggedPost;
import dev.yuqing.stream.Tagged;
import dev.yuqing.stream.metrics.StageMetrics;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Links reposts to the first post with the same text, keyed by the project a post belongs to
 * (reposts of a post mention the same project). A repost — the same text under another URL, with
 * other punctuation or script, or within {@code maxBits} SimHash bits — gets {@link
 * Post#repostOf()} set to the first post's id and is not counted in the windows; it is still
 * indexed, so the dashboard can show where it spread. A near match must keep every number of the
 * first text: the same complaint template filled in with another building and flat is another
 * homeowner's voice, not a repost.
 *
 * <p>"First" is the earliest published: a repost seen before its original (a board lists threads by
 * last reply) is re-linked when the original arrives within {@link #REORDER_HORIZON}; the pair is
 * still counted once. Beyond that horizon, the one seen first stays the first. Fingerprints are
 * found through {@code maxBits + 1} bands (two hashes within {@code maxBits} bits share one band
 * exactly), so a lookup reads a few small lists instead of scanning. State expires after the
 * configured TTL.
 */
public final class NearDuplicateLinker extends KeyedProcessFunction<String, Tagged, Tagged> {
  private static final long serialVersionUID = 1L;

  /**
   * How long a first post is kept whole (processing time), so that it can still be re-linked when
   * an earlier-published original turns up after it.
   */
  static final Duration REORDER_HORIZON = Duration.ofDays(1);

  private final Duration ttl;
  private final int maxBits;
  private transient MapState<Long, Origin> origins;
  private transient MapState<Integer, long[]> bands;
  private transient MapState<String, Tagged> recent;
  private transient Counter reposts;

  public NearDuplicateLinker(Duration ttl, int maxBits) {
    this.ttl = ttl;
    this.maxBits = maxBits;
  }

  /**
   * The first post seen with a fingerprint.
   *
   * @param id its post id
   * @param author its author, or null
   * @param shortText whether its text is too short for near matching
   * @param numbers {@link TextFingerprint#numbers} of its text: a repost has the same numbers
   * @param hash its fingerprint (the key it is stored under)
   * @param eventTime its publication time, epoch millis
   */
  public record Origin(
      String id, String author, boolean shortText, long numbers, long hash, long eventTime) {}

  /** Key of a post: its first project, or the empty string when it names none. */
  public static String scope(Tagged t) {
    var projects = t.post().post().projects();
    return projects.isEmpty() ? "" : projects.get(0);
  }

  @Override
  public void open(OpenContext ctx) {
    StateTtlConfig cfg = StateTtlConfig.newBuilder(ttl).build();
    MapStateDescriptor<Long, Origin> o =
        new MapStateDescriptor<>("origins", Types.LONG, Types.POJO(Origin.class));
    o.enableTimeToLive(cfg);
    origins = getRuntimeContext().getMapState(o);
    MapStateDescriptor<Integer, long[]> b =
        new MapStateDescriptor<>(
            "bands", Types.INT, PrimitiveArrayTypeInfo.LONG_PRIMITIVE_ARRAY_TYPE_INFO);
    b.enableTimeToLive(cfg);
    bands = getRuntimeContext().getMapState(b);
    MapStateDescriptor<String, Tagged> r =
        new MapStateDescriptor<>("recent", Types.STRING, Types.POJO(Tagged.class));
    r.enableTimeToLive(StateTtlConfig.newBuilder(REORDER_HORIZON).build());
    recent = getRuntimeContext().getMapState(r);
    reposts = getRuntimeContext().getMetricGroup().counter(StageMetrics.REPOSTS);
  }

  @Override
  public void processElement(Tagged in, Context ctx, Collector<Tagged> out) throws Exception {
    Post p = in.post().post();
    if (!in.counted()) {
      // A new version of a post already seen: it keeps whatever link its first version had.
      out.collect(in);
      return;
    }
    String text = p.text().isBlank() ? p.title() : p.text();
    String norm = TextFingerprint.normalise(text);
    if (norm.isEmpty()) {
      out.collect(in);
      return;
    }
    boolean isShort = norm.length() < TextFingerprint.MIN_NEAR_CHARS;
    if (isShort && p.author() == null) {
      // a short text of unknown authorship is never taken for a repost
      out.collect(in);
      return;
    }
    // Short texts are matched exactly together with their author, so they get their own hash.
    long hash =
        isShort
            ? TextFingerprint.simHash(norm + '\u0000' + p.author())
            : TextFingerprint.simHash(norm);
    long numbers = TextFingerprint.numbers(norm);
    Origin first = find(hash, isShort, numbers);
    long at = in.eventTime();
    Origin self = new Origin(p.id(), p.author(), isShort, numbers, hash, at);
    if (first != null && !first.id().equals(p.id())) {
      Tagged earlier = at < first.eventTime() ? recent.get(first.id()) : null;
      reposts.inc();
      if (earlier == null) {
        out.collect(linked(in, first.id(), false));
        return;
      }
      // The post seen first is the repost: the original, published before it, came later (a
      // board lists threads by last reply). Re-link the one already out — it was counted, so
      // the original is not counted again — and make the original the one later reposts find.
      out.collect(linked(earlier, p.id(), false));
      recent.remove(first.id());
      origins.put(first.hash(), self);
      remember(hash, self);
      recent.put(p.id(), in);
      out.collect(new Tagged(in.post(), in.ingestedAt(), false));
      return;
    }
    if (first == null) {
      remember(hash, self);
      recent.put(p.id(), in);
    }
    out.collect(in);
  }

  private static Tagged linked(Tagged in, String to, boolean counted) {
    TaggedPost t = in.post();
    Post post = t.post().toBuilder().repostOf(to).build();
    return new Tagged(
        new TaggedPost(post, t.sentiment(), t.topics(), t.keywords(), t.entities(), t.signals()),
        in.ingestedAt(),
        counted);
  }

  private Origin find(long hash, boolean isShort, long numbers) throws Exception {
    if (isShort) {
      // Short texts: only the same words by the same author are a repost.
      Origin o = origins.get(hash);
      return o != null && o.shortText() && o.numbers() == numbers ? o : null;
    }
    Origin exact = origins.get(hash);
    if (exact != null && !exact.shortText() && exact.numbers() == numbers) {
      return exact;
    }
    if (maxBits == 0) {
      return null;
    }
    Origin best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (int i = 0; i <= maxBits; i++) {
      long[] candidates = bands.get(TextFingerprint.band(hash, i, maxBits + 1));
      if (candidates == null) {
        continue;
      }
      for (long c : candidates) {
        int d = TextFingerprint.distance(hash, c);
        if (d <= maxBits && d < bestDistance) {
          Origin o = origins.get(c);
          if (o != null && !o.shortText() && o.numbers() == numbers) {
            best = o;
            bestDistance = d;
          }
        }
      }
    }
    return best;
  }

  private void remember(long hash, Origin o) throws Exception {
    origins.put(hash, o);
    if (o.shortText() || maxBits == 0) {
      return;
    }
    for (int i = 0; i <= maxBits; i++) {
      int band = TextFingerprint.band(hash, i, maxBits + 1);
      long[] old = bands.get(band);
      long[] now;
      if (old == null) {
        now = new long[] {hash};
      } else {
        // Drop fingerprints whose origin has expired, so band lists stay short.
        int n = 0;
        now = new long[old.length + 1];
        for (long h : old) {
          if (origins.contains(h)) {
            now[n++] = h;
          }
        }
        now[n++] = hash;
        now = java.util.Arrays.copyOf(now, n);
      }
      bands.put(band, now);
    }
  }
}
