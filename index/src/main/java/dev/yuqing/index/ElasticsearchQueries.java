package dev.yuqing.index;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import dev.yuqing.core.SentimentLabel;
import dev.yuqing.core.Topic;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Translates a {@link SearchRequest} into Elasticsearch query DSL, clause by clause as {@link
 * LuceneQueries} does (the same boolean structure gives the same hits and the same BM25 scores).
 */
final class ElasticsearchQueries {
  private ElasticsearchQueries() {}

  static Query query(SearchRequest r, TextQuery text) {
    BoolQuery.Builder b = new BoolQuery.Builder();
    textClauses(b, text);
    b.filter(filters(r));
    BoolQuery bool = b.build();
    return Query.of(q -> q.bool(bool));
  }

  /** The text part alone (scored); matches all when there is no text. */
  static Query text(TextQuery text) {
    BoolQuery.Builder b = new BoolQuery.Builder();
    textClauses(b, text);
    BoolQuery bool = b.build();
    return Query.of(q -> q.bool(bool));
  }

  private static void textClauses(BoolQuery.Builder b, TextQuery text) {
    boolean positive = false;
    for (String t : text.mustTerms()) {
      b.must(term(PostDocument.TERMS, t));
      positive = true;
    }
    for (List<List<String>> clause : text.eitherClauses()) {
      List<Query> any = new ArrayList<>();
      for (List<String> alternative : clause) {
        any.add(allOf(alternative));
      }
      b.must(Query.of(q -> q.bool(x -> x.should(any).minimumShouldMatch("1"))));
      positive = true;
    }
    for (List<String> group : text.excluded()) {
      b.mustNot(allOf(group));
    }
    if (!positive) {
      b.filter(Query.of(q -> q.matchAll(m -> m)));
    }
  }

  /** The filters of a request (not scored); empty when it has none. */
  static List<Query> filters(SearchRequest r) {
    List<Query> f = new ArrayList<>();
    if (r.project() != null) {
      f.add(term(PostDocument.PROJECT, r.project()));
    }
    if (r.from() != null || r.to() != null) {
      f.add(
          Query.of(
              q ->
                  q.range(
                      x ->
                          x.date(
                              d -> {
                                d.field(PostDocument.TIME).format("epoch_millis");
                                if (r.from() != null) {
                                  d.gte(Long.toString(r.from().toEpochMilli()));
                                }
                                if (r.to() != null) {
                                  d.lt(Long.toString(r.to().toEpochMilli()));
                                }
                                return d;
                              }))));
    }
    anyOf(f, PostDocument.SENTIMENT, PostDocument.values(r.sentiments(), SentimentLabel::json));
    anyOf(f, PostDocument.TOPIC, PostDocument.values(r.topics(), Topic::label));
    anyOf(f, PostDocument.SOURCE, r.sources());
    if (r.author() != null) {
      f.add(term(PostDocument.AUTHOR, r.author()));
    }
    List<String> signals = PostDocument.values(r.signals(), SignalKind::key);
    anyOf(f, PostDocument.SIGNAL, signals);
    return f;
  }

  static List<SortOptions> sort(SearchRequest.Sort sort) {
    SortOptions time = field(PostDocument.TIME, SortOrder.Desc);
    SortOptions id = field(PostDocument.ID, SortOrder.Asc);
    return switch (sort) {
      case TIME -> List.of(time, id);
      case RELEVANCE ->
          List.of(SortOptions.of(s -> s.score(x -> x.order(SortOrder.Desc))), time, id);
      case ENGAGEMENT -> List.of(field(PostDocument.ENGAGEMENT, SortOrder.Desc), time, id);
    };
  }

  /** The search-after values of {@link #sort} for a cursor. */
  static List<FieldValue> sortValues(Cursor c) {
    FieldValue time = FieldValue.of(c.time());
    FieldValue id = FieldValue.of(c.id());
    return switch (c.sort()) {
      case TIME -> List.of(time, id);
      case RELEVANCE -> List.of(FieldValue.of((double) c.score()), time, id);
      case ENGAGEMENT -> List.of(FieldValue.of(c.engagement()), time, id);
    };
  }

  /** The cursor after a hit, from the sort values Elasticsearch returned for it. */
  static Cursor cursor(SearchRequest.Sort sort, List<FieldValue> values, String id) {
    return switch (sort) {
      case TIME -> new Cursor(sort, 0f, values.get(0).longValue(), 0, id);
      case RELEVANCE ->
          new Cursor(sort, (float) values.get(0).doubleValue(), values.get(1).longValue(), 0, id);
      case ENGAGEMENT ->
          new Cursor(sort, 0f, values.get(1).longValue(), values.get(0).longValue(), id);
    };
  }

  private static SortOptions field(String name, SortOrder order) {
    return SortOptions.of(s -> s.field(f -> f.field(name).order(order)));
  }

  private static Query allOf(List<String> terms) {
    if (terms.size() == 1) {
      return term(PostDocument.TERMS, terms.get(0));
    }
    List<Query> all = new ArrayList<>();
    for (String t : terms) {
      all.add(term(PostDocument.TERMS, t));
    }
    return Query.of(q -> q.bool(x -> x.must(all)));
  }

  private static void anyOf(List<Query> filters, String field, Collection<String> values) {
    if (values.isEmpty()) {
      return;
    }
    List<FieldValue> v = new ArrayList<>();
    for (String s : values) {
      v.add(FieldValue.of(s));
    }
    filters.add(Query.of(q -> q.terms(t -> t.field(field).terms(x -> x.value(v)))));
  }

  private static Query term(String field, String value) {
    return Query.of(q -> q.term(t -> t.field(field).value(value)));
  }
}
