package dev.yuqing.analysis;

import dev.yuqing.core.Signals;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Early-warning signals (DOMAIN.md 苗头性问题) from a normalised text: mobilisation with its time and
 * place, media and government involvement, emotional intensity and critical words. Rules, no I/O;
 * thread-safe.
 */
final class SignalDetector {
  /** Who is called on or who acts: a group, not one writer. */
  private static final String GROUP =
      "(大家|各位业主|各位邻居|全体业主|所有业主|广大业主|业主们|邻居们|兄弟姐妹们|我们全体|全体" + "|受害业主|业主朋友们|我们业主|众业主)";

  /** Collective acts a group calls for or announces. */
  private static final String ACT =
      "(一起|一同|集合|集体|到场|静坐|上访|拉横幅|堵门|堵路|围堵|聚集|签名|报名|团结起来|统一行动" + "|维权|起诉|投诉|抵制|拒交|拒收|去|前往|讨说法|要说法)";

  private static final Pattern CALL =
      Regexes.firstChars(
          "大各全所广业邻兄我受众号呼召组相约一明统联转求接报准",
          GROUP
              + "([^。！？!?]{0,16}?(将|会|要|必须|务必|准备|打算|决定|一起|请|速|马上|立即)"
              // 都 speaks of the group only in the group's own clause: in 「大家先拍照，时间都记下来，
              // 再去物业登记」 it belongs to another subject
              + "|[^。！？!?，,；;]{0,16}?都)"
              + "[^。！？!?]{0,14}?"
              + ACT
              + "|(号召|呼吁|召集|组织)(大家|业主|全体)|相约|约好|组团|一起去|一起到|明天一起|统一时间"
              + "|联名|转发扩散|求扩散|接龙|报名参加|准时到");

  /** A time followed by a gathering: 「周六上午九点售楼部门口集合」. */
  private static final Pattern GATHERING =
      Pattern.compile("[^。！？!?]{0,14}?(集合|集中|碰头|到场|静坐|拉横幅|出发|不见不散)");

  private static final Pattern CALL_WORD = Pattern.compile("请|大家|各位|一起|务必|准时|届时|欢迎");

  /** A dated event (2018年3月5日…集合) is a report of the past, not a call. */
  private static final Pattern YEAR = Pattern.compile("\\d{4}年\\s*$");

  /** A past act (业主集合媒体上门了一次) is a report, not a call. */
  private static final Pattern PAST = Pattern.compile("^[^。！？!?]{0,12}(了一次|过一次|了|过)");

  private static final Pattern TIME =
      Regexes.firstChars(
          "今明后本下这周星礼0123456789早上中傍晚",
          "((今天|明天|后天|今晚|明早|明晚|本周[一二三四五六日天末]|下周[一二三四五六日天]|这周[一二三四五六日天末]"
              + "|周[一二三四五六日天末]|星期[一二三四五六日天]|礼拜[一二三四五六日天]"
              + "|\\d{1,2}月\\d{1,2}[日号]|\\d{1,2}[日号])"
              + "(早上|上午|中午|下午|傍晚|晚上|早)?"
              + "([零一二三四五六七八九十两\\d]{1,3}([点时:：]([零一二三四五六七八九十\\d]{1,2}分?|半|整)?))?"
              + "|(早上|上午|中午|下午|傍晚|晚上)[零一二三四五六七八九十两\\d]{1,3}[点时](半|整)?)");

  /** Where a group meets: a known venue with an optional spot in front of it (售楼部门口). */
  private static final Pattern PLACE =
      Pattern.compile(
          "(售楼部|售楼处|营销中心|住建局|住建委|房管局|信访局|信访办|市政府|区政府|县政府|政府|街道办"
              + "|法院|项目部|工地|物业公司|物业服务中心|物业中心|物业|开发商|小区|会所|中庭|地库)"
              + "(东门|南门|西门|北门|正门|大门口|门口|门前|大门|楼下|广场|大厅|办公室|会议室)?"
              // after 在/到/去, any named spot before a gate or a square: 「在市民广场」「到3栋楼下」
              + "|(?<=[在到去于至赴])[\\p{IsHan}\\dA-Za-z]{1,6}?(东门|南门|西门|北门|正门|大门口|门口|门前|楼下|广场)");

