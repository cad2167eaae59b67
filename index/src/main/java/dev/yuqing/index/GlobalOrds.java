package dev.yuqing.index;

import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.OrdinalMap;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.LongValues;
import org.apache.lucene.util.packed.PackedInts;

/**
 * Segment ordinals of one term field mapped to ordinals over the whole reader (an {@link
 * OrdinalMap}), so that terms are counted by number and looked up only for the top buckets. Built
 * once per reader and kept until the reader is closed.
 */
final class GlobalOrds {
  /** The term fields counted, by index. */
  static final String[] TERM_FIELDS = {
    PostDocument.PROJECT, PostDocument.SOURCE, PostDocument.AUTHOR, PostDocument.KEYWORD
  };

  static final int PROJECT = 0;
  static final int SOURCE = 1;
  static final int AUTHOR = 2;
  static final int KEYWORD = 3;

  /** Global ordinals per top-level reader; weak, and dropped when the reader closes. */
  private static final Map<IndexReader.CacheKey, GlobalOrds[]> CACHE =
      Collections.synchronizedMap(new WeakHashMap<>());

  final String field;
  final OrdinalMap map;
  final int valueCount;

  private GlobalOrds(String field, OrdinalMap map, int valueCount) {
    this.field = field;
    this.map = map;
    this.valueCount = valueCount;
  }

  static GlobalOrds of(IndexReader reader, String field) throws IOException {
    List<LeafReaderContext> leaves = reader.leaves();
    if (leaves.size() <= 1) {
      long n =
          leaves.isEmpty()
              ? 0
              : DocValues.getSortedSet(leaves.get(0).reader(), field).getValueCount();
      return new GlobalOrds(field, null, Math.toIntExact(n));
    }
    SortedSetDocValues[] values = new SortedSetDocValues[leaves.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = DocValues.getSortedSet(leaves.get(i).reader(), field);
    }
    OrdinalMap map = OrdinalMap.build(null, values, PackedInts.DEFAULT);
    return new GlobalOrds(field, map, Math.toIntExact(map.getValueCount()));
  }

  /**
   * Per leaf: segment ordinal → global ordinal, unpacked once rather than read from packed ints for
   * every value; null for the identity.
   */
  private volatile int[][] unpacked;

  int[] segmentToGlobal(int leaf, IndexReader reader) throws IOException {
    if (map == null) {
      return null;
    }
    int[][] u = unpacked;
    if (u == null) {
      synchronized (this) {
        u = unpacked;
        if (u == null) {
          List<LeafReaderContext> leaves = reader.leaves();
          u = new int[leaves.size()][];
          for (int i = 0; i < u.length; i++) {
            int n =
                Math.toIntExact(
                    DocValues.getSortedSet(leaves.get(i).reader(), field).getValueCount());
            LongValues g = map.getGlobalOrds(i);
            int[] a = new int[n];
            for (int ord = 0; ord < n; ord++) {
              a[ord] = (int) g.get(ord);
            }
            u[i] = a;
          }
          unpacked = u;
        }
      }
    }
    return u[leaf];
  }

  String term(IndexReader reader, int global) throws IOException {
    int leaf = map == null ? 0 : map.getFirstSegmentNumber(global);
    long ord = map == null ? global : map.getFirstSegmentOrd(global);
    BytesRef t = DocValues.getSortedSet(reader.leaves().get(leaf).reader(), field).lookupOrd(ord);
    return t.utf8ToString();
  }

  /** The global ordinals of each of {@link #TERM_FIELDS} over {@code reader}. */
  static GlobalOrds[] of(IndexReader reader) throws IOException {
    IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
    if (helper == null) {
      return build(reader);
    }
    GlobalOrds[] cached = CACHE.get(helper.getKey());
    if (cached == null) {
      cached = build(reader);
      CACHE.put(helper.getKey(), cached);
      helper.addClosedListener(CACHE::remove);
    }
    return cached;
  }

  private static GlobalOrds[] build(IndexReader reader) throws IOException {
    GlobalOrds[] out = new GlobalOrds[TERM_FIELDS.length];
    for (int f = 0; f < TERM_FIELDS.length; f++) {
      out[f] = of(reader, TERM_FIELDS[f]);
    }
    return out;
  }
}
