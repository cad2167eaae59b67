package dev.yuqing.app.cli;

import dev.yuqing.alerts.AlertService;
import dev.yuqing.alerts.Delivery;
import dev.yuqing.alerts.IncidentStore;
import dev.yuqing.alerts.incident.Assignment;
import dev.yuqing.alerts.incident.Incident;
import dev.yuqing.alerts.incident.LogEntry;
import dev.yuqing.alerts.incident.ResponseAction;
import dev.yuqing.alerts.store.Database;
import dev.yuqing.alerts.store.JdbcIncidentStore;
import dev.yuqing.core.Alert;
import dev.yuqing.core.AlertState;
import dev.yuqing.core.UserError;
import dev.yuqing.core.config.AlertsConfig;
import dev.yuqing.core.config.DatabaseConfig;
import dev.yuqing.core.config.Secrets;
import dev.yuqing.core.config.YuqingConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code yuqing incidents list|show|ack|assign|log|resolve|close} (also {@code yuqing alerts …}):
 * the incident desk on the configured database (or the embedded one under {@code --data}). Works
 * while the job and the dashboard run: each command is one transaction of the store; a resolve or
 * close queues the recovery notice, which a running alert service (or the next one to start) sends.
 * Every change names its user ({@code --by}, default {@code $USER}).
 */
@Command(
    name = "incidents",
    aliases = "alerts",
    mixinStandardHelpOptions = true,
    description = {
      "事件处置台：查看、确认、指派、记录处置经过、解除、关闭事件（同一项目同一事件的各条预警合为一个事件）。",
      "The incident desk: list, show, acknowledge, assign, log, resolve and close incidents."
    },
    subcommands = {
      IncidentsCommand.ListIncidents.class,
      IncidentShowCommand.class,
      IncidentsCommand.Ack.class,
      IncidentsCommand.Assign.class,
      IncidentsCommand.Log.class,
      IncidentsCommand.Resolve.class,
      IncidentsCommand.Close.class
    })
public final class IncidentsCommand extends CommandGroup {
  static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  static String time(Instant t) {
    return t == null ? "—" : TIME.format(t.atZone(ZONE));
  }

  /** The options every subcommand takes, and the store they name. */
  abstract static class WithStore extends CliCommand implements Callable<Integer> {
    @Mixin DataDir dataDir; // the embedded database

    @Mixin ConfigFile config; // its database (PostgreSQL) and alerts.response deadlines

    @Option(names = "--by", paramLabel = "NAME", description = "who does it (default: $USER)")
    String by;

    private YuqingConfig cfg;
    private JdbcIncidentStore store;

    /** Runs the subcommand, then closes the database it opened (tests run many in one JVM). */
    @Override
    public final Integer call() {
      try {
        return run();
      } finally {
        if (store != null) {
          store.database().close();
        }
      }
    }

    abstract Integer run();

    YuqingConfig config() {
      if (cfg == null) {
        cfg = config.loadOrNull();
      }
      return cfg;
    }

    AlertsConfig alerts() {
      return config() == null ? AlertsConfig.DEFAULT : config().alerts();
    }

    /** The store; a user error when there is none. */
    JdbcIncidentStore store() {
      if (store == null) {
        DatabaseConfig db = config() == null ? null : config().database();
        Path data = dataDir.path;
        if (db == null && !Database.embeddedExists(data)) {
          throw new UserError(
              data.resolve(Database.EMBEDDED)
                  + ": no alerts here (they appear once yuqing run or demo raised one)");
        }
        try {
          store = new JdbcIncidentStore(Database.open(db, data, Secrets.fromEnvironment()));
        } catch (IllegalStateException e) {
          throw new UserError(e.getMessage(), e);
        }
      }
      return store;
    }

    /** The incident whose id is {@code id} or starts with it (at least 4 characters). */
    Incident find(String id) {
      if (!id.matches("[0-9a-fA-F]{4,64}")) {
        throw new UserError(id + ": not an alert id (hex, e.g. as shown by yuqing incidents list)");
      }
      String prefix = id.toLowerCase(java.util.Locale.ROOT);
      List<Incident> hits = all().stream().filter(i -> i.id().startsWith(prefix)).toList();
      if (hits.isEmpty()) {
        throw new UserError(id + ": no such alert in " + store().database());
      }
      if (hits.size() > 1) {
        throw new UserError(id + ": matches " + hits.size() + " alerts; give more characters");
      }
      return hits.get(0);
    }