  private static final Pattern MEDIA =
      Regexes.firstChars(
          "媒电频热报上新曝找联记采焦舆央向致本",
          "向本报|致电本报|本报热线|本报接到|媒体|电视台|频道|热搜|报社|上新闻|新闻|曝光|找记者|联系记者|记者|采访|焦点访谈|舆论|央视|报道");

  private static final Cues MEDIA_WORDS =
      Cues.of("向本报|致电本报|本报热线|本报接到|媒体|电视台|频道|热搜|报社|新闻|曝光|记者|采访|焦点访谈|舆论|央视|报道");

  private static final Cues GATHERING_HINTS = Cues.of("集合|集中|碰头|到场|静坐|拉横幅|出发|不见不散");

  /** Words without which no call to act together is read (a fast first check). */
  private static final Cues CALL_HINTS =
      Cues.of(
          "大家|各位|全体|所有业主|广大业主|业主们|邻居们|兄弟姐妹|我们业主|众业主|受害业主|号召|呼吁|召集"
              + "|组织|相约|约好|组团|一起|统一时间|联名|扩散|接龙|报名|准时|集合|集中|碰头|到场|静坐"
              + "|拉横幅|出发|不见不散");

  /**
   * A news byline or a reporter's own verbs: the outlet wrote it, nobody brought journalists in.
   */
  private static final Pattern BYLINE =
      Regexes.firstChars(
          "本每晚晨中新记（(告向对问接据有媒日我",
          "(本报|本台|每经|晨报|晚报|中新网|新华网|中新社)?记者\\s*[\\p{IsHan}]{2,3}[\\s)）]"
              + "|（记者|\\(记者|本报记者|记者[^。，]{0,6}(了解|获悉|调查|统计|发现|注意到|从|问|就此|在采访中)"
              + "|(告诉|向|对|问)记者"
              + "|对[^。]{0,12}记者(表示|说|分析)|告诉记者|记者采访|接受[^。]{0,8}采访"
              + "|记者\\s+[\\p{IsHan}]{2,3}|据记者|(有|据)媒体(报道|认为|称)|媒体报道称"
              + "|本报讯|晚报讯|日电|我要评论|新闻稿");

  /** The form of a newspaper's own report: datelines, bylines, picture-story tags. */
  private static final Pattern REPORT_FORM =
      Regexes.firstChars(
          "（(本晨晚0123456789中新每",
          "[（(]组?图[)）]|本报讯|[晨晚]报讯|\\d{1,2}日电|中新社|新华社|中新网|本报记者|每经记者|[（(]记者\\s*[\\p{IsHan}]{2,3}");

  /** The message board itself is not media (「通过平台这一权威媒体」). */
  private static final Pattern BOARD = Pattern.compile("(平台|网站|本网|贵网|权威)[^。，]{0,6}媒体");

  /**
   * Someone else telling the writer to go to the press (「接线员说…就找新闻媒体」) is advice, not involvement;
   * the writer's own threat (「再不解决就找电视台曝光」) is read as involvement.
   */
  private static final Pattern ADVICE =
      Pattern.compile(
          "(他|她|他们|她们|对方|工作人员|客服|接线员|话务员|领导|处长|科长|主任|经理|物业|开发商)"
              + "[^。！？!?]{0,4}(说|称|表示|建议|让|叫|要我们|要求我们)[^。！？!?]{0,40}?"
              + "(去找|找|联系|求助)(新闻)?(媒体|记者|电视台|报社)");

