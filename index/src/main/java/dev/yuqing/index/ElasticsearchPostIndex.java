package dev.yuqing.index;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkIngester;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkListener;
import co.elastic.clients.elasticsearch._types.Conflicts;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.SearchType;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch._types.aggregations.DateHistogramBucket;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.transport.BackoffPolicy;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import co.elastic.clients.util.NamedValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.yuqing.core.SentimentLabel;
import dev.yuqing.core.TaggedPost;
import dev.yuqing.core.Tagging;
import dev.yuqing.core.TextAnalysis;
import dev.yuqing.core.config.ElasticsearchConfig;
import dev.yuqing.core.config.Secrets;
import dev.yuqing.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.ResponseException;
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
  private static final String TEMPLATE = "elasticsearch/posts-template.json";
  private static final DateTimeFormatter MONTH =
      DateTimeFormatter.ofPattern("yyyy.MM").withZone(ZoneOffset.UTC);
  private static final long MAX_BACKOFF_MS = 10_000;

  private final ElasticsearchClient client;
  private final ElasticsearchConfig config;
  private final String alias;
  private final boolean readOnly;
  private final DeadLetters deadLetters;
  private final Clock clock;
  private final DecoupledTransport bulkTransport;
  private final BulkIngester<Pending> ingester;
  private final ScheduledExecutorService retries;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition drained = lock.newCondition();
  private final TextAnalysis analysis;
  private long pending;
  private volatile boolean closed;

  /** One post on its way into the cluster. */
  private record Pending(
      TaggedPost post, String index, BulkOperation operation, long deadlineNanos, int attempt) {
    Pending next() {
      return new Pending(post, index, operation, deadlineNanos, attempt + 1);
    }
  }

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
    this.clock = clock;
    this.retries =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "es-bulk-retry");
              t.setDaemon(true);
              return t;
            });
    this.bulkTransport = new DecoupledTransport(client._transport());
    this.ingester =
        readOnly
            ? null
            : BulkIngester.of(
                b ->
                    b.client(new ElasticsearchAsyncClient(bulkTransport))
                        .maxOperations(config.bulkActions())
                        .maxConcurrentRequests(2)
                        .flushInterval(config.flushInterval().toMillis(), TimeUnit.MILLISECONDS)
                        .backoffPolicy(BackoffPolicy.exponentialBackoff(100L, 8))
                        .listener(new Listener()));
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
        installTemplate(client, config.indexPrefix());
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

  /** The template with the prefix filled in, and its mapping version. */
  static String templateJson(String prefix) {
    try (InputStream in = ElasticsearchPostIndex.class.getResourceAsStream(TEMPLATE)) {
      if (in == null) {
        throw new IllegalStateException("resource " + TEMPLATE + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${prefix}", prefix);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + TEMPLATE, e);
    }
  }

  static long templateVersion() {
    return Json.read(templateJson("x"), JsonNode.class).get("version").asLong();
  }

  private static void installTemplate(ElasticsearchClient client, String prefix)
      throws IOException {
    long ours = templateVersion();
    Long theirs = installedTemplateVersion(client, prefix);
    if (theirs != null && theirs >= ours) {
      return;
    }
    String json = templateJson(prefix);
    client.indices().putIndexTemplate(p -> p.name(prefix).withJson(new StringReader(json)));
    LOG.info("installed index template {} version {} (was {})", prefix, ours, theirs);
  }

  /**
   * The version of the cluster's template of that name, null when there is none or it has no
   * version. Read as plain JSON: the typed client cannot decode templates written without {@code
   * composed_of} (7.x omits the field then), which is how other tools, older yuqing and ours look.
   */
  private static Long installedTemplateVersion(ElasticsearchClient client, String prefix)
      throws IOException {
    if (!(client._transport() instanceof RestClientTransport rest)) {
      throw new IllegalStateException("unexpected transport " + client._transport().getClass());
    }
    try {
      Response r =
          rest.restClient().performRequest(new Request("GET", "/_index_template/" + prefix));
      JsonNode version;
      try (InputStream in = r.getEntity().getContent()) {
        version =
            Json.mapper()
                .readTree(in)
                .path("index_templates")
                .path(0)
                .path("index_template")
                .path("version");
      }
      return version.isIntegralNumber() ? version.asLong() : null;
    } catch (ResponseException e) {
      if (e.getResponse().getStatusLine().getStatusCode() == 404) {
        return null;
      }
      throw e;
    }
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
      String index = indexFor(d);
      Map<String, Object> source = source(d, t.post());
      BulkOperation op =
          BulkOperation.of(o -> o.index(i -> i.index(index).id(d.id()).document(source)));
      addPending(1);
      ingester.add(op, new Pending(t.post(), index, op, deadline, 0));
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
    if (ingester != null) {
      ingester.flush();
      awaitDrained();
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

  /** Blocks until every post handed to the ingester was acknowledged or parked. */
  private void awaitDrained() {
    while (true) {
      lock.lock();
      try {
        if (pending == 0) {
          return;
        }
        drained.await(1, TimeUnit.SECONDS);
        if (pending == 0) {
          return;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IndexException("interrupted while waiting for Elasticsearch", e);
      } finally {
        lock.unlock();
      }
      // retried posts come back into the ingester's buffer: send them (never under our lock, which
      // the bulk listener needs)
      ingester.flush();
    }
  }

  private void addPending(long n) {
    lock.lock();
    try {
      pending += n;
      if (pending == 0) {
        drained.signalAll();
      }
    } finally {
      lock.unlock();
    }
  }

  @Override
  public Optional<TaggedPost> get(String postId) {
    SearchResponse<ObjectNode> r =
        call(
            () ->
                client.search(
                    s ->
                        s.index(alias)
                            .ignoreUnavailable(true)
                            .allowNoIndices(true)
                            .query(q -> q.ids(i -> i.values(postId)))
                            .size(1)
                            .source(x -> x.filter(f -> f.includes(PostDocument.DOC))),
                    ObjectNode.class));
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
        call(
            () ->
                client.search(
                    s -> {
                      s.index(alias)
                          .ignoreUnavailable(true)
                          .allowNoIndices(true)
                          .query(query)
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
                    ObjectNode.class));
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
    // Terms are counted per monthly index, and each index reports its top shardSize terms: counts
    // are exact while an index holds fewer distinct values than that.
    int shardSize = Math.max(20 * r.top(), 10_000);
    Map<String, Aggregation> aggs = new LinkedHashMap<>();
    Aggregation bySentiment = terms(PostDocument.SENTIMENT, 3, 10);
    aggs.put(
        "timeline",
        Aggregation.of(
            a ->
                a.dateHistogram(
                        d ->
                            d.field(PostDocument.TIME)
                                .calendarInterval(
                                    switch (r.interval()) {
                                      case HOUR -> CalendarInterval.Hour;
                                      case DAY -> CalendarInterval.Day;
                                      case WEEK -> CalendarInterval.Week;
                                    })
                                .timeZone(r.zone().getId())
                                .minDocCount(1))
                    .aggregations("sentiment", bySentiment)));
    aggs.put("sentiment", bySentiment);
    aggs.put("topic", terms(PostDocument.TOPIC, 100, 100));
    aggs.put("project", terms(PostDocument.PROJECT, r.top(), shardSize));
    aggs.put("source", terms(PostDocument.SOURCE, r.top(), shardSize));
    aggs.put("author", terms(PostDocument.AUTHOR, r.top(), shardSize));
    aggs.put("keyword", terms(PostDocument.KEYWORD, r.top(), shardSize));
    aggs.put(
        "engaged",
        Aggregation.of(
            a ->
                a.terms(
                        t ->
                            t.field(PostDocument.AUTHOR)
                                .size(r.top())
                                .shardSize(shardSize)
                                .order(
                                    List.of(
                                        NamedValue.of(
                                            "engagement",
                                            co.elastic.clients.elasticsearch._types.SortOrder.Desc),
                                        NamedValue.of(
                                            "_key",
                                            co.elastic.clients.elasticsearch._types.SortOrder
                                                .Asc))))
                    .aggregations(
                        "engagement", x -> x.sum(s -> s.field(PostDocument.ENGAGEMENT)))));
    SearchResponse<Void> resp =
        call(
            () ->
                client.search(
                    s ->
                        s.index(alias)
                            .ignoreUnavailable(true)
                            .allowNoIndices(true)
                            .query(query)
                            .size(0)
                            .trackTotalHits(t -> t.enabled(true))
                            .aggregations(aggs),
                    Void.class));
    Map<String, Aggregate> a = resp.aggregations();
    List<Aggregations.TimeBucket> timeline = new ArrayList<>();
    if (a.get("timeline") != null) {
      for (DateHistogramBucket b : a.get("timeline").dateHistogram().buckets().array()) {
        timeline.add(
            new Aggregations.TimeBucket(
                Instant.ofEpochMilli(b.key()),
                b.docCount(),
                sentiments(b.aggregations().get("sentiment"))));
      }
    }
    List<Aggregations.AuthorEngagement> engaged = new ArrayList<>();
    if (a.get("engaged") != null) {
      for (StringTermsBucket b : a.get("engaged").sterms().buckets().array()) {
        engaged.add(
            new Aggregations.AuthorEngagement(
                b.key().stringValue(),
                b.docCount(),
                Math.round(b.aggregations().get("engagement").sum().value())));
      }
    }
    long total = resp.hits().total() == null ? 0 : resp.hits().total().value();
    return new Aggregations(
        total,
        timeline,
        sentiments(a.get("sentiment")),
        buckets(a.get("topic")),
        buckets(a.get("project")),
        buckets(a.get("source")),
        buckets(a.get("author")),
        buckets(a.get("keyword")),
        engaged);
  }

  private static Aggregation terms(String field, int size, int shardSize) {
    return Aggregation.of(
        a ->
            a.terms(
                t ->
                    t.field(field)
                        .size(size)
                        .shardSize(shardSize)
                        .order(
                            List.of(
                                NamedValue.of(
                                    "_count",
                                    co.elastic.clients.elasticsearch._types.SortOrder.Desc),
                                NamedValue.of(
                                    "_key",
                                    co.elastic.clients.elasticsearch._types.SortOrder.Asc)))));
  }

  private static List<Aggregations.Bucket> buckets(Aggregate a) {
    List<Aggregations.Bucket> out = new ArrayList<>();
    if (a == null || !a.isSterms()) {
      return out;
    }
    for (StringTermsBucket b : a.sterms().buckets().array()) {
      out.add(new Aggregations.Bucket(b.key().stringValue(), b.docCount()));
    }
    return out;
  }

  private static Map<SentimentLabel, Long> sentiments(Aggregate a) {
    Map<SentimentLabel, Long> m = new EnumMap<>(SentimentLabel.class);
    for (Aggregations.Bucket b : buckets(a)) {
      m.put(SentimentLabel.parse(b.key()), b.count());
    }
    return m;
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
      if (ingester != null) {
        commit();
        ingester.close();
      }
    } finally {
      closed = true;
      retries.shutdownNow();
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

  /** Reacts to each bulk response: done, retry later, or park. */
  private final class Listener implements BulkListener<Pending> {
    @Override
    public void beforeBulk(long executionId, BulkRequest request, List<Pending> contexts) {}

    @Override
    public void afterBulk(
        long executionId, BulkRequest request, List<Pending> contexts, BulkResponse response) {
      List<BulkResponseItem> items = response.items();
      long done = 0;
      for (int i = 0; i < items.size(); i++) {
        BulkResponseItem item = items.get(i);
        Pending p = contexts.get(i);
        if (item.error() == null) {
          done++;
        } else if (transientStatus(item.status())) {
          retry(p, item.status() + " " + item.error().type() + ": " + item.error().reason());
        } else {
          park(p, item.status(), item.error().type() + ": " + item.error().reason());
        }
      }
      addPending(-done);
    }

    @Override
    public void afterBulk(
        long executionId, BulkRequest request, List<Pending> contexts, Throwable failure) {
      if (!contexts.isEmpty() && contexts.get(0).attempt() == 0) {
        LOG.warn(
            "bulk request of {} posts failed, retrying for up to {}: {}",
            contexts.size(),
            config.retryFor(),
            failure.toString());
      }
      for (Pending p : contexts) {
        retry(p, failure.toString());
      }
    }
  }

  private static boolean transientStatus(int status) {
    return status == 429 || status >= 500;
  }

  private void retry(Pending p, String reason) {
    if (System.nanoTime() - p.deadlineNanos() > 0 || closed) {
      park(p, 0, "gave up after " + config.retryFor() + ": " + reason);
      return;
    }
    long delay = Math.min(MAX_BACKOFF_MS, 100L << Math.min(p.attempt(), 16));
    retries.schedule(
        () -> {
          try {
            ingester.add(p.operation(), p.next());
            ingester.flush();
          } catch (RuntimeException e) {
            park(p, 0, "could not re-queue: " + e + " (after " + reason + ")");
          }
        },
        delay,
        TimeUnit.MILLISECONDS);
  }

  private void park(Pending p, int status, String reason) {
    try {
      deadLetters.park(p.post(), p.index(), status, reason, clock.instant());
      LOG.warn(
          "post {} rejected by Elasticsearch ({}), parked in {}",
          p.post().id(),
          reason,
          deadLetters.file());
    } catch (RuntimeException e) {
      // The dead-letter file failed too: the log is the last place the post can survive.
      LOG.error(
          "post {} rejected ({}) and could not be parked ({}): {}",
          p.post().id(),
          reason,
          e.getMessage(),
          Json.line(p.post()));
    } finally {
      addPending(-1);
    }
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
          Thread.sleep(Math.min(MAX_BACKOFF_MS, 100L << Math.min(attempt, 16)));
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
