package dev.yuqing.app.cli;

import dev.yuqing.alerts.AlertService;
import dev.yuqing.alerts.AlertStore;
import dev.yuqing.alerts.Delivery;
import dev.yuqing.alerts.IncidentStore;
import dev.yuqing.alerts.incident.Incident;
import dev.yuqing.alerts.rules.Texts;
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
 * {@code yuqing alerts list|show|ack|resolve}: the incidents under {@code DIR/alerts} (each the
 * alerts of one event at one project). Works while the service runs (each command is one
 * transaction of the store); a resolve queues the recovery notice, which the running service (or
 * the next one to start) sends.
 */
@Command(
    name = "alerts",
    mixinStandardHelpOptions = true,
    description = {
      "舆情预警：查看、确认、解除事件（同一项目同一事件的各条预警合为一个事件）。",
      "List, show, acknowledge and resolve incidents."
    },
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

  /** Every incident, newest first. */
  static List<Incident> all(IncidentStore store) {
    return store.inTransaction(IncidentStore.Tx::all);
  }

  /** The incident whose id is {@code id} or starts with it (at least 4 characters). */
  static Incident find(AlertStore store, String id) {
    if (!id.matches("[0-9a-fA-F]{4,64}")) {
      throw new UserError(id + ": not an alert id (hex, e.g. as shown by yuqing alerts list)");
    }
    String prefix = id.toLowerCase(java.util.Locale.ROOT);
    List<Incident> hits = all(store).stream().filter(i -> i.id().startsWith(prefix)).toList();
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
      description = {"列出预警事件，最新的在前。", "Lists incidents, newest first."})
  static final class ListAlerts extends WithData implements Callable<Integer> {
    @Option(names = "--open", description = "only incidents not yet resolved")
    boolean open;

    @Override
    public Integer call() {
      AlertStore store = store(data);
      List<Incident> all = all(store).stream().filter(i -> !open || i.open()).toList();
      PrintWriter out = out();
      if (all.isEmpty()) {
        out.println(open ? "没有未解除的预警。" : "没有预警。");
        return 0;
      }
      Map<String, int[]> sent = deliverySummary(store.inTransaction(IncidentStore.Tx::deliveries));
      out.printf(
          "%-16s  %-4s  %-6s  %-16s  %-4s  %-8s  %s%n",
          "ID", "级别", "状态", "首次(北京时间)", "信号", "投递", "项目：内容");
      for (Incident i : all) {
        Alert a = i.summary();
        int[] s = sent.getOrDefault(i.id(), new int[3]);
        out.printf(
            "%-16s  %-4s  %-6s  %-16s  %-4d  %-8s  %s%n",
            i.id(),
            i.grade().level(),
            i.state().chinese(),
            time(a.firstAt()),
            i.members().size(),
            s[0] + "/" + (s[0] + s[1] + s[2]) + (s[2] > 0 ? "!" : ""),
            Terminal.abbreviate(Terminal.safe(a.project() + "：" + a.headline()), 60));
      }
      out.printf("共 %d 个事件（信号：合入的预警数；投递：已发送/总数，! 表示有失败）%n", all.size());
      return 0;
    }
  }

  /** Per incident: sent, pending, failed deliveries. */
  static Map<String, int[]> deliverySummary(List<Delivery> deliveries) {
    Map<String, int[]> m = new TreeMap<>();
    for (Delivery d : deliveries) {
      int[] c = m.computeIfAbsent(d.incidentId(), k -> new int[3]);
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
      description = {
        "显示一个预警事件的全部内容、构成、经过与投递情况。",
        "Shows one incident: its alerts, history, deliveries."
      })
  static final class Show extends WithData implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "ID", description = "alert id or a unique prefix of it")
    String id;

    @Override
    public Integer call() {
      AlertStore store = store(data);
      Incident i = find(store, id);
      Alert a = i.summary();
      PrintWriter out = out();
      out.println(
          Terminal.safe("【舆情预警·" + i.grade().level() + "】" + i.project() + "：" + a.headline()));
      out.println("编号：" + i.id() + "（已发 " + i.messages().count() + " 封）");
      out.println(
          "状态："
              + i.state().chinese()
              + "    级别："
              + i.grade().level()
              + "（"
              + i.grade().word()
              + "）");
      out.println("时间：" + time(a.firstAt()) + " 起，最近 " + time(a.updatedAt()));
      out.println("构成：");
      for (Incident.Member m : i.members()) {
        Alert ma = m.alert();
        out.println(
            "  "
                + Texts.ruleKind(ma.ruleType())
                + "（"
                + ma.rule()
                + "，"
                + ma.grade().level()
                + (m.resolved() ? "，已平息" : "")
                + "）："
                + Terminal.safe(ma.reason())
                + "；累计 "
                + ma.total()
                + " 条");
      }
      if (!a.topTopics().isEmpty()) {
        out.println("主要话题：" + String.join("、", a.topTopics()));
      }
      if (!a.topKeywords().isEmpty()) {
        out.println("关键词：" + Terminal.safe(String.join("、", a.topKeywords())));
      }
      Incident.Handling h = i.handling();
      if (h.ackedBy() != null) {
        out.println("确认：" + Terminal.safe(h.ackedBy()) + "，" + time(h.ackedAt()));
      }
      if (h.resolvedBy() != null) {
        out.println(
            "解除："
                + (h.resolvedBy().equals("rule") ? "各项信号均已平息" : Terminal.safe(h.resolvedBy()))
                + "，"
                + time(h.resolvedAt()));
      }
      out.println();
      out.println("代表性帖子：");
      int n = 1;
      for (AlertPost p : a.posts()) {
        String label =
            p.title() != null && !p.title().isBlank()
                ? p.title() + " — " + p.excerpt()
                : p.excerpt();
        out.println("  " + n++ + ". " + Terminal.abbreviate(Terminal.safe(label), 80));
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
      for (Incident.Event e : i.history()) {
        out.println("  " + time(e.at()) + "  " + Terminal.safe(e.text()));
      }
      out.println();
      out.println("投递：");
      List<Delivery> ds = store.inTransaction(tx -> tx.deliveries(i.id()));
      for (Delivery d : ds) {
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
      description = {"确认收到预警：不再升级。", "Acknowledges an incident: it will not escalate."})
  static final class Ack extends WithData implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "ID", description = "alert id or a unique prefix of it")
    String id;

    @Option(names = "--by", description = "who acknowledges (default: $USER)")
    String by;

    @Override
    public Integer call() {
      AlertStore store = store(data);
      Incident i = find(store, id);
      if (!i.open()) {
        throw new UserError(i.id() + ": already resolved; nothing to acknowledge");
      }
      Incident.Handling h = i.handling();
      if (i.state() == AlertState.ACKNOWLEDGED) {
        out()
            .println(
                i.id() + " 已由 " + Terminal.safe(h.ackedBy()) + " 确认（" + time(h.ackedAt()) + "）");
        return 0;
      }
      Incident acked =
          AlertService.acknowledge(store, i.id(), who(by), Clock.systemUTC().instant())
              .orElseThrow();
      out()
          .println(
              acked.id()
                  + " 已确认："
                  + Terminal.safe(acked.handling().ackedBy())
                  + "，"
                  + time(acked.handling().ackedAt()));
      return 0;
    }
  }

  /** {@code yuqing alerts resolve ID}. */
  @Command(
      name = "resolve",
      mixinStandardHelpOptions = true,
      description = {
        "解除预警：向收到过它的人发送解除通知（由运行中的服务发送）。",
        "Resolves an incident; the recovery notice goes to whoever got its messages."
      })
  static final class Resolve extends WithData implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "ID", description = "alert id or a unique prefix of it")
    String id;

    @Option(names = "--by", description = "who resolves (default: $USER)")
    String by;

    @Override
    public Integer call() {
      AlertStore store = store(data);
      Incident i = find(store, id);
      if (!i.open()) {
        out().println(i.id() + " 已解除（" + time(i.handling().resolvedAt()) + "）");
        return 0;
      }
      Incident closed =
          AlertService.resolve(store, i.id(), who(by), Clock.systemUTC().instant()).orElseThrow();
      List<Delivery> ds = store.inTransaction(tx -> tx.deliveries(closed.id()));
      long queued = ds.stream().filter(d -> d.status() == Delivery.Status.PENDING).count();
      out()
          .println(
              closed.id()
                  + " 已解除："
                  + Terminal.safe(closed.handling().resolvedBy())
                  + "，解除通知 "
                  + queued
                  + " 条待发送");
      return 0;
    }
  }
}
