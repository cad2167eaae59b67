package dev.yuqing.index;

import dev.yuqing.core.DaemonThreads;
import dev.yuqing.core.TaggedPost;
import dev.yuqing.core.Tagging;
import dev.yuqing.core.TextAnalysis;
import dev.yuqing.core.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded backend: one Lucene index in a directory (normally {@code DATA/index}).
 *
 * <p>Writes go through one {@link IndexWriter} (thread-safe); searches use near-real-time readers
 * from a {@link SearcherManager}, refreshed in the background every refresh interval and at once by
 * {@link #commit()}, so readers never see a half-written state and are never blocked by writers.
 * Lucene commits are atomic: after a crash the index opens at the last commit.
 *
 * <p>Only one process may write an index directory; others open it read-only and see each commit.
 */
final class LucenePostIndex implements PostIndex {
  private static final Logger LOG = LoggerFactory.getLogger(LucenePostIndex.class);

  private static final Similarity SIMILARITY = new LegacyBm25Similarity();

  /**
   * Threads that search the slices of one index in parallel (aggregations over a million posts need
   * more than one core to stay interactive). Daemon threads, never interrupted.
   */
  private static final ExecutorService SLICES =
      Executors.newFixedThreadPool(
          Math.max(2, Runtime.getRuntime().availableProcessors()),
          DaemonThreads.named("lucene-search"));

  /** Searchers scoring as the Elasticsearch backend does, searching slices in parallel. */
  private static final SearcherFactory SEARCHERS =
      new SearcherFactory() {
        @Override
        public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
          IndexSearcher s = new IndexSearcher(reader, SLICES);
          s.setSimilarity(SIMILARITY);
          return s;
        }
      };

  private final Path path;
  private final Directory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final ScheduledExecutorService refresher;
  private final TextAnalysis analysis;
  private volatile boolean closed;

  private LucenePostIndex(
      Path path,
      Directory directory,
      IndexWriter writer,
      SearcherManager sm,
      Duration refreshInterval,
      TextAnalysis analysis) {
    this.path = path;
    this.analysis = analysis;
    this.directory = directory;
    this.writer = writer;
    this.searchers = sm;
    this.refresher =
        Executors.newSingleThreadScheduledExecutor(
            DaemonThreads.named("lucene-refresh " + path.getFileName()));
    long ms = refreshInterval.toMillis();
    refresher.scheduleWithFixedDelay(this::refreshQuietly, ms, ms, TimeUnit.MILLISECONDS);
  }

  /**
   * Commit data key of the names the index was analysed with ({@link TextAnalysis#keepWhole}):
   * readers in other processes must segment queries with the same dictionary.
   */
  static final String WORDS_KEY = "yuqing.words";

  /** Keeps the names stored with the newest commit whole. */
  private static void loadWords(Directory d, TextAnalysis analysis) throws IOException {
    if (!DirectoryReader.indexExists(d)) {
      return;
    }
    String json = SegmentInfos.readLatestCommit(d).getUserData().get(WORDS_KEY);
    if (json != null) {
      analysis.keepWhole(List.of(Json.read(json, String[].class)));
    }
  }

  /** Opens (creating if needed) the index in {@code dir} for reading and writing. */
  static LucenePostIndex openWritable(Path dir, Duration refreshInterval, TextAnalysis analysis) {
    Directory d = null;
    try {
      Files.createDirectories(dir);
      d = FSDirectory.open(dir);
      IndexWriterConfig cfg = new IndexWriterConfig(new KeywordAnalyzer());
      cfg.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
      cfg.setRAMBufferSizeMB(64);
      cfg.setCommitOnClose(true);
      cfg.setSimilarity(SIMILARITY);
      loadWords(d, analysis);
      IndexWriter w = new IndexWriter(d, cfg);
      // An empty first commit, so that read-only openers find an index at once.
      if (!DirectoryReader.indexExists(d)) {
        w.commit();
      }
      return new LucenePostIndex(
          dir, d, w, new SearcherManager(w, SEARCHERS), refreshInterval, analysis);
    } catch (LockObtainFailedException e) {
      closeQuietly(d);
      throw new IndexException(
          dir + ": the index is open for writing in another process (" + e.getMessage() + ")", e);
    } catch (IOException e) {
      closeQuietly(d);
      throw new IndexException(dir + ": cannot open the index: " + e.getMessage(), e);
    }
  }

  /** Opens an existing index in {@code dir} for searching only; sees each new commit. */
  static LucenePostIndex openReadOnly(Path dir, Duration refreshInterval, TextAnalysis analysis) {
    Directory d = null;
    try {
      if (!Files.isDirectory(dir)) {
        throw new IndexException(dir + ": no index here (no such directory)");
      }
      d = FSDirectory.open(dir);
      loadWords(d, analysis);
      return new LucenePostIndex(
          dir, d, null, new SearcherManager(d, SEARCHERS), refreshInterval, analysis);
    } catch (IndexNotFoundException | NoSuchFileException e) {
      closeQuietly(d);
      throw new IndexException(dir + ": no index here", e);
    } catch (IOException e) {
      closeQuietly(d);
      throw new IndexException(dir + ": cannot open the index: " + e.getMessage(), e);
    }
  }

  @Override
  public void upsertTagged(Collection<Tagging> posts) {
    if (writer == null) {
      throw new UnsupportedOperationException(path + ": the index was opened read-only");
    }
    try {
      for (Tagging t : posts) {
        PostDocument doc = PostDocument.of(t.post(), t.words(), analysis);
        writer.updateDocument(new Term(PostDocument.ID, doc.id()), LuceneDocuments.of(doc));
      }
    } catch (IOException e) {
      throw new IndexException(path + ": cannot write: " + e.getMessage(), e);
    }
  }

  @Override
  public void commit() {
    try {
      if (writer != null) {
        // The job commits before every checkpoint, also when nothing came in. Setting the commit
        // data counts as a change, so it is set, and a commit point written and synced, only when
        // there is something to commit: an idle index is not rewritten every 10 s.
        String words = Json.line(analysis.keptWhole());
        if (writer.hasUncommittedChanges() || !words.equals(committedWords())) {
          writer.setLiveCommitData(Map.of(WORDS_KEY, words).entrySet());
          writer.commit();
        }
      }
      searchers.maybeRefreshBlocking();
    } catch (IOException e) {
      throw new IndexException(path + ": cannot commit: " + e.getMessage(), e);
    }
  }

  /** The names in the commit data the writer holds (the last commit's, or set since), or null. */
  private String committedWords() {
    Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
    if (data != null) {
      for (Map.Entry<String, String> e : data) {
        if (WORDS_KEY.equals(e.getKey())) {
          return e.getValue();
        }
      }
    }
    return null;
  }

  @Override
  public Optional<TaggedPost> get(String postId) {
    return withSearcher(
        s -> {
          TopDocs top = s.search(new TermQuery(new Term(PostDocument.ID, postId)), 1);
          if (top.scoreDocs.length == 0) {
            return Optional.empty();
          }
          return Optional.of(read(s, top.scoreDocs[0].doc));
        });
  }

  @Override
  public long count() {
    return withSearcher(s -> (long) s.getIndexReader().numDocs());
  }

  @Override
  public SearchResult search(SearchRequest r) {
    TextQuery text = TextQuery.parse(r.query(), analysis);
    Query query = LuceneQueries.query(r, text);
    Cursor after = r.after() == null ? null : Cursor.decode(r.after(), r.sort());
    return withSearcher(
        s -> {
          if (r.size() == 0) {
            return new SearchResult(s.count(query), List.of(), null);
          }
          FieldDoc afterDoc =
              after == null
                  ? null
                  : new FieldDoc(Integer.MAX_VALUE, Float.NaN, LuceneQueries.sortValues(after));
          // The exact total is counted apart: collecting the page can then skip documents that
          // cannot make it (newest-first over a million posts reads a few thousand, not all).
          long total = s.count(query);
          // one more than asked, to know whether there is a next page
          TopDocs top =
              s.search(
                  query,
                  new TopFieldCollectorManager(
                      LuceneQueries.sort(r.sort()), r.size() + 1, afterDoc, r.size() + 1));
          Set<String> marked = r.highlight() ? text.positiveTerms() : Set.of();
          List<SearchResult.Hit> hits = new ArrayList<>();
          Cursor last = null;
          for (int i = 0; i < Math.min(r.size(), top.scoreDocs.length); i++) {
            FieldDoc fd = (FieldDoc) top.scoreDocs[i];
            TaggedPost post = read(s, fd.doc);
            float score = r.sort() == SearchRequest.Sort.RELEVANCE ? (Float) fd.fields[0] : 0f;
            hits.add(
                new SearchResult.Hit(post, score, Highlighter.highlight(post, marked, analysis)));
            last = cursor(r.sort(), fd, post.id());
          }
          String next = top.scoreDocs.length > r.size() ? last.encode() : null;
          return new SearchResult(total, hits, next);
        });
  }

  @Override
  public Aggregations aggregate(AggregationRequest r) {
    Query query = LuceneQueries.query(r.filter(), TextQuery.parse(r.filter().query(), analysis));
    return withSearcher(s -> LuceneAggregator.aggregate(s, query, r));
  }

  @Override
  public long delete(SearchRequest matching) {
    if (matching.matchesAll()) {
      throw new IllegalArgumentException(
          "delete: the request matches every post; give a filter (e.g. to = the retention cutoff)");
    }
    if (writer == null) {
      throw new UnsupportedOperationException(path + ": the index was opened read-only");
    }
    Query query = LuceneQueries.query(matching, TextQuery.parse(matching.query(), analysis));
    try {
      // Make earlier upserts visible first, so that they are counted and deleted alike.
      searchers.maybeRefreshBlocking();
      long n = withSearcher(s -> (long) s.count(query));
      writer.deleteDocuments(query);
      commit();
      return n;
    } catch (IOException e) {
      throw new IndexException(path + ": cannot delete: " + e.getMessage(), e);
    }
  }

  @Override
  public IndexStats stats() {
    return withSearcher(
        s -> {
          long bytes = 0;
          for (String f : directory.listAll()) {
            try {
              bytes += directory.fileLength(f);
            } catch (NoSuchFileException e) {
              // merged away meanwhile
            }
          }
          return new IndexStats(
              "lucene",
              path.toString(),
              s.getIndexReader().numDocs(),
              bytes,
              s.getIndexReader().leaves().size());
        });
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    // Never interrupt a refresh: Lucene's NIO files close on interrupt, which breaks the writer.
    refresher.shutdown();
    try {
      if (!refresher.awaitTermination(1, TimeUnit.MINUTES)) {
        LOG.warn("{}: a refresh is still running after a minute; closing anyway", path);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      searchers.close();
      if (writer != null) {
        writer.close();
      }
      directory.close();
    } catch (IOException e) {
      throw new IndexException(path + ": cannot close the index: " + e.getMessage(), e);
    }
  }

  private void refreshQuietly() {
    try {
      searchers.maybeRefresh();
    } catch (IOException | RuntimeException e) {
      LOG.warn("{}: refresh failed: {}", path, e.toString());
    }
  }

  private static Cursor cursor(SearchRequest.Sort sort, FieldDoc fd, String id) {
    return switch (sort) {
      case TIME -> new Cursor(sort, 0f, (Long) fd.fields[0], 0, id);
      case RELEVANCE -> new Cursor(sort, (Float) fd.fields[0], (Long) fd.fields[1], 0, id);
      case ENGAGEMENT -> new Cursor(sort, 0f, (Long) fd.fields[1], (Long) fd.fields[0], id);
    };
  }

  private static TaggedPost read(IndexSearcher s, int doc) throws IOException {
    return PostDocument.read(s.storedFields().document(doc).get(PostDocument.DOC));
  }

  private interface SearcherFunction<T> {
    T apply(IndexSearcher s) throws IOException;
  }

  private <T> T withSearcher(SearcherFunction<T> f) {
    if (closed) {
      throw new IllegalStateException(path + ": the index is closed");
    }
    try {
      IndexSearcher s = searchers.acquire();
      try {
        return f.apply(s);
      } finally {
        searchers.release(s);
      }
    } catch (IOException e) {
      throw new IndexException(path + ": cannot search: " + e.getMessage(), e);
    } catch (UncheckedIOException e) {
      throw new IndexException(path + ": cannot search: " + e.getMessage(), e);
    }
  }

  private static void closeQuietly(Directory d) {
    if (d != null) {
      try {
        d.close();
      } catch (IOException e) {
        LOG.debug("closing {} after a failed open: {}", d, e.toString());
      }
    }
  }
}
