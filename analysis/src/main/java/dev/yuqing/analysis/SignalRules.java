package dev.yuqing.analysis;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The structural part of the signals, which rules do well and a few hundred labelled messages could
 * not teach: time expressions and venues (the spans of a call), a news report's byline and
 * dateline, a letter's form, reported advice, the message board itself. The classifiers read these
 * as features; {@link SignalDetector} reads the spans. Pure and thread-safe.
 */
final class SignalRules {
  private SignalRules() {}

  /** A time as homeowner groups write it: a day relative to now, a clock time, or both. */
  static final Pattern TIME =
      Regexes.firstChars(
          "今明后本下这周星礼0123456789早上中傍晚",
          "((今天|明天|后天|今晚|明早|明晚|明日|本周[一二三四五六日天末]|下周[一二三四五六日天]|这周[一二三四五六日天末]"
              + "|周[一二三四五六日天末]|星期[一二三四五六日天]|礼拜[一二三四五六日天]"
              + "|\\d{1,2}月\\d{1,2}[日号]|\\d{1,2}[日号])"
              + "(早上|上午|中午|下午|傍晚|晚上|早)?"
              + "([零一二三四五六七八九十两\\d]{1,3}([点时:：]([零一二三四五六七八九十\\d]{1,2}分?|半|整)?))?"
              + "|(早上|上午|中午|下午|傍晚|晚上)[零一二三四五六七八九十两\\d]{1,3}[点时](半|整)?)");

  /** A relative day or clock time (「周六」「明早8点」), not a date in a report. */
  private static final Pattern RELATIVE_TIME =
      Pattern.compile(
          "今天|明天|后天|今晚|明早|明晚|明日|本周|下周|这周|周[一二三四五六日天末]|星期[一二三四五六日天]"
              + "|礼拜[一二三四五六日天]|(早上|上午|中午|下午|傍晚|晚上)[零一二三四五六七八九十两\\d]{1,3}[点时]");

  private static final String SPOT = "(东门|南门|西门|北门|正门|大门口|门口|门前|大门|楼下|广场|大厅|办公室|会议室|中庭|会所)";

  /** Where a group meets: a known venue with an optional spot in or before it (售楼部门口, 小区中庭). */
  static final Pattern PLACE =
      Pattern.compile(
          "(售楼部|售楼处|营销中心|住建局|住建委|房管局|信访局|信访办|市政府|区政府|县政府|省政府|政府|街道办"
              + "|法院|项目部|工地|物业公司|物业服务中心|物业中心|物业|开发商总部|开发商|小区|会所|中庭|地库)"
              + SPOT
              + "?"
              // after 在/到/去, any named spot before a gate or a square: 「在市民广场」「到3栋楼下」
              + "|(?<=[在到去于至赴])[\\p{IsHan}\\dA-Za-z]{1,6}?"
              + SPOT);

  /** A gathering verb right after a time and a place: 「周六上午九点售楼部门口集合」「明早住建局门口见」. */
  private static final Pattern GATHERING =
      Pattern.compile("[^。！？!?]{0,14}?(集合|集中|碰头|到场|静坐|拉横幅|出发|不见不散|见面|门口见|开会)");

  /** A news report's byline or a reporter's own verbs. */
  private static final Pattern BYLINE =
      Regexes.firstChars(
          "本每晚晨中新记（(告向对问接据有媒日我",
          "(本报|本台|每经|晨报|晚报|中新网|新华网|中新社)?记者\\s*[\\p{IsHan}]{2,3}[\\s)）]"
              + "|（记者|\\(记者|本报记者|记者[^。，]{0,6}(了解|获悉|调查|统计|发现|注意到|从|问|就此|在采访中)"
              + "|(告诉|向|对|问)记者"
              + "|对[^。]{0,12}记者(表示|说|分析)|告诉记者|记者采访|接受[^。]{0,8}采访"
              + "|记者\\s+[\\p{IsHan}]{2,3}|据记者|(有|据)媒体(报道|认为|称)|媒体报道称"
              + "|本报讯|晚报讯|日电|新闻稿");

