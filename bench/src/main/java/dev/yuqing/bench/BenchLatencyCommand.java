package dev.yuqing.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.yuqing.alerts.IncidentStore;
import dev.yuqing.alerts.incident.Incident;
import dev.yuqing.alerts.store.Database;
import dev.yuqing.alerts.store.JdbcIncidentStore;
import dev.yuqing.core.UserError;
import dev.yuqing.core.config.ConfigLoader;
import dev.yuqing.core.config.YuqingConfig;
import dev.yuqing.stream.EmbeddedJob;
import dev.yuqing.stream.Pipelines;
import dev.yuqing.stream.metrics.StageMetrics;
import jakarta.mail.internet.MimeMessage;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code yuqing bench latency}: how long a post takes to become a decision and a mail. A forum on
 * loopback, the run job crawling it (bounded by a stop time), an SMTP server in this JVM; calls to
 * gather and bursts of complaints are published at random moments, each about a project of its own
 * so that each is an incident of its own. Measures published → decided (the incident opened in the
 * alert service) and published → in the inbox (its first mail arrived), per event.
 */
@Command(
    name = "latency",
    mixinStandardHelpOptions = true,
    description = {
      "从帖子发布到作出预警判定、再到邮件进入收件箱的延迟。",
      "A forum on localhost, the run job crawling it and an SMTP server in this JVM; calls to"
          + " gather and bursts of complaints are published at random moments. Prints"
          + " published → decided and published → inbox (p50, p95, max); last line"
          + " p95_inbox_s=… revisit_s=…",
    })
public final class BenchLatencyCommand implements Callable<Integer> {
  /** Invented estates, one per event. */
  static final List<String> PROJECTS =
      List.of(
          "玉兰苑", "丹桂园", "海棠湾", "紫荆城", "银杏里", "枫林府", "梧桐郡", "香樟苑", "翠竹轩", "松涛园", "芙蓉里", "木棉湾", "栀子苑",
          "柳岸府", "杏林园", "桃源里", "兰亭郡", "荷塘苑", "梅岭府", "菊香园", "樱花里", "茉莉湾", "丁香郡", "凤凰城", "锦鲤湾", "云杉府",
          "白鹭洲", "青石巷", "月桂园", "星河湾");

  /** Our own texts: a call naming a time and a place (critical), complaints about a leak. */
  static final String CALL = "%s的业主们，周六上午九点售楼部门口集合，大家一起去找开发商讨说法！能来的回复报名。";

