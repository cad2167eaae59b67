package dev.yuqing.crawler.extract;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the dates pages print: ISO 8601, RFC 822 (feeds), {@code 2024-05-01 10:00}, {@code
 * 2024/5/1}, {@code 2024年5月1日 10时15分}, {@code 7/5/2005} (month first unless told the page writes
 * the day first), {@code September 10th, 2005 10:56 am}, dates without a year ({@code 05-01 10:00}:
 * the latest such date not after now), Unix timestamps, and relative ones ({@code 刚刚}, {@code
 * 3分钟前}, {@code 半小时前}, {@code 昨天 10:15}, {@code 前天}). Times without a zone are in {@code zone};
 * "now" is the injected clock. Immutable and thread-safe.
 */
public final class Dates {
  private final Clock clock;
  private final ZoneId zone;
  private final boolean dayFirst;

  public Dates(Clock clock, ZoneId zone) {
    this(clock, zone, false);
  }

  private Dates(Clock clock, ZoneId zone, boolean dayFirst) {
    this.clock = clock;
    this.zone = zone;
    this.dayFirst = dayFirst;
  }

  public ZoneId zone() {
    return zone;
  }

  /** Now, by the injected clock. */
  public Instant now() {
    return clock.instant();
  }

  /** These dates reading {@code 06/02/2022} as 6 February ({@code true}) or as June 2nd. */
  public Dates dayFirst(boolean first) {
    return first == dayFirst ? this : new Dates(clock, zone, first);
  }

  /** Whether {@code text} holds a numeric date that reads both ways (06/02/2022). */
  public static boolean readsBothWays(String text) {
    Matcher m = NUMERIC.matcher(text);
    while (m.find()) {
      int a = Integer.parseInt(m.group(1));
      int b = Integer.parseInt(m.group(3));
      if (a != b && a <= 12 && b <= 12) {
        return true;
      }
    }
    return false;
  }

  /**
   * How {@code text} writes numeric dates, from the ones no reading but one fits ({@code
   * 13/02/2022} is day first, {@code 02/13/2022} month first); null when none decides or they
   * disagree.
   */
  public static Boolean dayFirstIn(String text) {
    boolean day = false;
    boolean month = false;
    Matcher m = NUMERIC.matcher(text);
    while (m.find()) {
      int a = Integer.parseInt(m.group(1));
      int b = Integer.parseInt(m.group(3));
      day |= a > 12 && a <= 31 && b <= 12;
      month |= b > 12 && b <= 31 && a <= 12;
    }
    return day == month ? null : day;
  }

  private static final String TIME =
      "(?:[\\sT]*(\\d{1,2})[:：时時点點](\\d{1,2})(?:[:：分](\\d{1,2})(?:\\.\\d+)?)?秒?)?";
  private static final String OFFSET = "\\s*(Z|[+-]\\d{2}:?\\d{2}|GMT|UTC|CST)?";

  /** 2024-05-01 10:00:00, 2024/5/1, 2024.05.01, 2024年5月1日 10:15, with optional offset. */
  private static final Pattern FULL =
      Pattern.compile(
          "(?<!\\d)((?:19|20)\\d{2})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})(?!\\d)\\s*[日号號]?"
              + TIME
              + OFFSET);

  private static final String AMPM = "(?:\\s*([ap])\\.?m\\.?(?![a-z]))?";

  /** 7/5/2005, 06.02.2022 – 13:48, 05-07-2005 10:00 pm: day and month in the page's order. */
  private static final Pattern NUMERIC =
      Pattern.compile(
          "(?<![\\d/.\\-])(\\d{1,2})\\s*([/.\\-])\\s*(\\d{1,2})\\s*\\2\\s*((?:19|20)\\d{2})(?![\\d/.\\-])"
              + "(?:[\\s,T\\-–]*(\\d{1,2}):(\\d{2})(?::(\\d{2}))?"
              + AMPM
              + ")?",
          Pattern.CASE_INSENSITIVE);

  private static final String MONTH_NAME =
      "(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?";
  private static final String EN_TIME =
      "(?:[\\s,]*(?:at\\s*)?(\\d{1,2}):(\\d{2})(?::(\\d{2}))?" + AMPM + ")?";

  /** September 10th, 2005 10:56 am; Dec 28 Sat 2013 00:28. */
  private static final Pattern MONTH_DAY_YEAR =
      Pattern.compile(
          "\\b"
              + MONTH_NAME
              + "\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(?:[a-z]{3}[a-z]*,?\\s+)?((?:19|20)\\d{2})\\b"
              + EN_TIME,
          Pattern.CASE_INSENSITIVE);

