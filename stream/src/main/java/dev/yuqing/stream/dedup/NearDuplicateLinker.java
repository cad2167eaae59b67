package dev.yuqing.stream.dedup;

import dev.yuqing.core.Post;
import dev.yuqing.stream.Ingested;
import dev.yuqing.stream.metrics.StageMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
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
 * homeowner's voice, not a repost. It runs before the tagger (it needs only the text), so what it
 * keeps and checkpoints are posts, not tagged posts with their segmented words.
 *
 * <p>"First" is the earliest published: a repost seen before its original (a board lists threads by
 * last reply) is re-linked when the original arrives within {@link #REORDER_HORIZON}; the pair is
 * still counted once. Beyond that horizon, the one seen first stays the first.
 *
 * <p>Fingerprints are found through {@code maxBits + 1} bands (two hashes within {@code maxBits}
 * bits share one band exactly), so a lookup reads a few small lists instead of scanning. They are
 * forgotten {@code ttl} after they were last seen (processing time), by a sweep once a day per
 * project: Flink's own state TTL would, on the heap backend, copy a project's whole map on every
 * access to clean it incrementally.
 */
public final class NearDuplicateLinker extends KeyedProcessFunction<String, Ingested, Ingested> {
  private static final long serialVersionUID = 1L;

  /**
   * How long a first post is kept whole (processing time), so that it can still be re-linked when
   * an earlier-published original turns up after it.
   */
  static final Duration REORDER_HORIZON = Duration.ofDays(1);

  /** How often a project's fingerprints are swept for expired ones. */
  static final Duration SWEEP = Duration.ofDays(1);

  private final long ttl;
  private final int maxBits;
  private transient MapState<Long, Origin> origins;
  private transient MapState<Integer, long[]> bands;
  private transient MapState<String, Ingested> recent;
  private transient ValueState<Long> sweepAt;
  private transient Counter reposts;

  public NearDuplicateLinker(Duration ttl, int maxBits) {
    this.ttl = ttl.toMillis();
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
   * @param seenAt when the fingerprint was last seen (processing time, epoch millis)
   */
  public record Origin(
      String id,
      String author,
      boolean shortText,
      long numbers,
      long hash,
      long eventTime,
      long seenAt) {
    Origin seen(long at) {
      return new Origin(id, author, shortText, numbers, hash, eventTime, at);
    }
  }

  /** Key of a post: its first project, or the empty string when it names none. */
  public static String scope(Ingested in) {
    var projects = in.post().projects();
    return projects.isEmpty() ? "" : projects.get(0);
  }

  @Override
  public void open(OpenContext ctx) {
    origins =
        getRuntimeContext()
            .getMapState(new MapStateDescriptor<>("origins", Types.LONG, Types.POJO(Origin.class)));
    bands =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>(
                    "bands", Types.INT, PrimitiveArrayTypeInfo.LONG_PRIMITIVE_ARRAY_TYPE_INFO));
    recent =
        getRuntimeContext()
            .getMapState(
                // "recent" held tagged posts when the linker ran after the tagger
                new MapStateDescriptor<>("recent-posts", Types.STRING, Types.POJO(Ingested.class)));
    sweepAt = getRuntimeContext().getState(new ValueStateDescriptor<>("sweep-at", Types.LONG));
    reposts = getRuntimeContext().getMetricGroup().counter(StageMetrics.REPOSTS);
  }

  @Override
  public void processElement(Ingested in, Context ctx, Collector<Ingested> out) throws Exception {
    long now = ctx.timerService().currentProcessingTime();
    if (sweepAt.value() == null) {
      long at = now + SWEEP.toMillis();
      sweepAt.update(at);
      ctx.timerService().registerProcessingTimeTimer(at);
    }
    Post p = in.post();
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
    Origin first = find(hash, isShort, numbers, now);
    long at = in.eventTime();
    Origin self = new Origin(p.id(), p.author(), isShort, numbers, hash, at, now);
    if (first != null && !first.id().equals(p.id())) {
      Ingested earlier = at < first.eventTime() ? recent.get(first.id()) : null;
      reposts.inc();
      if (earlier == null) {
        origins.put(first.hash(), first.seen(now));
        out.collect(linked(in, first.id(), false));
        return;
      }
      // The post seen first is the repost: the original, published before it, came later (a
      // board lists threads by last reply). Re-link the one already out — it was counted, so
      // the original is not counted again — and make the original the one later reposts find.
      out.collect(linked(earlier, p.id(), true));
      recent.remove(first.id());
      origins.put(first.hash(), self);
      remember(hash, self);
      recent.put(p.id(), in);
      out.collect(in.withPost(p, false, false));
      return;
    }
    if (first == null) {
      remember(hash, self);
      recent.put(p.id(), in);
    }
    out.collect(in);
  }

  /** Once a day: forget fingerprints not seen for the TTL and posts past the reorder horizon. */
  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<Ingested> out)
      throws Exception {
    long now = timestamp;
    List<Long> expired = new ArrayList<>();
    for (Map.Entry<Long, Origin> e : origins.entries()) {
      if (now - e.getValue().seenAt() > ttl) {
        expired.add(e.getKey());
      }
    }
    for (Long h : expired) {
      origins.remove(h);
    }
    List<Integer> emptied = new ArrayList<>();
    for (Map.Entry<Integer, long[]> e : bands.entries()) {
      long[] kept = Arrays.stream(e.getValue()).filter(this::known).toArray();
      if (kept.length == 0) {
        emptied.add(e.getKey());
      } else if (kept.length < e.getValue().length) {
        e.setValue(kept);
      }
    }
    for (Integer b : emptied) {
      bands.remove(b);
    }
    List<String> old = new ArrayList<>();
    for (Map.Entry<String, Ingested> e : recent.entries()) {
      if (now - e.getValue().ingestedAt() > REORDER_HORIZON.toMillis()) {
        old.add(e.getKey());
      }
    }
    for (String id : old) {
      recent.remove(id);
    }
    if (origins.isEmpty() && recent.isEmpty()) {
      sweepAt.clear();
    } else {
      long at = now + SWEEP.toMillis();
      sweepAt.update(at);
      ctx.timerService().registerProcessingTimeTimer(at);
    }
  }

  private boolean known(long hash) {
    try {
      return origins.contains(hash);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code in} as a repost of {@code to}: not counted; {@code rewrite} when it was written. */
  private static Ingested linked(Ingested in, String to, boolean rewrite) {
    return in.withPost(in.post().toBuilder().repostOf(to).build(), false, rewrite);
  }

  private Origin find(long hash, boolean isShort, long numbers, long now) throws Exception {
    if (isShort) {
      // Short texts: only the same words by the same author are a repost.
      Origin o = live(origins.get(hash), now);
      return o != null && o.shortText() && o.numbers() == numbers ? o : null;
    }
    Origin exact = live(origins.get(hash), now);
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
          Origin o = live(origins.get(c), now);
          if (o != null && !o.shortText() && o.numbers() == numbers) {
            best = o;
            bestDistance = d;
          }
        }
      }
    }
    return best;
  }

  /** The origin unless it expired (between two sweeps). */
  private Origin live(Origin o, long now) {
    return o == null || now - o.seenAt() > ttl ? null : o;
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
        now = Arrays.copyOf(old, old.length + 1);
        now[old.length] = hash;
      }
      bands.put(band, now);
    }
  }
}