  /** 「曝」 by a regulator naming offenders is not media exposure. */
  private static final Pattern REGULATOR_EXPOSE =
      Pattern.compile("(住建委|住建局|房管局|监管|部门|通报)[^。]{0,10}(再曝|曝光)");

  private static final Cues GOVERNMENT =
      Cues.of(
          "住建局|住建委|住建部|房管局|信访|上访|12345|市长热线|市民热线|政务|街道办|国土局|规划局|城管"
              + "|法院|纪委|人大|政协|派出所|公安|消防|教育局|环保局|市场监管|市政府|区政府|县政府|政府");

  private static final Cues STRONG =
      Cues.of(
          "无良|黑心|欺诈|骗子|坑人|坑害|霸道|猖狂|嚣张|无耻|可耻|忍无可忍|无法忍受|苦不堪言|走投无路"
              + "|投诉无门|求助无门|血本无归|草菅人命|丧尽天良|天理何在|还有没有王法|欺人太甚|滚");
  private static final List<String> CRITICAL =
      List.of(
          "跳楼", "自杀", "轻生", "以死", "同归于尽", "拼命", "堵路", "堵门", "拉横幅", "静坐", "打人", "流血", "出人命", "死人",
          "围堵", "冲突", "报复", "泼油漆", "绝食", "下跪");

  /** Signals of a normalised text. {@code negative} is the text's sentiment. */
  Signals detect(String text, boolean negative) {
    Mobilization mob = mobilization(text);
    boolean media = media(text, negative);
    boolean government = GOVERNMENT.in(text);
    List<String> critical = new ArrayList<>();
    for (String w : CRITICAL) {
      if (text.contains(w)) {
        critical.add(w);
      }
    }
    return new Signals(
        mob.found,
        mob.time,
        mob.place,
        media,
        false,
        government,
        intensity(text, critical),
        critical,
        List.of());
  }

  private record Mobilization(boolean found, String time, String place) {}

  private static Mobilization mobilization(String text) {
    if (!CALL_HINTS.in(text)) {
      return new Mobilization(false, null, null);
    }
    Matcher t0 = TIME.matcher(GATHERING_HINTS.in(text) ? text : "");
    while (t0.find()) {
      if (t0.group().isEmpty()) {
        continue;
      }
      Matcher g = GATHERING.matcher(text).region(t0.end(), text.length());
      String before = text.substring(Math.max(0, t0.start() - 6), t0.start());
      // an absolute date (12月5日业主代表集中去市政府) usually reports the past; a call names a
      // day relative to now (明天, 周六) or says who is called
      boolean absolute = t0.group().contains("月") || t0.group().matches("^\\d.*");
      if (g.lookingAt()
          && !YEAR.matcher(before).find()
          && (!absolute || CALL_WORD.matcher(sentenceAround(text, t0.start())).find())) {
        // the place sits between the time and the gathering verb (周六上午九点售楼部门口集合), or
        // else in the same clause
        String place = place(text, t0.end(), g.end(), g.end());
        return new Mobilization(true, t0.group(), place);
      }
    }
    Matcher m = CALL.matcher(text);
    while (m.find()) {
      String after = text.substring(m.end(), Math.min(text.length(), m.end() + 14));
      if (PAST.matcher(after).find() && !m.group().contains("联名")) {
        continue;
      }
      // time and place are read from the sentence of the call
      int from = sentenceStart(text, m.start());
      int to = sentenceEnd(text, m.end());
      String sentence = text.substring(from, to);
      Matcher t = TIME.matcher(sentence);
      String time = t.find() ? t.group() : null;
      return new Mobilization(true, time, place(text, m.start(), m.end(), m.end()));
    }
    return new Mobilization(false, null, null);
  }