    List<Incident> all() {
      return store().inTransaction(IncidentStore.Tx::all);
    }

    String who() {
      if (by != null && !by.isBlank()) {
        return by.strip();
      }
      String user = System.getenv("USER");
      return user == null || user.isBlank() ? "值班人员" : user;
    }

    Instant now() {
      return Clock.systemUTC().instant();
    }

    /** Runs a change a person makes; its refusals (a closed incident, a bad name) are one line. */
    Incident change(Incident i, Function<Incident, Optional<Incident>> act) {
      try {
        return act.apply(i).orElseThrow(() -> new UserError(i.id() + ": no such alert"));
      } catch (IllegalStateException | IllegalArgumentException e) {
        throw new UserError(i.id() + ": " + e.getMessage(), e);
      }
    }
  }

  /** A subcommand about one incident, named by its ID. */
  abstract static class OnIncident extends WithStore {
    @Parameters(index = "0", paramLabel = "ID", description = "alert id or a unique prefix of it")
    String id;

    Incident incident() {
      return find(id);
    }

    /** Runs {@code step} on {@code i} by {@link #who()} at {@link #now()}, as {@link #change}. */
    Incident take(Incident i, Step step) {
      return change(i, x -> step.apply(store(), x.id(), who(), now()));
    }

    /** What a resolve queued: the recovery notices still waiting for the service. */
    String recoveryNotice(Incident i) {
      long queued =
          store().inTransaction(tx -> tx.deliveries(i.id())).stream()
              .filter(d -> d.status() == Delivery.Status.PENDING)
              .count();
      return "，解除通知 " + queued + " 条待发送";
    }
  }

  /** A change of state a person makes at a time: acknowledge, resolve, close. */
  interface Step {
    Optional<Incident> apply(IncidentStore store, String id, String who, Instant at);
  }

