package dev.yuqing.stream;

import dev.yuqing.core.Post;
import dev.yuqing.core.config.ProjectConfig;
import dev.yuqing.crawler.Scoper;
import dev.yuqing.stream.metrics.StageMetrics;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.metrics.Counter;

/**
 * First step after the source: stamps the ingest time every latency is measured from, trims the
 * text, fills a missing fetch time and puts the post in scope of the watched projects it names (a
 * source limited to one project has already done so; a replay has not).
 */
public final class Normaliser extends RichMapFunction<Post, Ingested> {
  private static final long serialVersionUID = 1L;

  private final Scope scope;
  private transient Counter ingested;

  public Normaliser(Scope scope) {
    this.scope = scope;
  }

  /**
   * Which projects a post belongs to: the projects whose names it mentions, compared as the crawler
   * compares them ({@link Scoper#matchForm}).
   *
   * @param projects project names
   * @param needles per project: its name, every alias, developer and property company name, in
   *     {@link Scoper#matchForm}
   * @param fallback project of posts that name none (replay without config), or null
   */
  public record Scope(List<String> projects, List<List<String>> needles, String fallback)
      implements Serializable {
    private static final long serialVersionUID = 2L;

    public Scope {
      projects = List.copyOf(projects);
      needles = needles.stream().map(List::copyOf).toList();
      if (projects.size() != needles.size()) {
        throw new IllegalArgumentException("needles: one list per project");
      }
    }

    public static Scope of(List<ProjectConfig> projects, String fallback) {
      return new Scope(
          projects.stream().map(ProjectConfig::name).toList(),
          projects.stream()
              .map(
                  p ->
                      p.allNames().stream()
                          .map(Scoper::matchForm)
                          .filter(n -> !n.isEmpty())
                          .toList())
              .toList(),
          fallback);
    }

    /** Every post belongs to this one project. */
    public static Scope everything(String project) {
      return new Scope(List.of(), List.of(), project);
    }

    List<String> match(String fullText) {
      List<String> out = new ArrayList<>();
      if (!projects.isEmpty()) {
        String text = Scoper.matchForm(fullText);
        for (int i = 0; i < projects.size(); i++) {
          for (String needle : needles.get(i)) {
            if (text.contains(needle)) {
              out.add(projects.get(i));
              break;
            }
          }
        }
      }
      if (out.isEmpty() && fallback != null) {
        out.add(fallback);
      }
      return out;
    }
  }

  @Override
  public void open(OpenContext ctx) {
    ingested = getRuntimeContext().getMetricGroup().counter(StageMetrics.INGESTED);
  }

  @Override
  public Ingested map(Post p) {
    long now = System.currentTimeMillis();
    Post.Builder b = p.toBuilder();
    boolean changed = false;
    String text = p.text().strip();
    if (!text.equals(p.text())) {
      // strip() keeps the content hash: Ids.contentHash already ignores outer whitespace
      b.text(text).contentHash(p.contentHash());
      changed = true;
    }
    if (p.fetchedAt() == null) {
      b.fetchedAt(Instant.ofEpochMilli(now));
      changed = true;
    }
    if (p.projects().isEmpty()) {
      List<String> projects = scope.match(p.fullText());
      if (!projects.isEmpty()) {
        b.projects(projects);
        changed = true;
      }
    }
    ingested.inc();
    return new Ingested(changed ? b.build() : p, now, true);
  }
}