  /** 10 September 2005, 1st Dec. 2013. */
  private static final Pattern DAY_MONTH_YEAR =
      Pattern.compile(
          "\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+" + MONTH_NAME + ",?\\s+((?:19|20)\\d{2})\\b" + EN_TIME,
          Pattern.CASE_INSENSITIVE);

  /** 05-01 10:00 and 5月1日 10:15: no year. */
  private static final Pattern NO_YEAR =
      Pattern.compile(
          "(?<![\\d.\\-/])(\\d{1,2})\\s*[-/月]\\s*(\\d{1,2})(?!\\d)\\s*[日号號]?"
              + "(?:[\\sT]*(\\d{1,2})[:：](\\d{2})(?:[:：](\\d{2}))?)");

  private static final Pattern NO_YEAR_CN =
      Pattern.compile("(?<!\\d)(\\d{1,2})月(\\d{1,2})[日号號]" + TIME);

  /** Wed, 01 May 2024 10:00:00 +0800 (RFC 822 as feeds write it, leniently). */
  private static final Pattern RFC822 =
      Pattern.compile(
          "(?:[A-Za-z]{3},?\\s+)?(\\d{1,2})\\s+([A-Za-z]{3})[a-z]*\\s+(\\d{2,4})\\s+"
              + "(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*([+-]\\d{4}|[A-Z]{1,4})?");

  /** Thu May 02 10:00:00 +0800 2024 (Weibo and Twitter APIs). */
  private static final Pattern ASCTIME =
      Pattern.compile(
          "[A-Za-z]{3}\\s+([A-Za-z]{3})\\s+(\\d{1,2})\\s+(\\d{1,2}):(\\d{2}):(\\d{2})\\s+"
              + "([+-]\\d{4}|[A-Z]{1,4})?\\s*(\\d{4})");

  private static final Pattern RELATIVE =
      Pattern.compile(
          "(\\d+|半|[一二两兩三四五六七八九十]+)\\s*(?:个|個)?\\s*"
              + "(秒|分钟|分鐘|分|小时|小時|钟头|鐘頭|天|日|周|週|星期|月|年)\\s*(?:之)?前");

  private static final Pattern DAY_WORD =
      Pattern.compile("(刚刚|剛剛|刚才|剛才|今天|今日|昨天|昨日|前天)(?:\\s*(\\d{1,2})[:：](\\d{2}))?");

  private static final Pattern UNIX = Pattern.compile("\\d{10}|\\d{13}");

  private static final Map<String, Integer> MONTHS =
      Map.ofEntries(
          Map.entry("jan", 1),
          Map.entry("feb", 2),
          Map.entry("mar", 3),
          Map.entry("apr", 4),
          Map.entry("may", 5),
          Map.entry("jun", 6),
          Map.entry("jul", 7),
          Map.entry("aug", 8),
          Map.entry("sep", 9),
          Map.entry("oct", 10),
          Map.entry("nov", 11),
          Map.entry("dec", 12));

  /** A date the whole of {@code s} denotes (an attribute, a meta tag, a JSON field). */
  public Optional<Instant> parse(String s) {
    if (s == null || s.isBlank()) {
      return Optional.empty();
    }
    String v = s.strip();
    if (UNIX.matcher(v).matches()) {
      long n = Long.parseLong(v);
      return Optional.of(v.length() == 13 ? Instant.ofEpochMilli(n) : Instant.ofEpochSecond(n));
    }
    try {
      return Optional.of(OffsetDateTime.parse(v).toInstant());
    } catch (DateTimeParseException e) {
      // not strict ISO with offset; try the lenient forms
    }
    try {
      return Optional.of(LocalDateTime.parse(v).atZone(zone).toInstant());
    } catch (DateTimeParseException e) {
      // lenient forms below
    }
    Matcher t = Pattern.compile("^(\\d{1,2})[:：](\\d{2})(?::(\\d{2}))?$").matcher(v);
    if (t.matches()) {
      LocalDate today = LocalDate.now(clock.withZone(zone));
      return at(today, t.group(1), t.group(2), t.group(3), null);
    }
    return find(v);
  }

  /** The first date in free text, most specific form first. */
  public Optional<Instant> find(String text) {
    return find(text, true);
  }

  /**
   * The first date written out in free text, relative ones ({@code 刚刚}, {@code 3天前}) left out: in
   * running text they speak of something else than the page's own time.
   */
  public Optional<Instant> findWritten(String text) {
    return find(text, false);
  }