  /** {@code yuqing incidents list}. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = {"列出预警事件，最新的在前。", "Lists incidents, newest first."})
  static final class ListIncidents extends WithStore {
    @Option(names = "--open", description = "only incidents not yet resolved")
    boolean open;

    @Override
    Integer run() {
      List<Incident> all = all().stream().filter(i -> !open || i.open()).toList();
      PrintWriter out = out();
      if (all.isEmpty()) {
        out.println(open ? "没有未解除的预警。" : "没有预警。");
        return 0;
      }
      Map<String, int[]> sent =
          deliverySummary(store().inTransaction(IncidentStore.Tx::deliveries));
      out.printf(
          "%-16s  %-4s  %-6s  %-16s  %-4s  %-8s  %-8s  %s%n",
          "ID", "级别", "状态", "首次(北京时间)", "信号", "投递", "负责", "项目：内容");
      for (Incident i : all) {
        Alert a = i.summary();
        int[] s = sent.getOrDefault(i.id(), new int[3]);
        Assignment to = i.response().assignment();
        out.printf(
            "%-16s  %-4s  %-6s  %-16s  %-4d  %-8s  %-8s  %s%n",
            i.id(),
            i.grade().level(),
            i.state().chinese(),
            time(a.firstAt()),
            i.members().size(),
            s[0] + "/" + (s[0] + s[1] + s[2]) + (s[2] > 0 ? "!" : ""),
            to == null ? "—" : Terminal.safe(to.label()),
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

  /** {@code yuqing incidents ack ID}. */
  @Command(
      name = "ack",
      mixinStandardHelpOptions = true,
      description = {"确认收到预警：不再因无人确认而升级。", "Acknowledges an incident: it will not escalate."})
  static final class Ack extends OnIncident {
    @Override
    Integer run() {
      Incident i = incident();
      if (!i.open()) {
        throw new UserError(i.id() + ": already resolved; nothing to acknowledge");
      }
      Incident.Handling h = i.handling();
      if (i.state() == AlertState.ACKNOWLEDGED || i.state() == AlertState.RESPONDING) {
        out()
            .println(
                i.id() + " 已由 " + Terminal.safe(h.ackedBy()) + " 确认（" + time(h.ackedAt()) + "）");
        return 0;
      }
      Incident acked = take(i, AlertService::acknowledge);
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

  /** {@code yuqing incidents assign ID --department 客服 | --person NAME}. */
  @Command(
      name = "assign",
      mixinStandardHelpOptions = true,
      description = {
        "指派事件给部门（客服、工程、法务、营销、物业）或个人。",
        "Assigns an incident to a department or a person."
      })
  static final class Assign extends OnIncident {
    @Option(names = "--department", paramLabel = "DEPT", description = "客服, 工程, 法务, 营销 or 物业")
    String department;

    @Option(names = "--person", paramLabel = "NAME", description = "a person")
    String person;

    @Override
    Integer run() {
      if ((department == null) == (person == null)) {
        throw new UserError("assign: give either --department or --person");
      }
      Incident i = incident();
      Incident done =
          change(
              i,
              x ->
                  AlertService.assign(
                      store(),
                      x.id(),
                      new Assignment(
                          department != null ? Assignment.Kind.DEPARTMENT : Assignment.Kind.PERSON,
                          department != null ? department : person,
                          who(),
                          now())));
      out()
          .println(
              done.id()
                  + " 已指派给 "
                  + Terminal.safe(done.response().assignment().label())
                  + "（"
                  + Terminal.safe(who())
                  + "）");
      return 0;
    }
  }

  /** {@code yuqing incidents log ID --action contact TEXT}. */
  @Command(
      name = "log",
      mixinStandardHelpOptions = true,
      description = {
        "记录处置经过：联系业主、现场走访、发布声明、回复媒体、进展报告或其他。",
        "Logs a step of the response: contact, visit, statement, media, progress or note."
      })
  static final class Log extends OnIncident {
    @Parameters(index = "1..*", paramLabel = "TEXT", description = "what was done")
    List<String> text;

    @Option(
        names = "--action",
        defaultValue = "note",
        paramLabel = "KIND",
        description =
            "contact, visit, statement, media, progress or note (default: ${DEFAULT-VALUE})")
    String action;

    @Override
    Integer run() {
      ResponseAction a;
      try {
        a = ResponseAction.parse(action);
      } catch (IllegalArgumentException e) {
        throw new UserError("--action: " + e.getMessage());
      }
      Incident i = incident();
      String words = text == null ? "" : String.join(" ", text);
      Incident done =
          change(i, x -> AlertService.log(store(), new LogEntry(x.id(), now(), who(), a, words)));
      out().println(done.id() + " 已记录" + a.chinese() + "（" + Terminal.safe(who()) + "）");
      return 0;
    }
  }

  /** {@code yuqing incidents resolve ID}. */
  @Command(
      name = "resolve",
      mixinStandardHelpOptions = true,
      description = {
        "解除预警：向收到过它的人发送解除通知（由运行中的服务发送）。",
        "Resolves an incident; the recovery notice goes to whoever got its messages."
      })
  static final class Resolve extends OnIncident {
    @Override
    Integer run() {
      Incident i = incident();
      if (!i.open()) {
        out().println(i.id() + " 已解除（" + time(i.handling().resolvedAt()) + "）");
        return 0;
      }
      Incident closed = take(i, AlertService::resolve);
      out()
          .println(
              closed.id()
                  + " 已解除："
                  + Terminal.safe(closed.handling().resolvedBy())
                  + recoveryNotice(closed));
      return 0;
    }
  }

  /** {@code yuqing incidents close ID}. */
  @Command(
      name = "close",
      mixinStandardHelpOptions = true,
      description = {
        "关闭事件：处置完毕（未解除的先解除并发送解除通知），此后不再更改。",
        "Closes an incident (resolving it first if needed); nothing changes it afterwards."
      })
  static final class Close extends OnIncident {
    @Override
    Integer run() {
      Incident i = incident();
      Incident closed = take(i, AlertService::close);
      out()
          .println(
              closed.id()
                  + " 已关闭："
                  + Terminal.safe(closed.handling().closedBy())
                  + (i.open() ? recoveryNotice(closed) : ""));
      return 0;
    }
  }
}