  static final List<String> COMPLAINTS =
      List.of(
          "%s7栋卫生间天花板一直漏水，找物业三天了没人来修，太气人了！",
          "%s我家也漏水，客厅吊顶都泡坏了，刚交房就这样，太失望了。",
          "%s楼上漏水到我家，开发商说是防水没做好，到现在也不管，气死了。",
          "%s又一户漏水，整栋楼的防水都有问题吧，物业电话一直打不通。",
          "%s厨房顶上在滴水，墙皮都掉了，这质量真让人寒心。");

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--events",
      defaultValue = "24",
      description = "events to publish, half calls, half bursts (default: ${DEFAULT-VALUE})")
  int events;

  @Option(
      names = "--span",
      defaultValue = "6",
      description = "minutes over which the events fall at random (default: ${DEFAULT-VALUE})")
  int spanMinutes;

  @Option(
      names = "--revisit",
      defaultValue = "15",
      description = "seconds between two visits of the forum (default: ${DEFAULT-VALUE})")
  int revisitSeconds;

  @Option(names = "--seed", defaultValue = "19", description = "random seed of the moments")
  long seed;

  /** One event: what was published for a project, and when its deciding post went up. */
  private record Event(int index, String project, boolean call, List<Instant> at) {}

  @Override
  public Integer call() throws Exception {
    if (events < 1 || events > PROJECTS.size()) {
      throw new UserError("--events " + events + ": must be 1.." + PROJECTS.size());
    }
    if (spanMinutes < 1 || revisitSeconds < 1) {
      throw new UserError("--span and --revisit must be at least 1");
    }
    PrintWriter out = spec.commandLine().getOut();
    Path data = Files.createTempDirectory("yuqing-bench-latency-");
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    Map<String, Instant> inbox = new ConcurrentHashMap<>();
    Thread watcher = new Thread(() -> watch(smtp, inbox), "bench-latency-inbox");
    watcher.setDaemon(true);
    try (BenchLatencyForum forum = BenchLatencyForum.start()) {
      forum.publish(1, "论坛公告", "版主", "欢迎来到业主论坛，请文明发言。"); // names no project: not kept
      YuqingConfig cfg = new ConfigLoader().parse("bench-latency.yaml", config(forum, port));
      Instant t0 = Instant.now().plusSeconds(45); // the cluster, the tagger's dictionaries, a crawl
      Duration span = Duration.ofMinutes(spanMinutes);
      Instant stopAt = t0.plus(span).plusSeconds(revisitSeconds + 30L);
      List<Event> plan = plan(t0, span);
      out.printf(
          Locale.ROOT,
          "bench latency: %d events (%d calls to gather, %d bursts of %d complaints) on %d projects"
              + " over %d min, forum revisit %ds, alerts.grouping.wait 0s%n",
          plan.size(),
          plan.stream().filter(Event::call).count(),
          plan.stream().filter(e -> !e.call()).count(),
          COMPLAINTS.size(),
          plan.size(),
          spanMinutes,
          revisitSeconds);
      out.flush();
      Map<Integer, Instant> published = new ConcurrentHashMap<>();
      Thread publisher = new Thread(() -> publish(forum, plan, published), "bench-latency-posts");
      publisher.setDaemon(true);
      watcher.start();
      publisher.start();
      EmbeddedJob.run(
          Pipelines.crawlUntil(cfg, stopAt, Clock.systemUTC(), Pipelines.Options.embedded(data)),
          cfg.stream(),
          data,
          "bench-latency",
          false,
          Duration.ofSeconds(15),
          s -> {
            out.printf(
                "  crawled %d · tagged %d · alerts %d · mails %d%n",
                s.count(StageMetrics.SOURCED),
                s.count(StageMetrics.TAGGED),
                s.count(StageMetrics.ALERTS),
                inbox.size());
            out.flush();
          });
      publisher.join(Duration.ofSeconds(5).toMillis());
      Thread.sleep(500); // the last mails on their way
      report(out, plan, published, opened(data), inbox);
      return 0;
    } finally {
      watcher.interrupt();
      smtp.stop();
      BenchStreamCommand.delete(data);
    }
  }

  private String config(BenchLatencyForum forum, int smtpPort) {
    StringBuilder projects = new StringBuilder();
    for (String p : PROJECTS.subList(0, events)) {
      projects.append("  - name: ").append(p).append('\n');
    }
    return "projects:\n"
        + projects
        + "sources:\n"
        + "  - {kind: forum, id: bench-forum, url: \""
        + forum.boardUrl()
        + "\", revisit: "
        + revisitSeconds
        + "s, maxPages: 1, allowPrivateNetwork: true}\n"
        + "crawler: {perHostDelay: 0s}\n"
        // a post is found within one revisit of being published: on time with some slack
        + "stream: {parallelism: 1, checkpointInterval: 10s, maxOutOfOrderness: "
        + (2 * revisitSeconds)
        + "s}\n"
        + "alerts:\n"
        + "  grouping: {wait: 0s}\n"
        + "  recipients: {notice: [pr@bench.example.com], alert: [cmd@bench.example.com],"
        + " critical: [head@bench.example.com]}\n"
        + "  rules:\n"
        + "    - {type: spike, name: negative-spike}\n"
        + "    - {type: keyword, name: critical-words}\n"
        + "    - {type: mobilization, name: mobilization}\n"
        + "    - {type: collective-act, name: collective-act}\n"
        + "    - {type: media, name: media, minAuthors: 2}\n"
        + "    - {type: new-topic, name: new-topic}\n"
        // the spike rule learns a day of baseline before it speaks: a fixed count stands in
        + "    - {type: threshold, name: burst, window: 30m, count: "
        + COMPLAINTS.size()
        + ", grade: alert}\n"
        + "smtp: {host: 127.0.0.1, port: "
        + smtpPort
        + ", security: none, from: yuqing@bench.example.com}\n";
  }

  /** The events at random moments in {@code [t0, t0 + span)}: calls and bursts taking turns. */
  private List<Event> plan(Instant t0, Duration span) {
    Random r = new Random(seed);
    List<Event> plan = new ArrayList<>();
    for (int i = 0; i < events; i++) {
      Instant start = t0.plusMillis((long) (r.nextDouble() * span.toMillis()));
      boolean call = i % 2 == 0;
      List<Instant> at = new ArrayList<>();
      int posts = call ? 1 : COMPLAINTS.size();
      for (int k = 0; k < posts; k++) {
        at.add(start.plusSeconds(8L * k)); // a burst: one complaint every eight seconds
      }
      plan.add(new Event(i, PROJECTS.get(i), call, at));
    }
    return plan;
  }

  /** Publishes every post at its moment; records when each event's deciding (last) post went up. */
  private static void publish(
      BenchLatencyForum forum, List<Event> plan, Map<Integer, Instant> published) {
    record Item(Instant at, Event event, int k) {}
    List<Item> items = new ArrayList<>();
    for (Event e : plan) {
      for (int k = 0; k < e.at().size(); k++) {
        items.add(new Item(e.at().get(k), e, k));
      }
    }
    items.sort(java.util.Comparator.comparing(Item::at));
    try {
      for (Item it : items) {
        long wait = Duration.between(Instant.now(), it.at()).toMillis();
        if (wait > 0) {
          Thread.sleep(wait);
        }
        Event e = it.event();
        String text =
            e.call()
                ? String.format(CALL, e.project())
                : String.format(COMPLAINTS.get(it.k()), e.project());
        String title = e.project() + (e.call() ? "：大家一起去讨说法" : "：新房漏水没人管");
        Instant at = forum.publish(100 + e.index(), title, "业主" + e.index() + "-" + it.k(), text);
        if (it.k() == e.at().size() - 1) {
          published.put(e.index(), at);
        }
      }
    } catch (InterruptedException ie) {
      Thread.currentThread().interrupt();
    }
  }

  /** Notes when the first mail about each project arrived. */
  private static void watch(GreenMail smtp, Map<String, Instant> inbox) {
    int seen = 0;
    while (!Thread.currentThread().isInterrupted()) {
      MimeMessage[] got = smtp.getReceivedMessages();
      Instant now = Instant.now();
      for (; seen < got.length; seen++) {
        try {
          String s = got[seen].getSubject();
          int from = s.indexOf('】');
          int to = s.indexOf('：', from);
          if (from > 0 && to > from) {
            inbox.putIfAbsent(s.substring(from + 1, to), now);
          }
        } catch (jakarta.mail.MessagingException e) {
          // not ours to judge: a mail without a subject counts for nothing
        }
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** When the service opened each project's first incident. */
  private static Map<String, Instant> opened(Path data) {
    Map<String, Instant> out = new HashMap<>();
    if (!Database.embeddedExists(data)) {
      return out;
    }
    List<Incident> all;
    try (Database db = Database.embedded(data)) {
      all = new JdbcIncidentStore(db).inTransaction(IncidentStore.Tx::all);
    }
    for (Incident i : all) {
      out.merge(i.project(), i.openedAt(), (a, b) -> a.isBefore(b) ? a : b);
    }
    return out;
  }

  private void report(
      PrintWriter out,
      List<Event> plan,
      Map<Integer, Instant> published,
      Map<String, Instant> opened,
      Map<String, Instant> inbox) {
    List<Double> decided = new ArrayList<>();
    List<Double> mailed = new ArrayList<>();
    for (Event e : plan) {
      Instant p = published.get(e.index());
      Instant d = opened.get(e.project());
      Instant m = inbox.get(e.project());
      out.printf(
          Locale.ROOT,
          "  %-2d %-4s %s  decided %s  inbox %s%n",
          e.index(),
          e.call() ? "call" : "burst",
          e.project(),
          seconds(p, d),
          seconds(p, m));
      if (p != null && d != null) {
        decided.add(Duration.between(p, d).toMillis() / 1000.0);
      }
      if (p != null && m != null) {
        mailed.add(Duration.between(p, m).toMillis() / 1000.0);
      }
    }
    out.printf(
        Locale.ROOT,
        "incidents %d of %d events; first mails %d%n",
        decided.size(),
        plan.size(),
        mailed.size());
    line(out, "published → decided (s)", decided);
    line(out, "published → inbox (s)", mailed);
    double p95 = quantile(mailed, 0.95);
    double target = revisitSeconds + 10;
    out.printf(
        Locale.ROOT,
        "target p95 inbox ≤ revisit + 10 s = %.0f s: %s%s%n",
        target,
        p95 <= target ? "met" : "NOT met",
        mailed.size() < 20 ? " (fewer than 20 incidents measured)" : "");
    out.printf(Locale.ROOT, "p95_inbox_s=%.1f revisit_s=%d%n", p95, revisitSeconds);
    out.flush();
  }

  private static String seconds(Instant from, Instant to) {
    return from == null || to == null
        ? "   —  "
        : String.format(Locale.ROOT, "%6.1f", Duration.between(from, to).toMillis() / 1000.0);
  }

  private static void line(PrintWriter out, String name, List<Double> xs) {
    out.printf(
        Locale.ROOT,
        "  %-26s n=%-3d p50=%.1f p95=%.1f max=%.1f%n",
        name,
        xs.size(),
        quantile(xs, 0.5),
        quantile(xs, 0.95),
        quantile(xs, 1.0));
  }

  /** Nearest rank; NaN when empty. */
  static double quantile(List<Double> xs, double q) {
    if (xs.isEmpty()) {
      return Double.NaN;
    }
    List<Double> s = new ArrayList<>(xs);
    s.sort(null);
    int rank = (int) Math.ceil(q * s.size());
    return s.get(Math.max(0, Math.min(s.size() - 1, rank - 1)));
  }
}