  /**
   * The place of a call: a venue in {@code [from, to)} (the words of the call itself), else the
   * venue of the call's clause nearest to {@code anchor} (the act), else that of its sentence. A
   * venue merely mentioned earlier in the sentence (「光找物业登记没用，周六…售楼部门口集合」) loses to the one next to
   * the act.
   */
  static String place(String text, int from, int to, int anchor) {
    String p = nearest(text, from, to, anchor);
    if (p == null) {
      p = nearest(text, clauseStart(text, from), clauseEnd(text, to), anchor);
    }
    if (p == null) {
      p = nearest(text, sentenceStart(text, from), sentenceEnd(text, to), anchor);
    }
    return p;
  }

  private static String nearest(String text, int from, int to, int anchor) {
    Matcher p = PLACE.matcher(text).region(from, to).useTransparentBounds(true);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    while (p.find()) {
      int distance = p.end() <= anchor ? anchor - p.end() : p.start() - anchor;
      distance = Math.abs(distance);
      if (distance < bestDistance) {
        best = p.group();
        bestDistance = distance;
      }
    }
    return best;
  }

  private static int clauseStart(String s, int i) {
    for (int k = Math.min(i, s.length()) - 1; k >= 0; k--) {
      if ("。！？!?\n，,；;".indexOf(s.charAt(k)) >= 0) {
        return k + 1;
      }
    }
    return 0;
  }

  private static int clauseEnd(String s, int i) {
    for (int k = i; k < s.length(); k++) {
      if ("。！？!?\n，,；;".indexOf(s.charAt(k)) >= 0) {
        return k;
      }
    }
    return s.length();
  }

  private static String sentenceAround(String s, int i) {
    return s.substring(sentenceStart(s, i), sentenceEnd(s, i));
  }

  private static int sentenceStart(String s, int i) {
    for (int k = i - 1; k >= 0; k--) {
      if ("。！？!?\n".indexOf(s.charAt(k)) >= 0) {
        return k + 1;
      }
    }
    return 0;
  }

  private static int sentenceEnd(String s, int i) {
    for (int k = i; k < s.length(); k++) {
      if ("。！？!?\n".indexOf(s.charAt(k)) >= 0) {
        return k;
      }
    }
    return s.length();
  }

  /**
   * Media involvement: journalists, outlets or exposure brought into the matter. In a news report
   * the reporter's own byline and verbs (记者了解到, 告诉记者) do not count.
   */
  private static boolean media(String text, boolean negative) {
    if (negative && REPORT_FORM.matcher(text).find()) {
      // a newspaper's own report of a grievance (bylines, 「（组图）」) is the exposure itself,
      // whether or not it names journalists again
      return true;
    }
    if (!MEDIA_WORDS.in(text)) {
      return false;
    }
    String cleaned = BYLINE.matcher(text).replaceAll(" ");
    boolean news = !cleaned.equals(text);
    cleaned = REGULATOR_EXPOSE.matcher(cleaned).replaceAll(" ");
    cleaned = BOARD.matcher(cleaned).replaceAll(" ");
    cleaned = ADVICE.matcher(cleaned).replaceAll(" ");
    // in a news report, journalists are part of the story only when it exposes a grievance
    return MEDIA.matcher(cleaned).find() && (!news || negative);
  }

  private static double intensity(String text, List<String> critical) {
    int exclaim = 0;
    int repeated = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '!' || c == '！') {
        exclaim++;
        if (i > 0 && (text.charAt(i - 1) == '!' || text.charAt(i - 1) == '！')) {
          repeated++;
        }
      } else if ((c == '?' || c == '？') && i > 0 && "?？!！".indexOf(text.charAt(i - 1)) >= 0) {
        repeated++;
      }
    }
    int strong = STRONG.count(text);
    double z =
        0.12 * Math.min(exclaim, 10)
            + 0.2 * Math.min(repeated, 5)
            + 0.3 * strong
            + 0.5 * critical.size();
    return Math.round((1 - Math.exp(-z)) * 1000) / 1000.0;
  }
}
