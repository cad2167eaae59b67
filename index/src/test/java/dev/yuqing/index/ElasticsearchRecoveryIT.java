package dev.yuqing.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yuqing.analysis.SearchTextAnalysis;
import dev.yuqing.core.Post;
import dev.yuqing.core.Sentiment;
import dev.yuqing.core.SentimentLabel;
import dev.yuqing.core.SharedData;
import dev.yuqing.core.TaggedPost;
import dev.yuqing.core.config.ElasticsearchConfig;
import dev.yuqing.core.config.Secrets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cluster dies in the middle of a bulk load: the client keeps the posts, retries with backoff
 * while the node is down, and once a node is back on the same data and port every post is there,
 * none parked, none twice.
 */
class ElasticsearchRecoveryIT {
  static final int POSTS = 3000;

  @TempDir Path tmp;

  @Test
  void nothingIsLostWhenTheNodeIsKilledDuringABulkLoad() throws Exception {
    Assumptions.assumeTrue(
        HousingMessages.file().isPresent(), SharedData.missingReason(HousingMessages.FILE));
    List<Post> messages = HousingMessages.read(HousingMessages.file().get());
    List<TaggedPost> posts = new ArrayList<>();
    Instant start = Instant.parse("2019-05-01T00:00:00Z");
    for (int i = 0; i < POSTS; i++) {
      Post m = messages.get(i % messages.size());
      Post p =
          m.toBuilder()
              .id(m.id() + "-" + i)
              .publishedAt(start.plusSeconds(i * 900L))
              .fetchedAt(start.plusSeconds(i * 900L))
              .build();
      posts.add(
          new TaggedPost(p, new Sentiment(SentimentLabel.NEUTRAL, 0.5), null, null, null, null));
    }

    try (EsNode node = EsNode.started(tmp.resolve("es"))) {
      ElasticsearchConfig config =
          new ElasticsearchConfig(
              List.of(node.url()),
              null,
              null,
              null,
              null,
              "yuqing-crash",
              100,
              Duration.ofMillis(200),
              Duration.ofMinutes(3));
      ElasticsearchPostIndex index =
          ElasticsearchPostIndex.open(
              config, tmp.resolve("data"), Secrets.of(Map.of()), false, SearchTextAnalysis.get());
      try {
        AtomicInteger sent = new AtomicInteger();
        CompletableFuture<Void> load =
            CompletableFuture.runAsync(
                () -> {
                  for (int i = 0; i < POSTS; i += 50) {
                    index.upsert(posts.subList(i, Math.min(POSTS, i + 50)));
                    sent.addAndGet(50);
                    try {
                      Thread.sleep(5);
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                      return;
                    }
                  }
                });
        // let part of the load through, then crash the node
        while (sent.get() < POSTS / 4) {
          Thread.sleep(10);
        }
        long before = index.count();
        node.kill();
        int atKill = sent.get();
        Thread.sleep(4000);
        assertThat(atKill).as("the load was still running when the node died").isLessThan(POSTS);
        node.start();
        load.get(5, TimeUnit.MINUTES);
        index.commit();

        assertThat(index.parked()).isZero();
        assertThat(index.count()).isEqualTo(POSTS);
        Set<String> seen = new HashSet<>();
        SearchRequest page = SearchRequest.builder().size(1000).build();
        for (SearchResult r = index.search(page); ; ) {
          seen.addAll(r.ids());
          if (r.nextCursor() == null) {
            break;
          }
          r = index.search(page.toBuilder().after(r.nextCursor()).build());
        }
        assertThat(seen).hasSize(POSTS);
        System.out.printf(
            "recovery: %d visible before the kill, %d handed over by then, all %d after restart%n",
            before, atKill, POSTS);
      } finally {
        index.close();
      }
    }
  }
}