  /** The form of a newspaper's own report: datelines, bylines, picture-story tags. */
  private static final Pattern REPORT_FORM =
      Regexes.firstChars(
          "（(本晨晚0123456789中新每",
          "[（(]组?图[)）]|本报讯|[晨晚]报讯|\\d{1,2}日电|中新社|新华社|中新网|本报记者|每经记者|[（(]记者\\s*[\\p{IsHan}]{2,3}");

  /** Owners and residents: who a letter from the estate speaks for. */
  static final String OWNER_NOUNS = "业主|居民|村民|住户|购房户|购房者";

  /** Who acts together as a body: owners, residents, and the other groups GUIDE.md counts. */
  private static final String GROUP_NOUN = "(" + OWNER_NOUNS + "|职工|受害人|出借人)";

  /** A letter to officials: its salutation. */
  private static final Pattern LETTER =
      Pattern.compile("^[^。！？]{0,40}?(尊敬的|领导[：:，,]|领导您好|领导你好|书记|市长|局长)");

  /** The message board itself is not media (「通过平台这一权威媒体」). */
  private static final Pattern BOARD = Pattern.compile("(平台|网站|本网|贵网|权威|留言板)[^。，]{0,6}媒体");

  /** Somebody else telling the writer to go to the press. */
  private static final Pattern ADVICE =
      Pattern.compile(
          "(他|她|他们|她们|对方|工作人员|客服|接线员|话务员|领导|处长|科长|主任|经理|物业|开发商)"
              + "[^。！？!?]{0,4}(说|称|表示|建议|让|叫|要我们|要求我们)[^。！？!?]{0,60}?"
              + "(去找|找|联系|求助)(新闻)?(媒体|记者|电视台|报社)");

  /** 「曝光」 by a regulator naming offenders. */
  private static final Pattern REGULATOR_EXPOSE =
      Pattern.compile("(住建委|住建局|住建部|房管局|监管|部门|通报)[^。]{0,10}(再曝|曝光)");

  /** An outlet receiving the owners' complaint (「向本报反映」「本报热线」). */
  private static final Pattern TO_OUTLET =
      Pattern.compile("向本报|致电本报|本报热线|本报接到|联系了?[^。，]{0,4}(记者|媒体|电视台|报社)|找[^。，]{0,4}(记者|媒体|电视台)");

  private static final Pattern PAST_SUFFIX = Pattern.compile("^(了|过)(?!解)");
  private static final Pattern I = Pattern.compile("我(?!们)|本人");

  /**
   * The time and place of a call in its sentence {@code [from, to)}, as written; {@code anchor} is
   * where the call's act is. A time followed by a gathering verb gives the place between them
   * (「周六上午九点售楼部门口集合」); otherwise the sentence's first time, and the venue nearest to the act within
   * its clause, else its sentence. Either may be null.
   */
  static String[] callSpans(String text, int from, int to, int anchor) {
    Matcher t = TIME.matcher(text).region(from, to);
    while (t.find()) {
      if (t.group().isEmpty()) {
        continue;
      }
      Matcher g = GATHERING.matcher(text).region(t.end(), to);
      if (g.lookingAt()) {
        String place = nearest(text, t.end(), g.end(), g.end());
        return new String[] {t.group(), place != null ? place : place(text, from, to, anchor)};
      }
    }
    t = TIME.matcher(text).region(from, to);
    String time = null;
    while (time == null && t.find()) {
      time = t.group().isEmpty() ? null : t.group();
    }
    return new String[] {time, place(text, from, to, anchor)};
  }

  /** The venue nearest to {@code anchor} in its clause, else in the sentence {@code [from, to)}. */
  private static String place(String text, int from, int to, int anchor) {
    int cs = anchor;
    while (cs > from && "，,；;".indexOf(text.charAt(cs - 1)) < 0) {
      cs--;
    }
    int ce = anchor;
    while (ce < to && "，,；;".indexOf(text.charAt(ce)) < 0) {
      ce++;
    }
    String p = nearest(text, cs, ce, anchor);
    return p != null ? p : nearest(text, from, to, anchor);
  }

  private static String nearest(String text, int from, int to, int anchor) {
    Matcher p = PLACE.matcher(text).region(from, to).useTransparentBounds(true);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    while (p.find()) {
      int distance = p.end() <= anchor ? anchor - p.end() : Math.abs(p.start() - anchor);
      if (distance < bestDistance) {
        best = p.group();
        bestDistance = distance;
      }
    }
    return best;
  }

