package dev.yuqing.crawler.fetch;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The rules of one robots.txt for one crawler (RFC 9309): the groups naming our product token
 * (case-insensitive), else the {@code *} groups; the longest matching rule wins, allow wins a tie;
 * {@code *} matches any run of characters and a final {@code $} anchors the end. A non-standard
 * {@code Crawl-delay} of the chosen group is kept. Immutable.
 */
public final class RobotsTxt {
  /** Everything allowed: no robots.txt (4xx). */
  public static final RobotsTxt ALLOW_ALL = new RobotsTxt(List.of(), null);

  /** Everything disallowed: robots.txt unreachable (5xx, network error), per RFC 9309 §2.3.1.4. */
  public static final RobotsTxt DISALLOW_ALL = new RobotsTxt(List.of(new Rule(false, "/")), null);

  /** RFC 9309 asks parsers to read at least 500 KiB; more is not read. */
  static final int MAX_BYTES = 500 * 1024;

  private final List<Rule> rules;
  private final Duration crawlDelay;

  private RobotsTxt(List<Rule> rules, Duration crawlDelay) {
    this.rules = rules;
    this.crawlDelay = crawlDelay;
  }

  record Rule(boolean allow, String pattern) {}

  /** Crawl-delay of the chosen group, or null. */
  public Duration crawlDelay() {
    return crawlDelay;
  }

  /** The product token robots.txt groups are matched against: {@code yuqing/0.1 (…)} → yuqing. */
  public static String productToken(String userAgent) {
    String t = userAgent.strip();
    int cut = 0;
    while (cut < t.length()
        && (Character.isLetterOrDigit(t.charAt(cut)) || "-_".indexOf(t.charAt(cut)) >= 0)) {
      cut++;
    }
    return t.substring(0, cut).toLowerCase(Locale.ROOT);
  }

  /** Parses robots.txt text for the crawler named {@code productToken}. */
  public static RobotsTxt parse(String text, String productToken) {
    String token = productToken.toLowerCase(Locale.ROOT);
    List<Rule> mine = new ArrayList<>();
    List<Rule> star = new ArrayList<>();
    Duration mineDelay = null;
    Duration starDelay = null;
    boolean foundMine = false;
    boolean foundStar = false;
    // the group being read: which agents it names, and whether the last line was a user-agent
    boolean groupMine = false;
    boolean groupStar = false;
    boolean inAgents = false;
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    for (String raw : text.split("\r\n|\r|\n")) {
      int hash = raw.indexOf('#');
      String line = (hash >= 0 ? raw.substring(0, hash) : raw).strip();
      int colon = line.indexOf(':');
      if (colon <= 0) {
        continue;
      }
      String key = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
      String value = line.substring(colon + 1).strip();
      switch (key) {
        case "user-agent" -> {
          if (!inAgents) {
            groupMine = false;
            groupStar = false;
            inAgents = true;
          }
          String agent = productToken(value.isEmpty() ? "" : value);
          if (value.equals("*")) {
            groupStar = true;
            foundStar = true;
          } else if (!agent.isEmpty() && agent.equals(token)) {
            groupMine = true;
            foundMine = true;
          }
        }
        case "allow", "disallow" -> {
          inAgents = false;
          if (value.isEmpty()) {
            continue; // "Disallow:" with no path allows everything
          }
          Rule r = new Rule(key.equals("allow"), normalise(value));
          if (groupMine) {
            mine.add(r);
          }
          if (groupStar) {
            star.add(r);
          }
        }
        case "crawl-delay" -> {
          inAgents = false;
          Duration d = parseDelay(value);
          if (groupMine && d != null) {
            mineDelay = d;
          }
          if (groupStar && d != null) {
            starDelay = d;
          }
        }
        default -> inAgents = false; // sitemap and unknown lines end the user-agent run
      }
    }
    if (foundMine) {
      return new RobotsTxt(List.copyOf(mine), mineDelay);
    }
    if (foundStar) {
      return new RobotsTxt(List.copyOf(star), starDelay);
    }
    return ALLOW_ALL;
  }

  private static Duration parseDelay(String v) {
    try {
      double s = Double.parseDouble(v);
      if (s < 0 || s > 3600) {
        return null;
      }
      return Duration.ofMillis((long) (s * 1000));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Whether a path (with its query, percent-encoded as in the URL) may be fetched. */
  public boolean allowed(String pathAndQuery) {
    String path = pathAndQuery == null || pathAndQuery.isEmpty() ? "/" : normalise(pathAndQuery);
    if (path.equals("/robots.txt")) {
      return true;
    }
    Rule best = null;
    for (Rule r : rules) {
      if (matches(r.pattern, path)) {
        if (best == null
            || r.pattern.length() > best.pattern.length()
            || (r.pattern.length() == best.pattern.length() && r.allow && !best.allow)) {
          best = r;
        }
      }
    }
    return best == null || best.allow;
  }

  /**
   * Pattern match with {@code *} (any run) and a trailing {@code $} (end of path). Greedy matching
   * with backtracking to the last star: linear in practice, never exponential on hostile patterns.
   */
  static boolean matches(String pattern, String path) {
    boolean anchored = pattern.endsWith("$");
    String p = anchored ? pattern.substring(0, pattern.length() - 1) : pattern + "*";
    int pi = 0;
    int si = 0;
    int star = -1;
    int mark = 0;
    while (si < path.length()) {
      if (pi < p.length() && p.charAt(pi) != '*' && p.charAt(pi) == path.charAt(si)) {
        pi++;
        si++;
      } else if (pi < p.length() && p.charAt(pi) == '*') {
        star = pi++;
        mark = si;
      } else if (star >= 0) {
        pi = star + 1;
        si = ++mark;
      } else {
        return false;
      }
    }
    while (pi < p.length() && p.charAt(pi) == '*') {
      pi++;
    }
    return pi == p.length();
  }

  /**
   * Percent-encodes non-ASCII characters as UTF-8 and upper-cases existing escapes, so that a
   * pattern written with raw Chinese characters matches the encoded path and the reverse.
   */
  static String normalise(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '%' && i + 2 < s.length() && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2))) {
        sb.append('%')
            .append(Character.toUpperCase(s.charAt(i + 1)))
            .append(Character.toUpperCase(s.charAt(i + 2)));
        i += 3;
      } else if (c < 0x80) {
        sb.append(c);
        i++;
      } else {
        int end = Character.isHighSurrogate(c) && i + 1 < s.length() ? i + 2 : i + 1;
        for (byte b : s.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
          sb.append('%').append(String.format("%02X", b & 0xFF));
        }
        i = end;
      }
    }
    return sb.toString();
  }

  private static boolean isHex(char c) {
    return Character.digit(c, 16) >= 0;
  }
}
