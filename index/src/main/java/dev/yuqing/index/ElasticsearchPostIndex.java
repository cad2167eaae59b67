package dev.yuqing.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkIngester;
import co.elastic.clients.elasticsearch._types.Conflicts;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.SearchType;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.yuqing.core.TaggedPost;
import dev.yuqing.core.Tagging;
import dev.yuqing.core.TextAnalysis;
import dev.yuqing.core.config.ElasticsearchConfig;
import dev.yuqing.core.config.Secrets;
import dev.yuqing.core.json.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.RestClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Elasticsearch backend: one index per month ({@code <prefix>-yyyy.MM}, by event time in UTC)
 * made from a versioned index template (resource {@code elasticsearch/posts-template.json}), all
 * behind the alias {@code <prefix>}, which every read uses.
 *
 * <p>Writes go through a {@link BulkIngester}. It retries items rejected with 429 itself; this
 * class retries whole requests that fail (cluster unreachable, timeouts) and items failing with
 * 5xx, with exponential backoff, for up to {@code retryFor}; a post still failing then, or rejected
 * for good (a 4xx such as a mapping error), is logged and parked in the dead-letter file — never
 * dropped. {@link #commit()} waits until every post upserted before it is acknowledged or parked,
 * then refreshes the alias.
 *
 * <p>Relevance searches use {@code dfs_query_then_fetch}, so that BM25 statistics are global over
 * the monthly indices, as in one Lucene index. Elasticsearch 7 scores with the legacy BM25 (times
 * {@code k1 + 1}); the Lucene backend does the same ({@link LegacyBm25Similarity}).
 */
final class ElasticsearchPostIndex implements PostIndex {
  private static final Logger LOG = LoggerFactory.getLogger(ElasticsearchPostIndex.class);
  private static final DateTimeFormatter MONTH =
      DateTimeFormatter.ofPattern("yyyy.MM").withZone(ZoneOffset.UTC);

  private final ElasticsearchClient client;
  private final ElasticsearchConfig config;
  private final String alias;
  private final boolean readOnly;
  private final DeadLetters deadLetters;
  private final DecoupledTransport bulkTransport;
  private final ElasticsearchBulkWriter writer;
  private final TextAnalysis analysis;
  private volatile boolean closed;

  private ElasticsearchPostIndex(
      ElasticsearchClient client,
      ElasticsearchConfig config,
      boolean readOnly,
      DeadLetters deadLetters,
      Clock clock,
      TextAnalysis analysis) {
    this.client = client;
    this.analysis = analysis;
    this.config = config;
    this.alias = config.indexPrefix();
    this.readOnly = readOnly;
    this.deadLetters = deadLetters;
    this.bulkTransport = new DecoupledTransport(client._transport());
    this.writer =
        readOnly ? null : new ElasticsearchBulkWriter(bulkTransport, config, deadLetters, clock);
  }

  /**
   * Connects, checks the cluster answers, and (unless read-only) installs the index template when
   * the cluster's is missing or older.
   */
  static ElasticsearchPostIndex open(
      ElasticsearchConfig config,
      Path dataDir,
      Secrets secrets,
      boolean readOnly,
      TextAnalysis analysis) {
    ElasticsearchClient client = ElasticsearchClients.create(config, secrets);
    try {
      client.info();
      if (!readOnly) {
        ElasticsearchTemplate.install(client, config.indexPrefix());
      }
    } catch (IOException | ElasticsearchException | IllegalStateException e) {
      closeQuietly(client);
      throw new IndexException(
          "index.elasticsearch.urls: cannot use Elasticsearch at "
              + String.join(", ", config.urls())
              + ": "
              + e.getMessage(),
          e);
    }
    DeadLetters dead = new DeadLetters(PostIndexes.deadLetterFile(dataDir));
    return new ElasticsearchPostIndex(client, config, readOnly, dead, Clock.systemUTC(), analysis);
  }

  /** The monthly index a post belongs to. */
  String indexFor(PostDocument d) {
    return alias + "-" + MONTH.format(Instant.ofEpochMilli(d.time()));
  }

  @Override
  public void upsertTagged(Collection<Tagging> posts) {
    writable();
    long deadline = System.nanoTime() + config.retryFor().toNanos();
    for (Tagging t : posts) {
      PostDocument d = PostDocument.of(t.post(), t.words(), analysis);
      writer.add(t.post(), indexFor(d), d.id(), source(d, t.post()), deadline);
    }
  }

  private static Map<String, Object> source(PostDocument d, TaggedPost p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(PostDocument.ID, d.id());
    m.put(PostDocument.TIME, d.time());
    m.put(PostDocument.ENGAGEMENT, d.engagement());
    m.put(PostDocument.SOURCE, d.source());
    if (d.author() != null) {
      m.put(PostDocument.AUTHOR, d.author());
    }
    m.put(PostDocument.PROJECT, d.projects());
    m.put(PostDocument.SENTIMENT, d.sentiment());
    m.put(PostDocument.TOPIC, d.topics());
    m.put(PostDocument.KEYWORD, d.keywords());
    m.put(PostDocument.SIGNAL, d.signals());
    m.put(PostDocument.TERMS, d.terms());
    m.put(PostDocument.DOC, p);
    return m;
  }

  @Override
  public void commit() {
    if (writer != null) {
      writer.flushAndWait();
    }
    long deadline = System.nanoTime() + config.retryFor().toNanos();
    retrying(
        "refresh",
        deadline,
        () ->
            client
                .indices()
                .refresh(r -> r.index(alias).ignoreUnavailable(true).allowNoIndices(true)));
  }

  @Override
  public Optional<TaggedPost> get(String postId) {
    SearchResponse<ObjectNode> r =
        searchAll(
            s ->
                s.query(q -> q.ids(i -> i.values(postId)))
                    .size(1)
                    .source(x -> x.filter(f -> f.includes(PostDocument.DOC))),
            ObjectNode.class);
    return r.hits().hits().stream().findFirst().map(h -> read(h.source()));
  }

  @Override
  public long count() {
    return call(() ->
            client.count(c -> c.index(alias).ignoreUnavailable(true).allowNoIndices(true)))
        .count();
  }

  @Override
  public SearchResult search(SearchRequest r) {
    TextQuery text = TextQuery.parse(r.query(), analysis);
    Cursor after = r.after() == null ? null : Cursor.decode(r.after(), r.sort());
    boolean relevance = r.sort() == SearchRequest.Sort.RELEVANCE;
    boolean dfs = relevance && !text.isEmpty();
    // With relevance, the filters go to post_filter: Elasticsearch rewrites a time range that
    // excludes a whole monthly index to "match none" there, and its DFS phase then leaves that
    // index out of the BM25 statistics. Scores would depend on the time filter; in Lucene (one
    // index) they do not.
    Query query = dfs ? ElasticsearchQueries.text(text) : ElasticsearchQueries.query(r, text);
    List<Query> postFilters = dfs ? ElasticsearchQueries.filters(r) : List.of();
    SearchResponse<ObjectNode> resp =
        searchAll(
            s -> {
              s.query(query)
                  .trackTotalHits(t -> t.enabled(true))
                  .size(r.size() == 0 ? 0 : r.size() + 1)
                  .sort(ElasticsearchQueries.sort(r.sort()))
                  .source(x -> x.filter(f -> f.includes(PostDocument.DOC)));
              if (dfs) {
                // global BM25 statistics over all monthly indices, as in one index
                s.searchType(SearchType.DfsQueryThenFetch);
                if (!postFilters.isEmpty()) {
                  s.postFilter(p -> p.bool(b -> b.filter(postFilters)));
                }
              }
              if (after != null) {
                s.searchAfter(ElasticsearchQueries.sortValues(after));
              }
              return s;
            },
            ObjectNode.class);
    long total = resp.hits().total() == null ? 0 : resp.hits().total().value();
    Set<String> marked = r.highlight() ? text.positiveTerms() : Set.of();
    List<SearchResult.Hit> hits = new ArrayList<>();
    Cursor last = null;
    List<Hit<ObjectNode>> page = resp.hits().hits();
    for (int i = 0; i < Math.min(r.size(), page.size()); i++) {
      Hit<ObjectNode> h = page.get(i);
      TaggedPost post = read(h.source());
      float score = relevance ? (float) h.sort().get(0).doubleValue() : 0f;
      hits.add(new SearchResult.Hit(post, score, Highlighter.highlight(post, marked, analysis)));
      last = ElasticsearchQueries.cursor(r.sort(), h.sort(), post.id());
    }
    String next = page.size() > r.size() && last != null ? last.encode() : null;
    return new SearchResult(total, hits, next);
  }

  @Override
  public Aggregations aggregate(AggregationRequest r) {
    Query query =
        ElasticsearchQueries.query(r.filter(), TextQuery.parse(r.filter().query(), analysis));
    Map<String, Aggregation> aggs = ElasticsearchAggregations.of(r);
    SearchResponse<Void> resp =
        searchAll(
            s -> s.query(query).size(0).trackTotalHits(t -> t.enabled(true)).aggregations(aggs),
            Void.class);
    return ElasticsearchAggregations.read(resp);
  }

  @Override
  public long delete(SearchRequest matching) {
    if (matching.matchesAll()) {
      throw new IllegalArgumentException(
          "delete: the request matches every post; give a filter (e.g. to = the retention cutoff)");
    }
    writable();
    commit();
    Query query = ElasticsearchQueries.query(matching, TextQuery.parse(matching.query(), analysis));
    Long deleted =
        call(() ->
                client.deleteByQuery(
                    d ->
                        d.index(alias)
                            .ignoreUnavailable(true)
                            .allowNoIndices(true)
                            .query(query)
                            .conflicts(Conflicts.Proceed)
                            .refresh(true)))
            .deleted();
    return deleted == null ? 0 : deleted;
  }

  @Override
  public IndexStats stats() {
    // The low-level client: the 8.x typed stats response needs fields a 7.x cluster lacks.
    RestClient rest = ((RestClientTransport) client._transport()).restClient();
    JsonNode stats =
        call(
            () -> {
              Response r = rest.performRequest(new Request("GET", "/" + alias + "-*/_stats/store"));
              return Json.mapper().readTree(r.getEntity().getContent());
            });
    long bytes = stats.path("_all").path("primaries").path("store").path("size_in_bytes").asLong();
    int indices = stats.path("indices").size();
    return new IndexStats("elasticsearch", alias, count(), bytes, indices);
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    try {
      if (writer != null) {
        commit();
        writer.close();
      }
    } finally {
      closed = true;
      if (writer != null) {
        writer.stopRetries();
      }
      try {
        bulkTransport.close(); // closes the client's transport too
      } catch (IOException e) {
        LOG.debug("closing the Elasticsearch client: {}", e.toString());
      }
    }
    if (deadLetters.parked() > 0) {
      LOG.warn(
          "{} posts were rejected by Elasticsearch and parked in {}",
          deadLetters.parked(),
          deadLetters.file());
    }
  }

  /** Posts parked in the dead-letter file by this instance. */
  long parked() {
    return deadLetters.parked();
  }

  Path deadLetterFile() {
    return deadLetters.file();
  }

  private void writable() {
    if (readOnly) {
      throw new UnsupportedOperationException(alias + ": the index was opened read-only");
    }
    if (closed) {
      throw new IllegalStateException(alias + ": the index is closed");
    }
  }

  /** A search over every monthly index behind the alias; none yet is an empty answer. */
  private <T> SearchResponse<T> searchAll(
      UnaryOperator<co.elastic.clients.elasticsearch.core.SearchRequest.Builder> body,
      Class<T> type) {
    return call(
        () ->
            client.search(
                s -> body.apply(s.index(alias).ignoreUnavailable(true).allowNoIndices(true)),
                type));
  }

  private interface EsCall<T> {
    T call() throws IOException;
  }

  private <T> T call(EsCall<T> c) {
    try {
      return c.call();
    } catch (IOException | ElasticsearchException e) {
      throw new IndexException(alias + ": Elasticsearch failed: " + e.getMessage(), e);
    }
  }

  /** Runs a call until it works or the deadline passes, with the bulk retries' backoff. */
  private <T> T retrying(String what, long deadlineNanos, EsCall<T> c) {
    for (int attempt = 0; ; attempt++) {
      try {
        return c.call();
      } catch (IOException | ElasticsearchException e) {
        if (System.nanoTime() - deadlineNanos > 0) {
          throw new IndexException(alias + ": " + what + " failed: " + e.getMessage(), e);
        }
        try {
          Thread.sleep(ElasticsearchBulkWriter.backoffMillis(attempt));
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw new IndexException(alias + ": interrupted during " + what, ie);
        }
      }
    }
  }

  private static TaggedPost read(ObjectNode source) {
    try {
      return Json.mapper().treeToValue(source.get(PostDocument.DOC), TaggedPost.class);
    } catch (IOException e) {
      throw new IndexException("cannot read a stored post: " + e.getMessage(), e);
    }
  }

  private static void closeQuietly(ElasticsearchClient client) {
    try {
      client._transport().close();
    } catch (IOException e) {
      LOG.debug("closing the Elasticsearch client: {}", e.toString());
    }
  }

  @Override
  public String toString() {
    return "ElasticsearchPostIndex[" + alias + " at " + config.urls() + "]";
  }
}