  private static final Pattern TOLD =
      Pattern.compile("(让|叫|要求|建议|劝|告诉)(我们|业主|大家|你们|我)[^，,。！？]{0,6}$");

  /** Someone else telling the owners to act, right before the act (「让我们找开发商」). */
  static boolean toldToAct(String lead) {
    return TOLD.matcher(lead).find();
  }

  static boolean newsReport(String text) {
    return REPORT_FORM.matcher(text).find() || BYLINE.matcher(text).find();
  }

  static boolean boardLetter(String text) {
    return LETTER.matcher(text).find();
  }

  /**
   * A text written in the name of the whole group or signed jointly (GUIDE.md: such a letter is a
   * collective act; a loose 「我们」 is not): 「我们是…的全体业主」「全体业主强烈反对」, 「…全体业主」 as the signature, a 联名信.
   */
  private static final Pattern JOINT =
      Pattern.compile(
          "我们[^。！？，,]{0,24}(全体|所有)"
              + GROUP_NOUN
              + "|(全体|所有)"
              + GROUP_NOUN
              + "[^。！？，,]{0,3}(联名|敬上|谨上|强烈|恳请|呼吁|请求|特此|一致|共同)"
              + "|(全体|所有)"
              + GROUP_NOUN
              + "[\\s!！。.]*$"
              + "|联名(信|书|投诉|举报|申诉|反映|请愿)");

  static boolean jointLetter(String text) {
    // most texts name no whole group: skip the pattern's scan of every position
    return (text.contains("全体") || text.contains("所有") || text.contains("联名"))
        && JOINT.matcher(text).find();
  }

  /** Offices people go to one by one on routine errands (报修, 登记, 缴费), not to press a claim. */
  private static final Pattern ROUTINE_VENUE = Pattern.compile("^(物业|小区|会所|中庭|地库)");

  /**
   * A venue where a claim is pressed within a few characters after {@code from} (「去售楼部」「到住建局门口」);
   * going to the property office or around the estate is routine.
   */
  static boolean venueAfter(String text, int from, int to) {
    Matcher m = PLACE.matcher(text).region(from, Math.min(to, from + 8));
    m.useTransparentBounds(true);
    return m.find() && m.start() - from <= 4 && !ROUTINE_VENUE.matcher(m.group()).find();
  }

  static boolean pastSuffix(String text, int from, int to) {
    return from < to && PAST_SUFFIX.matcher(text).region(from, to).lookingAt();
  }

  static boolean firstPersonSingular(String text, int from, int to) {
    return I.matcher(text).region(from, to).find();
  }

  static boolean relativeTime(String sentence) {
    return RELATIVE_TIME.matcher(sentence).find();
  }

  static boolean venue(String sentence) {
    return PLACE.matcher(sentence).find();
  }

  /**
   * True when the media word at {@code at} lies in somebody else's advice to go to the press
   * (「接线员说…就找新闻媒体」), names the message board itself (「贵网这一权威媒体」) or a regulator naming offenders
   * (「住建局通报曝光」): GUIDE.md counts none of them as media involvement.
   */
  static boolean notInvolvement(String text, int from, int to, int at) {
    for (Pattern p : new Pattern[] {ADVICE, BOARD, REGULATOR_EXPOSE}) {
      Matcher m = p.matcher(text).region(from, to);
      while (m.find()) {
        if (m.start() <= at && at < m.end()) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Adds the media-specific tags of sentence {@code [from, to)}: byline, advice, board, regulator,
   * outlet receiving.
   */
  static void mediaContext(String text, int from, int to, Set<String> tags) {
    String s = text.substring(from, to);
    if (BYLINE.matcher(s).find()) {
      tags.add("by");
    }
    if (ADVICE.matcher(s).find()) {
      tags.add("adv");
    }
    if (BOARD.matcher(s).find()) {
      tags.add("board");
    }
    if (REGULATOR_EXPOSE.matcher(s).find()) {
      tags.add("reg");
    }
    if (TO_OUTLET.matcher(s).find()) {
      tags.add("out");
    }
  }
}
