package dev.yuqing.alerts.mail;

import static dev.yuqing.core.Html.esc;

import dev.yuqing.alerts.incident.Incident;
import dev.yuqing.alerts.incident.Notice;
import dev.yuqing.alerts.incident.NoticeKind;
import dev.yuqing.alerts.rules.Texts;
import dev.yuqing.core.Alert;
import dev.yuqing.core.AlertPost;
import dev.yuqing.core.Grade;
import dev.yuqing.core.Html;
import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.PreencodedMimeBodyPart;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * Composes the mail about an incident: subject with the grade (【舆情预警·二级】翡翠湾：…), an HTML body with a
 * text alternative — what changed since the thread's previous message, the incident's members, the
 * representative posts — and the trend chart as an inline PNG ({@code cid:trend}). The messages of
 * one incident form one thread ({@code Message-ID}, {@code In-Reply-To}, {@code References}). Every
 * piece of crawled text is escaped. Stateless and thread-safe.
 *
 * @param zone zone for times shown
 * @param from sender address
 * @param ackCommand how to acknowledge, with {@code %s} for the incident id (e.g. {@code yuqing
 *     alerts ack %s --data /srv/yuqing}), or null to leave it out
 */
public record AlertMail(ZoneId zone, String from, String ackCommand) {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final Base64.Encoder MIME_BASE64 = Base64.getMimeEncoder();

  /** The complete message, ready for a transport or for {@code writeTo} into an .eml file. */
  public MimeMessage compose(Session session, Notice n, Instant sentAt) throws MessagingException {
    MimeMessage m = new FixedIdMessage(session, "<" + n.messageId() + ">");
    m.setFrom(address(from));
    for (String to : n.recipients()) {
      m.addRecipient(jakarta.mail.Message.RecipientType.TO, address(to));
    }
    m.setSubject(n.subject(), "UTF-8");
    m.setSentDate(Date.from(sentAt));
    if (n.inReplyTo() != null) {
      m.setHeader("In-Reply-To", "<" + n.inReplyTo() + ">");
      StringBuilder refs = new StringBuilder();
      for (String r : n.references()) {
        refs.append(refs.length() == 0 ? "" : " ").append('<').append(r).append('>');
      }
      m.setHeader("References", refs.toString());
    }
    Incident i = n.incident();
    m.setHeader("X-Yuqing-Incident", i.id());
    m.setHeader("X-Yuqing-Message", String.valueOf(i.messages().count()));
    m.setHeader("X-Yuqing-Grade", i.grade().json());
    m.setHeader("X-Priority", i.grade() == Grade.CRITICAL ? "1" : "3");

    Optional<byte[]> chart = TrendChart.png(n.alert(), zone);
    // Base64, as Chinese mail clients send: Jakarta Mail would pick quoted-printable for text that
    // is partly ASCII, which spells out every byte of a Chinese character as =XX (three times the
    // size) one byte per call, and deciding scans the whole text first
    MimeBodyPart text =
        base64(text(n).getBytes(StandardCharsets.UTF_8), "text/plain; charset=UTF-8");
    MimeBodyPart html =
        base64(
            html(n, chart.isPresent()).getBytes(StandardCharsets.UTF_8),
            "text/html; charset=UTF-8");

    MimeMultipart alternative = new MimeMultipart("alternative");
    alternative.addBodyPart(text);
    if (chart.isPresent()) {
      MimeMultipart related = new MimeMultipart("related");
      related.addBodyPart(html);
      MimeBodyPart png = base64(chart.get(), "image/png");
      png.setContentID("<trend>");
      png.setDisposition(Part.INLINE);
      png.setFileName("trend.png");
      related.addBodyPart(png);
      MimeBodyPart relatedPart = new MimeBodyPart();
      relatedPart.setContent(related);
      alternative.addBodyPart(relatedPart);
    } else {
      alternative.addBodyPart(html);
    }
    m.setContent(alternative);
    m.saveChanges();
    return m;
  }

