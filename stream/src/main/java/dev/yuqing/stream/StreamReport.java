package dev.yuqing.stream;

import dev.yuqing.alerts.IncidentStore;
import dev.yuqing.alerts.incident.Incident;
import dev.yuqing.alerts.store.Database;
import dev.yuqing.alerts.store.JdbcIncidentStore;
import dev.yuqing.core.Grade;
import dev.yuqing.core.config.DatabaseConfig;
import dev.yuqing.core.config.Secrets;
import dev.yuqing.stream.metrics.LatencyHistogram;
import dev.yuqing.stream.metrics.ProgressReporter;
import dev.yuqing.stream.metrics.StageMetrics;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Prints a stream job's progress lines and its closing figures. */
public final class StreamReport {
  private StreamReport() {}

  /**
   * One progress line: what each stage has done so far. 入库 counts distinct posts (what the index
   * holds); a post written again (an edit, a repost re-linked to an original that came later) is
   * shown apart.
   */
  public static String line(ProgressReporter.Snapshot s) {
    return String.format(
        Locale.ROOT,
        "读入 %d · 去重 %d · 转载 %d · 打标 %d · 入库 %d%s · 预警 %d",
        s.count(StageMetrics.SOURCED),
        s.count(StageMetrics.DUPLICATES),
        s.count(StageMetrics.REPOSTS),
        s.count(StageMetrics.TAGGED),
        s.count(StageMetrics.INDEXED),
        rewritten(s),
        s.count(StageMetrics.ALERTS));
  }

  /** "（另更新 n 条）" when posts already in the index were written again, else "". */
  public static String rewritten(ProgressReporter.Snapshot s) {
    long n = s.count(StageMetrics.REWRITTEN);
    return n == 0 ? "" : String.format(Locale.ROOT, "（另更新 %d 条）", n);
  }

  /** The closing figures: per-stage throughput, latency percentiles, back-pressure. */
  public static void summary(PrintWriter out, EmbeddedJob.Outcome o) {
    ProgressReporter.Snapshot s = o.metrics();
    double secs = Math.max(0.001, o.millis() / 1000.0);
    out.printf(Locale.ROOT, "用时 %.1f s%n", secs);
    out.println("各阶段 (posts, posts/s):");
    stage(out, "source", s.count(StageMetrics.SOURCED), secs);
    stage(out, "normalise", s.count(StageMetrics.INGESTED), secs);
    stage(out, "dedup (dropped)", s.count(StageMetrics.DUPLICATES), secs);
    stage(out, "reposts linked", s.count(StageMetrics.REPOSTS), secs);
    stage(out, "tag", s.count(StageMetrics.TAGGED), secs);
    stage(out, "index (new posts)", s.count(StageMetrics.INDEXED), secs);
    if (s.count(StageMetrics.REWRITTEN) > 0) {
      stage(out, "index (rewritten)", s.count(StageMetrics.REWRITTEN), secs);
    }
    stage(out, "alert decisions", s.count(StageMetrics.DECISIONS), secs);
    out.printf(
        Locale.ROOT,
        "  %-20s %8d%n  %-20s %8d%n",
        "alerts raised",
        s.count(StageMetrics.ALERTS),
        "alerts handed over",
        s.count(StageMetrics.ALERTS_DELIVERED));
    if (s.count(StageMetrics.BAD_INPUT) > 0) {
      out.printf("  %-20s %8d (one log line each)%n", "bad input", s.count(StageMetrics.BAD_INPUT));
    }
    out.println("延迟 (ms):");
    latency(out, "ingest → index write", s.histogram(StageMetrics.LATENCY_INDEXED));
    latency(out, "ingest → alert decision", s.histogram(StageMetrics.LATENCY_DECISION));
    latency(out, "ingest → alert raised", s.histogram(StageMetrics.LATENCY_ALERT));
    latency(out, "ingest → window judged", s.histogram(StageMetrics.LATENCY_WINDOW));
    out.printf(
        Locale.ROOT,
        "反压 back-pressure: mean %.0f%%, max %.0f%% (%s)%n",
        o.backPressure().meanShare() * 100,
        o.backPressure().maxShare() * 100,
        o.backPressure().worstTask().isEmpty() ? "-" : o.backPressure().worstTask());
    out.println("各任务繁忙 busy (mean share of time):");
    o.backPressure()
        .busy()
        .forEach((task, share) -> out.printf(Locale.ROOT, "  %-60s %3.0f%%%n", task, share * 100));
    out.flush();
  }

  private static void stage(PrintWriter out, String name, long n, double secs) {
    out.printf(Locale.ROOT, "  %-20s %8d %10.1f/s%n", name, n, n / secs);
  }

  public static void latency(PrintWriter out, String name, LatencyHistogram h) {
    out.printf(
        Locale.ROOT,
        "  %-24s n=%-7d p50=%-6d p95=%-6d p99=%-6d max=%d%n",
        name,
        h.getCount(),
        h.quantile(0.50),
        h.quantile(0.95),
        h.quantile(0.99),
        h.max());
  }

  /**
   * What the alerts became, from the incident store (the configured database, or the embedded one
   * under {@code DATA}): alerts raised per rule, and incidents (one event at one project) per rule
   * — an incident counts under each rule among its members — and per grade.
   */
  public static void incidents(PrintWriter out, DatabaseConfig database, Path data) {
    if (database == null && !Database.embeddedExists(data)) {
      out.println("预警：无");
      return;
    }
    List<Incident> all;
    try (Database db = Database.open(database, data, Secrets.fromEnvironment())) {
      all = new JdbcIncidentStore(db).inTransaction(IncidentStore.Tx::all);
    }
    Map<String, Integer> alerts = new TreeMap<>();
    Map<String, Integer> byRule = new TreeMap<>();
    Map<Grade, Integer> byGrade = new TreeMap<>();
    for (Incident i : all) {
      java.util.Set<String> rules = new java.util.TreeSet<>();
      for (Incident.Member m : i.members()) {
        alerts.merge(m.alert().rule(), 1, Integer::sum);
        rules.add(m.alert().rule());
      }
      rules.forEach(r -> byRule.merge(r, 1, Integer::sum));
      byGrade.merge(i.grade(), 1, Integer::sum);
    }
    int raised = alerts.values().stream().mapToInt(Integer::intValue).sum();
    out.printf(Locale.ROOT, "预警 alerts raised: %d%s%n", raised, counts(alerts));
    out.printf(Locale.ROOT, "事件 incidents: %d%n", all.size());
    out.printf(Locale.ROOT, "  by rule (an incident under each of its rules):%s%n", counts(byRule));
    Map<String, Integer> grades = new java.util.LinkedHashMap<>();
    for (Grade g : List.of(Grade.CRITICAL, Grade.ALERT, Grade.NOTICE)) {
      grades.put(g.level() + "/" + g.json(), byGrade.getOrDefault(g, 0));
    }
    out.printf(Locale.ROOT, "  by grade:%s%n", counts(grades));
    out.flush();
  }

  private static String counts(Map<String, Integer> m) {
    StringBuilder sb = new StringBuilder();
    m.forEach((k, v) -> sb.append("  ").append(k).append(' ').append(v));
    return sb.toString();
  }
}