  private Optional<Instant> find(String text, boolean relative) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    Matcher m = FULL.matcher(text);
    while (m.find()) {
      Optional<Instant> r = full(m);
      if (r.isPresent()) {
        return r;
      }
    }
    m = NUMERIC.matcher(text);
    while (m.find()) {
      Optional<Instant> r = numeric(m);
      if (r.isPresent()) {
        return r;
      }
    }
    m = ASCTIME.matcher(text);
    if (m.find()) {
      Integer month = MONTHS.get(m.group(1).toLowerCase(Locale.ROOT));
      if (month != null) {
        try {
          LocalDate d =
              LocalDate.of(Integer.parseInt(m.group(7)), month, Integer.parseInt(m.group(2)));
          Optional<Instant> r = at(d, m.group(3), m.group(4), m.group(5), m.group(6));
          if (r.isPresent()) {
            return r;
          }
        } catch (DateTimeException | NumberFormatException e) {
          // not a date after all
        }
      }
    }
    m = RFC822.matcher(text);
    if (m.find()) {
      Optional<Instant> r = rfc822(m);
      if (r.isPresent()) {
        return r;
      }
    }
    m = MONTH_DAY_YEAR.matcher(text);
    if (m.find()) {
      Optional<Instant> r = named(m.group(3), m.group(1), m.group(2), m, 4);
      if (r.isPresent()) {
        return r;
      }
    }
    m = DAY_MONTH_YEAR.matcher(text);
    if (m.find()) {
      Optional<Instant> r = named(m.group(3), m.group(2), m.group(1), m, 4);
      if (r.isPresent()) {
        return r;
      }
    }
    Optional<Instant> rel = relative ? relative(text) : Optional.empty();
    if (rel.isPresent()) {
      return rel;
    }
    m = NO_YEAR.matcher(text);
    if (m.find()) {
      Optional<Instant> r = noYear(m.group(1), m.group(2), m.group(3), m.group(4), m.group(5));
      if (r.isPresent()) {
        return r;
      }
    }
    m = NO_YEAR_CN.matcher(text);
    if (m.find()) {
      return noYear(m.group(1), m.group(2), m.group(3), m.group(4), m.group(5));
    }
    return Optional.empty();
  }

  private Optional<Instant> full(Matcher m) {
    try {
      LocalDate d =
          LocalDate.of(
              Integer.parseInt(m.group(1)),
              Integer.parseInt(m.group(2)),
              Integer.parseInt(m.group(3)));
      return at(d, m.group(4), m.group(5), m.group(6), m.group(7));
    } catch (DateTimeException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  private Optional<Instant> numeric(Matcher m) {
    int a = Integer.parseInt(m.group(1));
    int b = Integer.parseInt(m.group(3));
    // the reading the page uses, unless only the other one is a date
    boolean df = dayFirst;
    if (a > 12 && b <= 12) {
      df = true;
    } else if (b > 12 && a <= 12) {
      df = false;
    }
    int day = df ? a : b;
    int month = df ? b : a;
    try {
      LocalDate d = LocalDate.of(Integer.parseInt(m.group(4)), month, day);
      return at(d, hour(m.group(5), m.group(8)), m.group(6), m.group(7), null);
    } catch (DateTimeException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** A date with its month by name; the time groups start at {@code timeGroup}. */
  private Optional<Instant> named(String year, String month, String day, Matcher m, int timeGroup) {
    Integer mo = MONTHS.get(month.toLowerCase(Locale.ROOT));
    if (mo == null) {
      return Optional.empty();
    }
    try {
      LocalDate d = LocalDate.of(Integer.parseInt(year), mo, Integer.parseInt(day));
      return at(
          d,
          hour(m.group(timeGroup), m.group(timeGroup + 3)),
          m.group(timeGroup + 1),
          m.group(timeGroup + 2),
          null);
    } catch (DateTimeException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** A 12-hour clock's hour on the 24-hour clock: 12 am is 0, 1 pm is 13. */
  private static String hour(String h, String ampm) {
    if (h == null || ampm == null) {
      return h;
    }
    int v = Integer.parseInt(h) % 12;
    return Integer.toString(ampm.equalsIgnoreCase("p") ? v + 12 : v);
  }

  private Optional<Instant> at(LocalDate d, String h, String min, String sec, String offset) {
    try {
      LocalTime t =
          h == null
              ? LocalTime.MIDNIGHT
              : LocalTime.of(
                  Integer.parseInt(h),
                  Integer.parseInt(min),
                  sec == null ? 0 : Integer.parseInt(sec));
      ZoneId z = offsetZone(offset);
      return Optional.of(ZonedDateTime.of(d, t, z).toInstant());
    } catch (DateTimeException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  private ZoneId offsetZone(String offset) {
    if (offset == null) {
      return zone;
    }
    String o = offset.strip().toUpperCase(Locale.ROOT);
    switch (o) {
      case "Z", "GMT", "UTC", "UT":
        return ZoneOffset.UTC;
      case "CST":
        return ZoneOffset.ofHours(8); // on Chinese pages CST is China Standard Time
      case "EST":
        return ZoneOffset.ofHours(-5);
      case "EDT":
        return ZoneOffset.ofHours(-4);
      case "PST":
        return ZoneOffset.ofHours(-8);
      case "PDT":
        return ZoneOffset.ofHours(-7);
      default:
        break;
    }
    if (o.matches("[+-]\\d{2}:?\\d{2}")) {
      String c = o.replace(":", "");
      return ZoneOffset.ofHoursMinutes(
          Integer.parseInt(c.substring(0, 3)), Integer.parseInt(c.charAt(0) + c.substring(3, 5)));
    }
    return zone;
  }

  private Optional<Instant> rfc822(Matcher m) {
    Integer month = MONTHS.get(m.group(2).toLowerCase(Locale.ROOT));
    if (month == null) {
      return Optional.empty();
    }
    try {
      int year = Integer.parseInt(m.group(3));
      if (year < 100) {
        year += year < 70 ? 2000 : 1900;
      }
      LocalDate d = LocalDate.of(year, month, Integer.parseInt(m.group(1)));
      String off = m.group(7) == null ? "GMT" : m.group(7);
      return at(d, m.group(4), m.group(5), m.group(6), off);
    } catch (DateTimeException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  private Optional<Instant> noYear(String mo, String day, String h, String min, String sec) {
    ZonedDateTime now = ZonedDateTime.now(clock.withZone(zone));
    try {
      LocalDate d = LocalDate.of(now.getYear(), Integer.parseInt(mo), Integer.parseInt(day));
      Optional<Instant> r = at(d, h, min, sec, null);
      if (r.isPresent() && r.get().isAfter(now.toInstant().plus(1, ChronoUnit.DAYS))) {
        // "12-30 10:00" read on 2 January is last year's
        r = at(d.minusYears(1), h, min, sec, null);
      }
      return r;
    } catch (DateTimeException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  private Optional<Instant> relative(String text) {
    ZonedDateTime now = ZonedDateTime.now(clock.withZone(zone));
    Matcher m = RELATIVE.matcher(text);
    if (m.find()) {
      String n = m.group(1);
      boolean half = n.equals("半");
      long amount = half ? 0 : number(n);
      if (amount < 0) {
        return Optional.empty();
      }
      ZonedDateTime t =
          switch (m.group(2)) {
            case "秒" -> now.minusSeconds(amount);
            case "分钟", "分鐘", "分" -> now.minusMinutes(half ? 0 : amount).minusSeconds(half ? 30 : 0);
            case "小时", "小時", "钟头", "鐘頭" -> half ? now.minusMinutes(30) : now.minusHours(amount);
            case "天", "日" -> half ? now.minusHours(12) : now.minusDays(amount);
            case "周", "週", "星期" -> now.minusWeeks(amount);
            case "月" -> half ? now.minusDays(15) : now.minusMonths(amount);
            default -> half ? now.minusMonths(6) : now.minusYears(amount);
          };
      return Optional.of(t.toInstant());
    }
    m = DAY_WORD.matcher(text);
    if (m.find()) {
      String w = m.group(1);
      if (w.startsWith("刚") || w.startsWith("剛")) {
        return Optional.of(now.toInstant());
      }
      int back = w.startsWith("前") ? 2 : w.startsWith("昨") ? 1 : 0;
      LocalDate d = now.toLocalDate().minusDays(back);
      if (m.group(2) == null) {
        return back == 0 ? Optional.empty() : at(d, null, null, null, null);
      }
      return at(d, m.group(2), m.group(3), null, null);
    }
    return Optional.empty();
  }

  /** Arabic or small Chinese numerals (一 … 九十九); -1 when unreadable. */
  static long number(String s) {
    if (s.chars().allMatch(Character::isDigit)) {
      return Long.parseLong(s);
    }
    String digits = "零一二三四五六七八九";
    long total = 0;
    long cur = 0;
    for (char c : s.toCharArray()) {
      if (c == '两' || c == '兩') {
        cur = 2;
      } else if (digits.indexOf(c) >= 0) {
        cur = digits.indexOf(c);
      } else if (c == '十') {
        total += (cur == 0 ? 1 : cur) * 10;
        cur = 0;
      } else {
        return -1;
      }
    }
    return total + cur;
  }
}
