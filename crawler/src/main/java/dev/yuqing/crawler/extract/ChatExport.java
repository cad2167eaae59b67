package dev.yuqing.crawler.extract;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads plain-text exports of group chats. QQ's export ("消息记录" header, {@code 2024-05-01 10:00:01
 * 张三(12345)} lines) and the common WeChat export layouts ({@code 2024-05-01 10:00:01 张三}, {@code 张三
 * 2024-05-01 10:00:01}, {@code 张三 (2024-05-01 10:00:01):}, {@code [2024-05-01 10:00:01] 张三: text});
 * a message runs until the next header line, so multi-line messages stay whole. Placeholders for
 * media ([图片], [语音] …) and system notices are skipped. Thread-safe.
 */
public final class ChatExport {
  /**
   * One message.
   *
   * @param sender as shown (QQ numbers and e-mail addresses removed)
   * @param at when it was sent
   * @param text the message, lines kept
   * @param occurrence 0 for the first message by this sender at this second, 1 for the next …
   */
  public record Message(String sender, Instant at, String text, int occurrence) {}

  /**
   * A parsed export.
   *
   * @param group the group's name when the export names it, else null
   * @param format qq or wechat
   * @param messages in order
   */
  public record Chat(String group, String format, List<Message> messages) {}

  /**
   * Header dates carry seconds: a message line such as "2024-05-04 09:00 售楼部集合" must not be
   * mistaken for the start of a new message.
   */
  private static final String DT = "(\\d{4}[-/年]\\d{1,2}[-/月]\\d{1,2}日?\\s+\\d{1,2}:\\d{2}:\\d{2})";

  private static final String DT_LOOSE =
      "(\\d{4}[-/年]\\d{1,2}[-/月]\\d{1,2}日?\\s+\\d{1,2}:\\d{2}(?::\\d{2})?)";

  /** 2024-05-01 10:00:01 张三(12345) | 张三<a@b.c> | 张三 */
  private static final Pattern TIME_FIRST =
      Pattern.compile("^" + DT + "\\s+(.+?)\\s*(?:\\((\\d{5,})\\)|<[^<>@\\s]+@[^<>\\s]+>)?\\s*$");

  /** 张三 2024-05-01 10:00:01 | 张三 (2024-05-01 10:00:01): */
  private static final Pattern SENDER_FIRST =
      Pattern.compile("^(.{1,40}?)\\s*[(（]?" + DT + "[)）]?\\s*[:：]?\\s*$");

  /** [2024-05-01 10:00:01] 张三: 今天收房 */
  private static final Pattern ONE_LINE =
      Pattern.compile("^\\[" + DT_LOOSE + "]\\s*([^:：]{1,40})[:：]\\s?(.*)$");

  private static final Pattern QQ_GROUP = Pattern.compile("^消息对象[:：]\\s*(.+)$");
  private static final Pattern PLACEHOLDER =
      Pattern.compile("^(\\[(图片|表情|语音|视频|文件|动画表情|链接|位置|名片|红包|转账|音乐|小程序|聊天记录)]\\s*)+$");
  private static final Pattern SYSTEM =
      Pattern.compile(".*(撤回了一条消息|加入了群聊|退出了群聊|修改群名为|邀请.+加入了群聊|拍了拍).*");

  private final Dates dates;

  public ChatExport(Dates dates) {
    this.dates = dates;
  }

  /** Parses export text; {@code format} is auto, qq or wechat. */
  public Chat parse(String text, String format) {
    String[] lines = text.replace("\uFEFF", "").split("\r\n|\r|\n", -1);
    String group = null;
    boolean qq = format.equals("qq");
    for (int i = 0; i < Math.min(lines.length, 20); i++) {
      Matcher g = QQ_GROUP.matcher(lines[i].strip());
      if (g.matches()) {
        group = g.group(1).strip();
        qq = qq || format.equals("auto");
      }
      if (lines[i].startsWith("消息记录") && format.equals("auto")) {
        qq = true;
      }
    }
    List<Message> out = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    String sender = null;
    Instant at = null;
    StringBuilder body = new StringBuilder();
    for (String raw : lines) {
      String line = raw.strip();
      Header h = header(line);
      if (h != null) {
        add(out, seen, sender, at, body);
        sender = h.sender;
        at = h.at;
        body.setLength(0);
        if (h.rest != null && !h.rest.isEmpty()) {
          body.append(h.rest).append('\n');
        }
      } else if (sender != null) {
        body.append(raw.stripTrailing()).append('\n');
      }
    }
    add(out, seen, sender, at, body);
    return new Chat(group, qq ? "qq" : "wechat", out);
  }

  private record Header(String sender, Instant at, String rest) {}

  private Header header(String line) {
    if (line.isEmpty() || line.length() > 120) {
      return null;
    }
    Matcher m = ONE_LINE.matcher(line);
    if (m.matches()) {
      Instant at = dates.parse(m.group(1)).orElse(null);
      return at == null ? null : new Header(m.group(2).strip(), at, m.group(3));
    }
    m = TIME_FIRST.matcher(line);
    if (m.matches()) {
      Instant at = dates.parse(m.group(1)).orElse(null);
      return at == null ? null : new Header(cleanSender(m.group(2)), at, null);
    }
    m = SENDER_FIRST.matcher(line);
    if (m.matches()) {
      Instant at = dates.parse(m.group(2)).orElse(null);
      return at == null ? null : new Header(cleanSender(m.group(1)), at, null);
    }
    return null;
  }

  private static String cleanSender(String s) {
    // QQ prefixes group titles: 【管理员】张三
    return Text.clean(s.replaceFirst("^【[^】]{1,10}】", ""));
  }

  private static void add(
      List<Message> out, Map<String, Integer> seen, String sender, Instant at, StringBuilder body) {
    if (sender == null) {
      return;
    }
    String text = Text.printable(body.toString()).strip();
    if (text.isEmpty() || PLACEHOLDER.matcher(text).matches() || SYSTEM.matcher(text).matches()) {
      return;
    }
    String key = sender + "\n" + at;
    int n = seen.merge(key, 1, Integer::sum) - 1;
    out.add(new Message(sender, at, text, n));
  }
}
