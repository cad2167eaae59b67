package dev.yuqing.stream.source;

import dev.yuqing.crawler.CrawlState;
import dev.yuqing.crawler.Crawlers;
import dev.yuqing.crawler.SourceCrawler;
import dev.yuqing.stream.TaskManagerFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.connector.base.source.reader.RecordsBySplits;
import org.apache.flink.connector.base.source.reader.RecordsWithSplitIds;
import org.apache.flink.connector.base.source.reader.splitreader.SplitReader;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsAddition;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs in the source's fetcher thread (crawling blocks on the network, the task thread must not):
 * polls each assigned source when it is due and returns its new and changed posts, followed by a
 * marker carrying the crawl state to checkpoint once they are emitted.
 */
final class CrawlSplitReader implements SplitReader<CrawlRecord, CrawlSplit> {
  private static final Logger LOG = LoggerFactory.getLogger(CrawlSplitReader.class);
  private static final long MAX_WAIT_MS = 500;

  private final TaskManagerFactory<Crawlers> factory;
  private final long stopAt;
  private final java.time.Clock clock;
  private Crawlers crawlers;
  private final Map<String, Active> active = new LinkedHashMap<>();
  private final Waker waker = new Waker();

  CrawlSplitReader(TaskManagerFactory<Crawlers> factory, long stopAt, java.time.Clock clock) {
    this.factory = factory;
    this.stopAt = stopAt;
    this.clock = clock;
  }

  private static final class Active {
    final CrawlSplit split;
    SourceCrawler crawler;
    CrawlState state;
    long nextPollAt;

    Active(CrawlSplit s) {
      split = s;
      state = s.state();
      nextPollAt = s.nextPollAt();
    }
  }

  @Override
  public RecordsWithSplitIds<CrawlRecord> fetch() {
    Active due = null;
    for (Active a : active.values()) {
      if (due == null || a.nextPollAt < due.nextPollAt) {
        due = a;
      }
    }
    long now = System.currentTimeMillis();
    if (due == null || due.nextPollAt > now) {
      waitMillis(due == null ? MAX_WAIT_MS : Math.min(MAX_WAIT_MS, due.nextPollAt - now));
      return new RecordsBySplits<>(Map.of(), Set.of());
    }
    return crawl(due, now);
  }

  private RecordsWithSplitIds<CrawlRecord> crawl(Active a, long now) {
    String id = a.split.sourceId();
    long startedAt = clock.millis();
    List<CrawlRecord> out = new ArrayList<>();
    int pages = 0;
    int errors = 0;
    try {
      if (crawlers == null) {
        // one set per reader: its sources share the fetcher and its per-host limits
        crawlers = factory.create();
      }
      if (a.crawler == null) {
        a.crawler = crawlers.get(id);
      }
      SourceCrawler.Result r = a.crawler.crawl(a.state);
      for (var p : r.posts()) {
        out.add(CrawlRecord.post(p));
      }
      for (String e : r.errors()) {
        LOG.warn("source {}: {}", id, e);
      }
      a.state = r.state();
      pages = r.pagesFetched();
      errors = r.errors().size();
    } catch (Exception e) {
      // One bad crawl must not stop the job: the source is tried again on its next visit.
      LOG.warn("source {}: crawl failed: {}", id, String.valueOf(e), e);
      errors++;
    }
    a.nextPollAt = now + a.split.revisitMillis();
    if (now < stopAt && a.nextPollAt > stopAt) {
      a.nextPollAt = stopAt; // bounded: every source's last crawl happens at the stop time
    }
    out.add(CrawlRecord.end(a.state, a.nextPollAt, startedAt, pages, errors));
    Set<String> finished = new HashSet<>();
    // Bounded mode: the crawl that started at or after the stop time is the source's last one.
    if (now >= stopAt) {
      finished.add(id);
      active.remove(id);
    }
    Map<String, java.util.Collection<CrawlRecord>> records = new HashMap<>();
    records.put(id, out);
    return new RecordsBySplits<>(records, finished);
  }

  private void waitMillis(long ms) {
    if (ms > 0) {
      waker.await(ms);
    }
  }

  @Override
  public void handleSplitsChanges(SplitsChange<CrawlSplit> splitsChanges) {
    if (splitsChanges instanceof SplitsAddition<CrawlSplit> add) {
      for (CrawlSplit s : add.splits()) {
        active.put(s.sourceId(), new Active(s));
      }
    }
  }

  @Override
  public void wakeUp() {
    waker.wake();
  }

  @Override
  public void close() {
    if (crawlers != null) {
      crawlers.close();
    }
  }
}
