package dev.yuqing.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegexesTest {
  private static List<String> all(Pattern p, String text) {
    List<String> out = new ArrayList<>();
    Matcher m = p.matcher(text);
    while (m.find()) {
      out.add(m.start() + ":" + m.group());
    }
    return out;
  }

  /** The first-character check finds exactly what the bare expression finds. */
  @ParameterizedTest(name = "{0} in {2}")
  @CsvSource(
      delimiter = ';',
      value = {
        "记者|本报讯|\\d{1,2}日电;记本0123456789;本报讯（记者 王）3日电，记者说",
        "(非常)?感谢|[（(]组?图[)）];非感（(;非常感谢（组图）感谢(图)",
        "a-b|\\]x|^y;a]y^-;y a-b ]x",
        "(大家|全体)[^。]{0,4}集合;大全;大家明天集合。全体业主一起集合",
      })
  void sameMatches(String regex, String first, String text) {
    assertThat(all(Regexes.firstChars(first, regex), text))
        .isEqualTo(all(Pattern.compile(regex), text))
        .isNotEmpty();
  }
}
