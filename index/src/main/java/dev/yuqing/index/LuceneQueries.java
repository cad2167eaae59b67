package dev.yuqing.index;

import dev.yuqing.core.SentimentLabel;
import dev.yuqing.core.Topic;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * Translates a {@link SearchRequest} into a Lucene query and sort. {@link ElasticsearchQueries}
 * mirrors it clause by clause: keep the two in step.
 */
final class LuceneQueries {
  private LuceneQueries() {}

  static Query query(SearchRequest r, TextQuery text) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    boolean positive = false;
    for (String t : text.mustTerms()) {
      b.add(term(PostDocument.TERMS, t), Occur.MUST);
      positive = true;
    }
    for (List<List<String>> clause : text.eitherClauses()) {
      BooleanQuery.Builder any = new BooleanQuery.Builder();
      for (List<String> alternative : clause) {
        any.add(allOf(alternative), Occur.SHOULD);
      }
      b.add(any.build(), Occur.MUST);
      positive = true;
    }
    for (List<String> group : text.excluded()) {
      b.add(allOf(group), Occur.MUST_NOT);
    }
    if (!positive) {
      b.add(new MatchAllDocsQuery(), Occur.FILTER);
    }
    if (r.project() != null) {
      b.add(term(PostDocument.PROJECT, r.project()), Occur.FILTER);
    }
    if (r.from() != null || r.to() != null) {
      long lo = r.from() == null ? Long.MIN_VALUE : r.from().toEpochMilli();
      long hi = r.to() == null ? Long.MAX_VALUE : r.to().toEpochMilli() - 1;
      b.add(LongPoint.newRangeQuery(PostDocument.TIME, lo, hi), Occur.FILTER);
    }
    anyOf(b, PostDocument.SENTIMENT, PostDocument.values(r.sentiments(), SentimentLabel::json));
    anyOf(b, PostDocument.TOPIC, PostDocument.values(r.topics(), Topic::label));
    anyOf(b, PostDocument.SOURCE, r.sources());
    if (r.author() != null) {
      b.add(term(PostDocument.AUTHOR, r.author()), Occur.FILTER);
    }
    List<String> signals = PostDocument.values(r.signals(), SignalKind::key);
    anyOf(b, PostDocument.SIGNAL, signals);
    return b.build();
  }

  static Sort sort(SearchRequest.Sort sort) {
    SortField time = new SortField(PostDocument.TIME, SortField.Type.LONG, true);
    SortField id = new SortField(PostDocument.ID, SortField.Type.STRING);
    return switch (sort) {
      case TIME -> new Sort(time, id);
      case RELEVANCE -> new Sort(SortField.FIELD_SCORE, time, id);
      case ENGAGEMENT ->
          new Sort(new SortField(PostDocument.ENGAGEMENT, SortField.Type.LONG, true), time, id);
    };
  }

  /** The sort values of {@link #sort} for a cursor, as Lucene's search-after wants them. */
  static Object[] sortValues(Cursor c) {
    BytesRef id = new BytesRef(c.id());
    return switch (c.sort()) {
      case TIME -> new Object[] {c.time(), id};
      case RELEVANCE -> new Object[] {c.score(), c.time(), id};
      case ENGAGEMENT -> new Object[] {c.engagement(), c.time(), id};
    };
  }

  private static Query allOf(List<String> terms) {
    if (terms.size() == 1) {
      return term(PostDocument.TERMS, terms.get(0));
    }
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    for (String t : terms) {
      all.add(term(PostDocument.TERMS, t), Occur.MUST);
    }
    return all.build();
  }

  private static void anyOf(BooleanQuery.Builder b, String field, Collection<String> values) {
    if (values.isEmpty()) {
      return;
    }
    List<BytesRef> refs = new ArrayList<>();
    for (String v : values) {
      refs.add(new BytesRef(v));
    }
    b.add(new TermInSetQuery(field, refs), Occur.FILTER);
  }

  private static TermQuery term(String field, String value) {
    return new TermQuery(new Term(field, value));
  }
}