  /**
   * A body part of {@code bytes}, base64-encoded here by the JDK's encoder: Jakarta Mail's encoder
   * stream works a few bytes per call, and an alert service sends too few mails for that code to
   * get compiled.
   */
  private static MimeBodyPart base64(byte[] bytes, String contentType) throws MessagingException {
    MimeBodyPart part = new PreencodedMimeBodyPart("base64");
    part.setDataHandler(
        new DataHandler(new ByteArrayDataSource(MIME_BASE64.encode(bytes), contentType)));
    return part;
  }

  private static InternetAddress address(String a) throws AddressException {
    InternetAddress ia = new InternetAddress(a, true);
    return ia;
  }

  /** The opening line: what this message is about. */
  String intro(Notice n) {
    Alert a = n.alert();
    int members = n.incident().members().size();
    String more = members > 1 ? "（共" + members + "项信号）" : "";
    String base =
        switch (n.kind()) {
          case NEW -> "新预警：" + a.headline() + more + "。请确认并按预案处置。";
          case UPDATE -> "事件有新进展（第" + a.revision() + "封）：" + a.headline() + more + "。";
          case ESCALATION ->
              "未在规定时间内确认，已升级为" + a.grade().level() + "（" + a.grade().word() + "），通知范围扩大。";
          case RECOVERY -> "预警解除：" + a.headline() + more + "——各项信号均已回落。";
        };
    return n.note() == null ? base : base + " " + n.note();
  }

