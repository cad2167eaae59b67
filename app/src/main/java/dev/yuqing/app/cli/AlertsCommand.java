package dev.yuqing.app.cli;

import dev.yuqing.alerts.AlertRecord;
import dev.yuqing.alerts.AlertService;
import dev.yuqing.alerts.AlertStore;
import dev.yuqing.alerts.Delivery;
import dev.yuqing.core.Alert;
import dev.yuqing.core.AlertPost;
import dev.yuqing.core.AlertState;
import dev.yuqing.core.UserError;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code yuqing alerts list|show|ack|resolve}: the alerts under {@code DIR/alerts}. Works while the
 * service runs (it takes the store's lock for each change); a resolve queues the recovery notice,
 * which the running service (or the next one to start) sends.
 */
@Command(
    name = "alerts",
    mixinStandardHelpOptions = true,
    description = {"舆情预警：查看、确认、解除。", "List, show, acknowledge and resolve alerts."},
    subcommands = {
      AlertsCommand.ListAlerts.class,
      AlertsCommand.Show.class,
      AlertsCommand.Ack.class,
      AlertsCommand.Resolve.class
    })
public final class AlertsCommand implements Runnable {
  static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The store of a data directory; a user error when there is none. */
  static AlertStore store(Path data) {
    Path dir = data.resolve("alerts");
    if (!AlertStore.exists(dir)) {
      throw new UserError(
          dir + ": no alerts here (they appear once yuqing run or demo raised one)");
    }
    return new AlertStore(dir);
  }

  /** The alert whose id is {@code id} or starts with it (at least 4 characters). */
  static AlertRecord find(AlertStore store, String id) {
    if (!id.matches("[0-9a-fA-F]{4,64}")) {
      throw new UserError(id + ": not an alert id (hex, e.g. as shown by yuqing alerts list)");
    }
    List<AlertRecord> hits =
        store.all().stream()
            .filter(r -> r.id().startsWith(id.toLowerCase(java.util.Locale.ROOT)))
            .toList();
    if (hits.isEmpty()) {
      throw new UserError(id + ": no such alert in " + store.dir());
    }
    if (hits.size() > 1) {
      throw new UserError(id + ": matches " + hits.size() + " alerts; give more characters");
    }
    return hits.get(0);
  }

  static String time(Instant t) {
    return t == null ? "—" : TIME.format(t.atZone(ZONE));
  }

  static String who(String by) {
    if (by != null && !by.isBlank()) {
      return by.strip();
    }
    String user = System.getenv("USER");
    return user == null || user.isBlank() ? "值班人员" : user;
  }

  /** Mixin-like holder of the data option. */
  abstract static class WithData {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--data",
        defaultValue = "./data",
        description = "state directory (default: ${DEFAULT-VALUE})")
    Path data;

    PrintWriter out() {
      return spec.commandLine().getOut();
    }
  }

  /** {@code yuqing alerts list}. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = {"列出预警，最新的在前。", "Lists alerts, newest first."})
  static final class ListAlerts extends WithData implements Callable<Integer> {
    @Option(names = "--open", description = "only alerts not yet resolved")
    boolean open;

    @Override
    public Integer call() {
      AlertStore store = store(data);
      List<AlertRecord> all = store.all().stream().filter(r -> !open || r.open()).toList();
      PrintWriter out = out();
      if (all.isEmpty()) {
        out.println(open ? "没有未解除的预警。" : "没有预警。");
        return 0;
      }
      Map<String, int[]> sent = deliverySummary(store);
      out.printf(
          "%-16s  %-4s  %-6s  %-16s  %-8s  %s%n", "ID", "级别", "状态", "首次(北京时间)", "投递", "项目：内容");
      for (AlertRecord r : all) {
        Alert a = r.alert();
        int[] s = sent.getOrDefault(r.id(), new int[3]);
        out.printf(
            "%-16s  %-4s  %-6s  %-16s  %-8s  %s%n",
            a.id(),
            a.grade().level(),
            a.state().chinese(),
            time(a.firstAt()),
            s[0] + "/" + (s[0] + s[1] + s[2]) + (s[2] > 0 ? "!" : ""),
            Terminal.abbreviate(Terminal.safe(a.project() + "：" + a.headline()), 60));
      }
      out.printf("共 %d 条（投递：已发送/总数，! 表示有失败）%n", all.size());
      return 0;
    }
  }

  /** Per alert: sent, pending, failed deliveries. */
  static Map<String, int[]> deliverySummary(AlertStore store) {
    Map<String, int[]> m = new TreeMap<>();
    for (Delivery d : store.deliveries()) {
      int[] c = m.computeIfAbsent(d.alertId(), k -> new int[3]);
      switch (d.status()) {
        case SENT -> c[0]++;
        case PENDING -> c[1]++;
        case FAILED -> c[2]++;
        case SUPERSEDED -> {
          // folded into a later message: not counted
        }
      }
    }
    return m;
  }

  /** {@code yuqing alerts show ID}. */
  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = {"显示一条预警的全部内容、经过与投递情况。", "Shows one alert: content, history, deliveries."})
  static final class Show extends WithData implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "ID", description = "alert id or a unique prefix of it")
    String id;

    @Override
    public Integer call() {
      AlertStore store = store(data);
      AlertRecord r = find(store, id);
      Alert a = r.alert();
      PrintWriter out = out();
      out.println(Terminal.safe(a.subject()));
      out.println("编号：" + a.id() + "（第" + a.revision() + "版）");
      out.println(
          "状态："
              + a.state().chinese()
              + "    级别："
              + a.grade().level()
              + "（"
              + a.grade().word()
              + "）");
      out.println(
          "规则："
              + a.rule()
              + "（"
              + a.ruleType()
              + "）"
              + (a.topic() == null ? "" : "    话题：" + a.topic()));
      out.println("判定依据：" + Terminal.safe(a.reason()));
      out.println(
          "计数：本窗口 "
              + a.count()
              + " 条"
              + (Double.isNaN(a.baseline())
                  ? ""
                  : "，基线约 " + dev.yuqing.alerts.rules.Texts.num(a.baseline()) + " 条")
              + "，累计 "
              + a.total()
              + " 条");
      out.println("时间：" + time(a.firstAt()) + " 起，最近 " + time(a.updatedAt()));
      if (!a.topTopics().isEmpty()) {
        out.println("主要话题：" + String.join("、", a.topTopics()));
      }
      if (!a.topKeywords().isEmpty()) {
        out.println("关键词：" + Terminal.safe(String.join("、", a.topKeywords())));
      }
      if (r.ackedBy() != null) {
        out.println("确认：" + Terminal.safe(r.ackedBy()) + "，" + time(r.ackedAt()));
      }
      if (r.resolvedBy() != null) {
        out.println(
            "解除："
                + (r.resolvedBy().equals("rule") ? "规则判定恢复" : Terminal.safe(r.resolvedBy()))
                + "，"
                + time(r.resolvedAt()));
      }
      out.println();
      out.println("代表性帖子：");
      int i = 1;
      for (AlertPost p : a.posts()) {
        String label =
            p.title() != null && !p.title().isBlank()
                ? p.title() + " — " + p.excerpt()
                : p.excerpt();
        out.println("  " + i++ + ". " + Terminal.abbreviate(Terminal.safe(label), 80));
        out.println(
            "     "
                + Terminal.safe(p.author() == null ? "作者不详" : p.author())
                + " · "
                + time(p.publishedAt()));
        out.println(
            "     "
                + (p.url() == null ? "（无链接）" : Terminal.safe(p.url()))
                + (p.evidenceId() == null ? "" : "  证据 " + Terminal.safe(p.evidenceId())));
      }
      out.println();
      out.println("经过：");
      for (AlertRecord.Event e : r.history()) {
        out.println("  " + time(e.at()) + "  " + Terminal.safe(e.text()));
      }
      out.println();
      out.println("投递：");
      for (Delivery d : store.deliveries(a.id())) {
        out.printf(
            "  %-12s %-8s %-10s 尝试%d次%s%n",
            d.channel(),
            d.notice().kind().chinese(),
            d.status().json(),
            d.attempts(),
            d.lastError() == null || d.status() == Delivery.Status.SENT
                ? ""
                : "  " + Terminal.safe(d.lastError()));
      }
      return 0;
    }
  }

  /** {@code yuqing alerts ack ID}. */
  @Command(
      name = "ack",
      mixinStandardHelpOptions = true,
      description = {"确认收到预警：不再升级。", "Acknowledges an alert: it will not escalate."})
  static final class Ack extends WithData implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "ID", description = "alert id or a unique prefix of it")
    String id;

    @Option(names = "--by", description = "who acknowledges (default: $USER)")
    String by;

    @Override
    public Integer call() {
      AlertStore store = store(data);
      AlertRecord r = find(store, id);
      if (!r.open()) {
        throw new UserError(r.id() + ": already resolved; nothing to acknowledge");
      }
      if (r.state() == AlertState.ACKNOWLEDGED) {
        out()
            .println(
                r.id() + " 已由 " + Terminal.safe(r.ackedBy()) + " 确认（" + time(r.ackedAt()) + "）");
        return 0;
      }
      AlertRecord acked =
          AlertService.acknowledge(store, r.id(), who(by), Clock.systemUTC().instant())
              .orElseThrow();
      out()
          .println(
              acked.id() + " 已确认：" + Terminal.safe(acked.ackedBy()) + "，" + time(acked.ackedAt()));
      return 0;
    }
  }

  /** {@code yuqing alerts resolve ID}. */
  @Command(
      name = "resolve",
      mixinStandardHelpOptions = true,
      description = {
        "解除预警：向收到过它的人发送解除通知（由运行中的服务发送）。",
        "Resolves an alert; the recovery notice goes to whoever got the alert."
      })
  static final class Resolve extends WithData implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "ID", description = "alert id or a unique prefix of it")
    String id;

    @Option(names = "--by", description = "who resolves (default: $USER)")
    String by;

    @Override
    public Integer call() {
      AlertStore store = store(data);
      AlertRecord r = find(store, id);
      if (!r.open()) {
        out().println(r.id() + " 已解除（" + time(r.resolvedAt()) + "）");
        return 0;
      }
      AlertRecord closed =
          AlertService.resolve(store, r.id(), who(by), Clock.systemUTC().instant()).orElseThrow();
      long queued =
          store.deliveries(closed.id()).stream()
              .filter(d -> d.status() == Delivery.Status.PENDING)
              .count();
      out()
          .println(
              closed.id()
                  + " 已解除："
                  + Terminal.safe(closed.resolvedBy())
                  + "，解除通知 "
                  + queued
                  + " 条待发送");
      return 0;
    }
  }
}
