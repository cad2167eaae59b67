package dev.yuqing.analysis;

import java.util.regex.Pattern;

/** Regular expressions that are scanned over whole posts. */
final class Regexes {
  private Regexes() {}

  /**
   * {@code regex}, tried only where the text holds one of {@code first} (every character a match
   * can start with). Java tries each alternative of an alternation at every position; one
   * character-class check first spares that on most positions of a long post and finds the same
   * matches, as long as {@code first} really holds every possible first character.
   */
  static Pattern firstChars(String first, String regex) {
    StringBuilder cls = new StringBuilder();
    first
        .codePoints()
        .forEach(
            cp -> {
              if ("\\[]^-&".indexOf(cp) >= 0) {
                cls.append('\\');
              }
              cls.appendCodePoint(cp);
            });
    return Pattern.compile("(?=[" + cls + "])(?:" + regex + ")");
  }
}