  /** The HTML body; {@code chart}: whether the message carries the cid:trend image. */
  public String html(Notice n, boolean chart) {
    Alert a = n.alert();
    String color =
        switch (a.grade()) {
          case CRITICAL -> "#c0392b";
          case ALERT -> "#d35400";
          case NOTICE -> "#2471a3";
        };
    StringBuilder h = new StringBuilder(4096);
    h.append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"><title>")
        .append(esc(n.subject()))
        .append("</title></head><body style=\"font-family:'Microsoft YaHei','PingFang SC',")
        .append("'WenQuanYi Micro Hei',sans-serif;color:#222;max-width:720px\">");
    h.append("<div style=\"background:")
        .append(color)
        .append(";color:#fff;padding:10px 14px;font-size:18px\">")
        .append(esc("舆情预警·" + a.grade().level() + "（" + a.grade().word() + "）"))
        .append(n.kind() == NoticeKind.NEW ? "" : " · " + esc(n.kind().chinese()))
        .append("</div>");
    h.append("<h2 style=\"font-size:18px\">")
        .append(esc(a.project()))
        .append("：")
        .append(esc(a.headline()))
        .append("</h2>");
    h.append("<p>").append(esc(intro(n))).append("</p>");
    if (!n.changes().isEmpty()) {
      h.append("<h3 style=\"font-size:16px\">本次变化</h3><ul>");
      for (String c : n.changes()) {
        h.append("<li>").append(esc(c)).append("</li>");
      }
      h.append("</ul>");
    }
    members(h, n.incident());
    h.append("<table style=\"border-collapse:collapse\" cellpadding=\"4\">");
    row(h, "项目", a.project());
    row(h, "级别", a.grade().level() + "（" + a.grade().word() + "）");
    row(h, "状态", a.state().chinese());
    row(h, "规则", a.rule() + "（" + a.ruleType() + "）");
    if (a.topic() != null) {
      row(h, "话题", a.topic());
    }
    row(h, "判定依据", a.reason());
    row(
        h,
        "本窗口计数",
        a.count() + "条" + (Double.isNaN(a.baseline()) ? "" : "，基线约" + num(a.baseline()) + "条"));
    row(h, "累计", a.total() + "条");
    row(h, "开始时间", time(a.firstAt()));
    row(h, "最近更新", time(a.updatedAt()));
    if (!a.topTopics().isEmpty()) {
      row(h, "主要话题", String.join("、", a.topTopics()));
    }
    if (!a.topKeywords().isEmpty()) {
      row(h, "关键词", String.join("、", a.topKeywords()));
    }
    h.append("</table>");
    if (chart) {
      h.append("<p><img src=\"cid:trend\" alt=\"负面帖走势图\" width=\"")
          .append(TrendChart.WIDTH)
          .append("\" height=\"")
          .append(TrendChart.HEIGHT)
          .append("\"></p>");
    }
    if (!a.posts().isEmpty()) {
      h.append("<h3 style=\"font-size:16px\">代表性帖子（").append(a.posts().size()).append("）</h3><ol>");
      for (AlertPost p : a.posts()) {
        h.append("<li style=\"margin-bottom:8px\">");
        String label = p.title() != null && !p.title().isBlank() ? p.title() : p.excerpt();
        String url = Html.safeUrl(p.url());
        if (url != null) {
          h.append("<a href=\"").append(esc(url)).append("\">").append(esc(label)).append("</a>");
        } else {
          h.append(esc(label));
        }
        if (p.title() != null && !p.title().isBlank()) {
          h.append("<br><span style=\"color:#444\">").append(esc(p.excerpt())).append("</span>");
        }
        h.append("<br><small style=\"color:#666\">")
            .append(esc(p.author() == null ? "作者不详" : p.author()))
            .append(" · ")
            .append(esc(time(p.publishedAt())));
        if (url != null) {
          h.append(" · ").append(esc(url));
        }
        if (p.evidenceId() != null) {
          h.append(" · 证据编号 ").append(esc(p.evidenceId()));
        }
        h.append("</small></li>");
      }
      h.append("</ol>");
    }
    String dash = Html.safeUrl(n.dashboardLink());
    String posts = Html.safeUrl(n.postsLink());
    if (dash != null || posts != null) {
      h.append("<p>");
      if (dash != null) {
        h.append("<a href=\"").append(esc(dash)).append("\">在看板中查看预警</a>");
      }
      if (posts != null) {
        h.append(dash != null ? " · " : "")
            .append("<a href=\"")
            .append(esc(posts))
            .append("\">查看相关帖子</a>");
      }
      h.append("</p>");
    }
    if (ackCommand != null && a.state() != dev.yuqing.core.AlertState.RESOLVED) {
      h.append("<p style=\"color:#444\">确认收到：<code>")
          .append(esc(String.format(ackCommand, a.id())))
          .append("</code></p>");
    }
    h.append("<p style=\"color:#888;font-size:12px\">yuqing 舆情监测自动发送 · 事件编号 ")
        .append(esc(a.id()))
        .append(" · 第")
        .append(a.revision())
        .append("封</p></body></html>");
    return h.toString();
  }

  /** The incident's members as a table: what each rule saw. */
  private void members(StringBuilder h, Incident i) {
    h.append("<h3 style=\"font-size:16px\">事件构成（").append(i.members().size()).append("项）</h3>");
    h.append("<table style=\"border-collapse:collapse\" cellpadding=\"4\">");
    for (Incident.Member m : i.members()) {
      Alert a = m.alert();
      h.append("<tr><td style=\"white-space:nowrap;vertical-align:top\">")
          .append(esc(Texts.ruleKind(a.ruleType()) + "（" + a.grade().level() + "）"))
          .append("</td><td>")
          .append(esc(memberLine(m)))
          .append("</td></tr>");
    }
    h.append("</table>");
  }

  /** One member: its reason, its count and its time, as the text and HTML bodies show it. */
  private String memberLine(Incident.Member m) {
    Alert a = m.alert();
    return a.reason()
        + "；累计"
        + a.total()
        + "条；"
        + time(a.firstAt())
        + " 起"
        + (m.resolved() ? "，已平息" : "，最近 " + time(a.updatedAt()));
  }

  /** The plain-text alternative, the same content. */
  public String text(Notice n) {
    Alert a = n.alert();
    StringBuilder t = new StringBuilder(2048);
    t.append(n.subject()).append("\n\n").append(intro(n)).append("\n\n");
    if (!n.changes().isEmpty()) {
      t.append("本次变化：\n");
      n.changes().forEach(c -> t.append("- ").append(c).append('\n'));
      t.append('\n');
    }
    t.append("事件构成（").append(n.incident().members().size()).append("项）：\n");
    for (Incident.Member m : n.incident().members()) {
      Alert ma = m.alert();
      t.append("- ")
          .append(Texts.ruleKind(ma.ruleType()))
          .append("（")
          .append(ma.grade().level())
          .append("）：")
          .append(memberLine(m))
          .append('\n');
    }
    t.append('\n');
    t.append("项目：").append(a.project()).append('\n');
    t.append("级别：").append(a.grade().level()).append("（").append(a.grade().word()).append("）\n");
    t.append("状态：").append(a.state().chinese()).append('\n');
    t.append("规则：").append(a.rule()).append("（").append(a.ruleType()).append("）\n");
    if (a.topic() != null) {
      t.append("话题：").append(a.topic()).append('\n');
    }
    t.append("判定依据：").append(a.reason()).append('\n');
    t.append("本窗口计数：").append(a.count()).append("条");
    if (!Double.isNaN(a.baseline())) {
      t.append("，基线约").append(num(a.baseline())).append("条");
    }
    t.append('\n');
    t.append("累计：").append(a.total()).append("条\n");
    t.append("开始时间：").append(time(a.firstAt())).append('\n');
    t.append("最近更新：").append(time(a.updatedAt())).append('\n');
    if (!a.topTopics().isEmpty()) {
      t.append("主要话题：").append(String.join("、", a.topTopics())).append('\n');
    }
    if (!a.topKeywords().isEmpty()) {
      t.append("关键词：").append(String.join("、", a.topKeywords())).append('\n');
    }
    List<AlertPost> posts = a.posts();
    if (!posts.isEmpty()) {
      t.append("\n代表性帖子：\n");
      int i = 1;
      for (AlertPost p : posts) {
        t.append(i++).append(". ");
        if (p.title() != null && !p.title().isBlank()) {
          t.append(p.title()).append(" — ");
        }
        t.append(p.excerpt()).append("\n   ");
        t.append(p.author() == null ? "作者不详" : p.author())
            .append(" · ")
            .append(time(p.publishedAt()));
        if (p.url() != null) {
          t.append("\n   ").append(p.url());
        }
        if (p.evidenceId() != null) {
          t.append("\n   证据编号 ").append(p.evidenceId());
        }
        t.append('\n');
      }
    }
    if (n.dashboardLink() != null) {
      t.append("\n在看板中查看预警：").append(n.dashboardLink()).append('\n');
    }
    if (n.postsLink() != null) {
      t.append("查看相关帖子：").append(n.postsLink()).append('\n');
    }
    if (ackCommand != null && a.state() != dev.yuqing.core.AlertState.RESOLVED) {
      t.append("确认收到：").append(String.format(ackCommand, a.id())).append('\n');
    }
    t.append("\n—— yuqing 舆情监测自动发送 · 事件编号 ")
        .append(a.id())
        .append(" · 第")
        .append(a.revision())
        .append("封\n");
    return t.toString();
  }

  private static void row(StringBuilder h, String k, String v) {
    h.append("<tr><td style=\"color:#666;white-space:nowrap;vertical-align:top\">")
        .append(esc(k))
        .append("</td><td>")
        .append(esc(v))
        .append("</td></tr>");
  }

  private String time(Instant t) {
    return t == null ? "时间不详" : TIME.format(t.atZone(zone));
  }

  private static String num(double v) {
    return Texts.num(v);
  }

  /** A message whose Message-ID is ours (Jakarta Mail would generate a random one on save). */
  private static final class FixedIdMessage extends MimeMessage {
    private final String id;

    FixedIdMessage(Session session, String id) {
      super(session);
      this.id = id;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", id);
    }
  }
}
