package dev.yuqing.app.cli;

import static dev.yuqing.app.cli.IncidentsCommand.time;

import dev.yuqing.alerts.Delivery;
import dev.yuqing.alerts.incident.Assignment;
import dev.yuqing.alerts.incident.Incident;
import dev.yuqing.alerts.incident.IncidentResponse;
import dev.yuqing.alerts.incident.LogEntry;
import dev.yuqing.alerts.rules.Texts;
import dev.yuqing.core.Alert;
import dev.yuqing.core.AlertPost;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code yuqing incidents show ID}: one incident with its members, deadlines, log, deliveries. */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description = {
      "显示一个预警事件的全部内容、构成、处置时限、处置记录、经过与投递情况。",
      "Shows one incident: its alerts, deadlines, response log, history, deliveries."
    })
final class IncidentShowCommand extends IncidentsCommand.OnIncident {
  @Override
  Integer run() {
    Incident i = incident();
    Alert a = i.summary();
    PrintWriter out = out();
    out.println(
        Terminal.safe("【舆情预警·" + i.grade().level() + "】" + i.project() + "：" + a.headline()));
    out.println("编号：" + i.id() + "（已发 " + i.messages().count() + " 封）");
    out.println(
        "状态：" + i.state().chinese() + "    级别：" + i.grade().level() + "（" + i.grade().word() + "）");
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
    handling(out, i);
    deadlines(out, i);
    out.println();
    out.println("代表性帖子：");
    int n = 1;
    for (AlertPost p : a.posts()) {
      String label =
          p.title() != null && !p.title().isBlank() ? p.title() + " — " + p.excerpt() : p.excerpt();
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
    List<LogEntry> log = store().inTransaction(tx -> tx.log(i.id()));
    out.println();
    out.println("处置记录：" + (log.isEmpty() ? "无" : ""));
    for (LogEntry e : log) {
      out.println(
          "  "
              + time(e.at())
              + "  "
              + Terminal.safe(e.user())
              + "  "
              + e.action().chinese()
              + "："
              + Terminal.safe(e.text()));
    }
    out.println();
    out.println("经过：");
    for (Incident.Event e : i.history()) {
      out.println("  " + time(e.at()) + "  " + Terminal.safe(e.text()));
    }
    out.println();
    out.println("投递：");
    List<Delivery> ds = store().inTransaction(tx -> tx.deliveries(i.id()));
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

  private static void handling(PrintWriter out, Incident i) {
    Incident.Handling h = i.handling();
    Assignment to = i.response().assignment();
    if (h.ackedBy() != null) {
      out.println("确认：" + Terminal.safe(h.ackedBy()) + "，" + time(h.ackedAt()));
    }
    if (to != null) {
      out.println(
          "负责："
              + Terminal.safe(to.label())
              + "（"
              + Terminal.safe(to.by())
              + " 指派，"
              + time(to.at())
              + "）");
    }
    if (h.resolvedBy() != null) {
      out.println(
          "解除："
              + (h.resolvedBy().equals("rule") ? "各项信号均已平息" : Terminal.safe(h.resolvedBy()))
              + "，"
              + time(h.resolvedAt()));
    }
    if (h.closedBy() != null) {
      out.println("关闭：" + Terminal.safe(h.closedBy()) + "，" + time(h.closedAt()));
    }
  }

  private void deadlines(PrintWriter out, Incident i) {
    Instant now = now();
    StringBuilder sb = new StringBuilder("处置时限：");
    for (IncidentResponse.Status s : IncidentResponse.deadlines(i, alerts().response(i.grade()))) {
      sb.append(s.deadline().chinese())
          .append(Texts.duration(s.within()))
          .append("内（")
          .append(time(s.due()))
          .append(" 前）");
      if (s.metAt() != null) {
        sb.append(s.metInTime() ? "按时" : "逾期").append("完成 ").append(time(s.metAt()));
      } else if (i.open() && s.overdue(now)) {
        sb.append("已逾期");
      } else {
        sb.append(i.open() ? "未完成" : "未做");
      }
      sb.append("；");
    }
    out.println(sb);
  }
}
