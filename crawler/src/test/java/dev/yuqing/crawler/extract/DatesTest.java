package dev.yuqing.crawler.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DatesTest {
  /** 2024-05-03 10:00 in Shanghai. */
  private final Dates dates =
      new Dates(
          Clock.fixed(Instant.parse("2024-05-03T02:00:00Z"), ZoneOffset.UTC),
          ZoneId.of("Asia/Shanghai"));

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "2024-05-01 10:00|2024-05-01T02:00:00Z",
        "2024-05-01 10:00:30|2024-05-01T02:00:30Z",
        "2024/5/1 8:05|2024-05-01T00:05:00Z",
        "2024.05.01|2024-04-30T16:00:00Z",
        "2024年5月1日|2024-04-30T16:00:00Z",
        "2024年5月1日 10:15|2024-05-01T02:15:00Z",
        "2024年05月01日10时15分|2024-05-01T02:15:00Z",
        "2024-05-01T10:00:00+08:00|2024-05-01T02:00:00Z",
        "2024-05-01T10:00:00Z|2024-05-01T10:00:00Z",
        "2024-05-01T10:00:00|2024-05-01T02:00:00Z",
        "Wed, 01 May 2024 10:00:00 +0800|2024-05-01T02:00:00Z",
        "Wed, 01 May 2024 10:00:00 GMT|2024-05-01T10:00:00Z",
        "1 May 2024 10:00 CST|2024-05-01T02:00:00Z",
        "1714528800|2024-05-01T02:00:00Z",
        "Wed May 01 10:00:00 +0800 2024|2024-05-01T02:00:00Z",
        "1714528800000|2024-05-01T02:00:00Z",
        "05-01 10:00|2024-05-01T02:00:00Z",
        "5月1日 10:00|2024-05-01T02:00:00Z",
        "12-30 10:00|2023-12-30T02:00:00Z",
        "刚刚|2024-05-03T02:00:00Z",
        "3分钟前|2024-05-03T01:57:00Z",
        "3 分鐘前|2024-05-03T01:57:00Z",
        "半小时前|2024-05-03T01:30:00Z",
        "2小时前|2024-05-03T00:00:00Z",
        "三天前|2024-04-30T02:00:00Z",
        "1周前|2024-04-26T02:00:00Z",
        "昨天 10:15|2024-05-02T02:15:00Z",
        "昨天|2024-05-01T16:00:00Z",
        "前天 23:59|2024-05-01T15:59:00Z",
        "今天 08:00|2024-05-03T00:00:00Z",
        "09:40|2024-05-03T01:40:00Z",
        "发表于 2024-4-28 20:00|2024-04-28T12:00:00Z",
        "发布时间：2019-10-08 12:00 来源：新华网|2019-10-08T04:00:00Z",
        "7/5/2005|2005-07-04T16:00:00Z",
        "13/02/2022|2022-02-12T16:00:00Z",
        "02/13/2022 10:00 pm|2022-02-13T14:00:00Z",
        "06.02.2022 – 13:48|2022-06-02T05:48:00Z",
        "Saturday, September 10th, 2005 10:56 am|2005-09-10T02:56:00Z",
        "Dec 28 Sat 2013 00:28|2013-12-27T16:28:00Z",
        "10 September 2005|2005-09-09T16:00:00Z",
        "posted at 12:30 am on March 3, 2021|2021-03-02T16:00:00Z",
      })
  void readsTheDatesPagesPrint(String text, String expected) {
    assertThat(dates.parse(text)).contains(Instant.parse(expected));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {"没有日期的文字", "2024-13-45", "阅读 1234", "第3页", "版本 1.2.3", "31/31/2020"})
  void findsNothingWhereThereIsNoDate(String text) {
    assertThat(dates.parse(text)).isEmpty();
  }

  @Test
  void aPageThatWritesTheDayFirstReadsAmbiguousDatesSo() {
    assertThat(Dates.dayFirstIn("13/02/2022 … 06/02/2022")).isTrue();
    assertThat(Dates.dayFirstIn("02/13/2022 … 06/02/2022")).isFalse();
    assertThat(Dates.dayFirstIn("06/02/2022")).isNull();
    assertThat(Dates.dayFirstIn("13/02/2022 02/13/2022")).isNull();
    assertThat(dates.dayFirst(true).parse("06/02/2022"))
        .contains(Instant.parse("2022-02-05T16:00:00Z"));
    assertThat(dates.parse("06/02/2022")).contains(Instant.parse("2022-06-01T16:00:00Z"));
    // only one reading is a date: the flag does not matter
    assertThat(dates.dayFirst(true).parse("02/13/2022"))
        .contains(Instant.parse("2022-02-12T16:00:00Z"));
    assertThat(Dates.readsBothWays("06/02/2022")).isTrue();
    assertThat(Dates.readsBothWays("13/02/2022 and 2/2/2022")).isFalse();
  }

  @Test
  void writtenDatesLeaveRelativeOnesOut() {
    assertThat(dates.find("刚刚，业主们在售楼处门口")).isPresent();
    assertThat(dates.findWritten("刚刚，业主们在售楼处门口")).isEmpty();
    assertThat(dates.findWritten("三天前 2024年4月28日 10:00"))
        .contains(Instant.parse("2024-04-28T02:00:00Z"));
    assertThat(dates.findWritten("新华社北京5月1日电")).contains(Instant.parse("2024-04-30T16:00:00Z"));
  }
}
