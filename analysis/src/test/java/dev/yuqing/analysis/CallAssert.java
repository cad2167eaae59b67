package dev.yuqing.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yuqing.core.Signals;

/** The check of the tables of calls to gather: each row a text, its time and its place. */
final class CallAssert {
  private CallAssert() {}

  /**
   * {@code text} is a call to gather at {@code time} and {@code place} as written, '-' for none.
   */
  static void assertCall(Signals s, String text, String time, String place) {
    assertThat(s.mobilization()).as(text).isTrue();
    assertThat(s.mobilizationTime()).as(text).isEqualTo(none(time));
    assertThat(s.mobilizationPlace()).as(text).isEqualTo(none(place));
  }

  private static String none(String s) {
    return "-".equals(s) ? null : s;
  }
}
