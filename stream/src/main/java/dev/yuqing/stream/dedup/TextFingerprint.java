package dev.yuqing.stream.dedup;

import dev.yuqing.analysis.TextNormalizer;

/**
 * A 64-bit SimHash of a post's text after normalisation: the text as analysis reads it ({@link
 * TextNormalizer}: simplified script, half-width, lower case), and of that only letters and digits.
 * So a repost with other punctuation, spacing or script has the same fingerprint, and a lightly
 * edited one differs in a few bits. Features are the distinct overlapping character bigrams, which
 * suit Chinese without segmentation; counting each once keeps a long run of one pattern (a table, a
 * repeated line break marker) from dominating the hash of a long text.
 *
 * <p>Pure and thread-safe.
 */
public final class TextFingerprint {
  /**
   * Texts shorter than this (normalised characters) are too short for near-duplicate matching: "顶"
   * or "同问" from fifty homeowners are fifty voices, not reposts. They are linked only when equal
   * and by the same author.
   */
  public static final int MIN_NEAR_CHARS = 20;

  private TextFingerprint() {}

  /** The normalised text the fingerprint is computed from. */
  public static String normalise(String text) {
    String s = TextNormalizer.normalize(text);
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      if (Character.isLetterOrDigit(cp)) {
        sb.appendCodePoint(cp);
      }
      i += Character.charCount(cp);
    }
    return sb.toString();
  }

  /** SimHash of normalised text (see {@link #normalise}); 0 for empty text. */
  public static long simHash(String normalised) {
    int n = normalised.length();
    if (n == 0) {
      return 0;
    }
    Votes votes = new Votes();
    if (n == 1) {
      votes.add(mix(normalised.charAt(0)));
    }
    // distinct bigrams through an open-addressing set of ints (a HashSet<Integer> boxed every
    // bigram: most of the linker's garbage); 0 marks a free slot, so bigram 0 is kept apart
    int[] seen = new int[Integer.highestOneBit(n) * 4];
    int mask = seen.length - 1;
    boolean zeroSeen = false;
    for (int i = 0; i + 1 < n; i++) {
      int feature = (normalised.charAt(i) << 16) | normalised.charAt(i + 1);
      long h = mix(feature);
      if (feature == 0) {
        if (!zeroSeen) {
          zeroSeen = true;
          votes.add(h);
        }
        continue;
      }
      int slot = (int) (h >>> 32) & mask;
      while (seen[slot] != 0 && seen[slot] != feature) {
        slot = (slot + 1) & mask;
      }
      if (seen[slot] == 0) {
        seen[slot] = feature;
        votes.add(h);
      }
    }
    return votes.majority();
  }

  /**
   * Per bit of the hashes added, how many had it set: 64 counters kept as bit planes (plane k holds
   * bit k of every counter), so adding a hash is a carry through a few planes instead of 64 counter
   * updates, which had been most of the linker's time.
   */
  private static final class Votes {
    private final long[] planes = new long[32];
    private int total;

    void add(long hash) {
      long carry = hash;
      for (int k = 0; carry != 0; k++) {
        long both = planes[k] & carry;
        planes[k] ^= carry;
        carry = both;
      }
      total++;
    }

    /** The bits set in more than half of the hashes (SimHash: more +1 than −1 votes). */
    long majority() {
      long h = 0;
      int used = 32 - Integer.numberOfLeadingZeros(total); // no counter exceeds the total
      for (int b = 0; b < 64; b++) {
        long ones = 0;
        for (int k = 0; k < used; k++) {
          ones |= ((planes[k] >>> b) & 1L) << k;
        }
        if (2 * ones > total) {
          h |= 1L << b;
        }
      }
      return h;
    }
  }

  /**
   * A hash of the numbers in a normalised text, in order. A repost keeps every number; the same
   * complaint template filled in by another homeowner (5栋129室 instead of 1栋101室) does not, and is a
   * voice of its own, not a repost.
   */
  public static long numbers(String normalised) {
    long h = 1125899906842597L;
    boolean inRun = false;
    for (int i = 0; i < normalised.length(); i++) {
      char c = normalised.charAt(i);
      if (c >= '0' && c <= '9') {
        h = 31 * h + c;
        inRun = true;
      } else if (inRun) {
        h = 31 * h + '|';
        inRun = false;
      }
    }
    return mix(h);
  }

  public static int distance(long a, long b) {
    return Long.bitCount(a ^ b);
  }

  /** MurmurHash3's 64-bit finaliser: spreads a feature over all bits. */
  static long mix(long k) {
    long x = k + 0x9E3779B97F4A7C15L;
    x ^= x >>> 33;
    x *= 0xff51afd7ed558ccdL;
    x ^= x >>> 33;
    x *= 0xc4ceb9fe1a85ec53L;
    x ^= x >>> 33;
    return x;
  }

  /**
   * Band {@code i} of {@code bands} equal bands of the hash, tagged with {@code i}. Two hashes that
   * differ in fewer than {@code bands} bits share at least one band exactly (pigeonhole), so
   * looking up every band of a hash finds every hash within {@code bands - 1} bits.
   */
  public static int band(long hash, int i, int bands) {
    int width = 64 / bands;
    return (i << 24) | (int) ((hash >>> (width * i)) & ((1L << width) - 1));
  }
}
