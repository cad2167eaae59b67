package dev.yuqing.dashboards.web;

import dev.yuqing.core.SentimentLabel;
import dev.yuqing.core.Topic;
import dev.yuqing.index.SearchRequest;
import dev.yuqing.index.SignalKind;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/** The search page's query string as a {@link SearchRequest}; apart from how results are shown. */
final class SearchForm {
  /** The parameters a next-page link carries on. */
  static final List<String> KEPT =
      List.of("q", "project", "sentiment", "topic", "source", "from", "to", "sort");

  private SearchForm() {}

  /**
   * The request of a query string.
   *
   * @throws BadRequest naming the parameter to fix
   */
  static SearchRequest parse(DashboardExchange x, Dashboard dash) {
    String q = x.param("q");
    String project = x.param("project") == null ? null : dash.project(x.param("project"));
    Set<SentimentLabel> sentiments =
        parseAll(
            x.params("sentiment"),
            SentimentLabel.class,
            SentimentLabel::parse,
            s -> "情感只能是 negative、neutral 或 positive");
    Set<Topic> topics = parseAll(x.params("topic"), Topic.class, Topic::parse, t -> "未知话题：" + t);
    Set<String> sources = x.param("source") == null ? Set.of() : Set.of(x.param("source"));
    Instant from = date(x.param("from"), "起始日期", 0, dash.zone());
    Instant to = date(x.param("to"), "结束日期", 1, dash.zone());
    SearchRequest.Sort sort = null;
    if (x.param("sort") != null) {
      try {
        sort = SearchRequest.Sort.valueOf(x.param("sort").toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new BadRequest("排序只能是 time、relevance 或 engagement");
      }
    }
    Set<SignalKind> signals =
        parseAll(x.params("signal"), SignalKind.class, SignalKind::parse, k -> "未知信号：" + k);
    if (from != null && to != null && !from.isBefore(to)) {
      throw new BadRequest("起始日期应早于结束日期");
    }
    try {
      return SearchRequest.builder()
          .query(q)
          .project(project)
          .from(from)
          .to(to)
          .sentiments(sentiments)
          .topics(topics)
          .sources(sources)
          .author(x.param("author"))
          .signals(signals)
          .sort(sort)
          .size(20)
          .after(x.param("after"))
          .highlight(q != null)
          .build();
    } catch (IllegalArgumentException e) {
      throw new BadRequest("搜索条件有误：" + e.getMessage());
    }
  }

  /** The values of a repeated parameter, blanks skipped; one that does not parse is bad. */
  private static <E extends Enum<E>> Set<E> parseAll(
      List<String> values,
      Class<E> type,
      Function<String, E> parse,
      Function<String, String> problem) {
    Set<E> out = EnumSet.noneOf(type);
    for (String v : values) {
      if (!v.isBlank()) {
        try {
          out.add(parse.apply(v));
        } catch (IllegalArgumentException e) {
          throw new BadRequest(problem.apply(v));
        }
      }
    }
    return out;
  }

  /**
   * A day (2024-05-01: its start, or the start of the next day for an end) or an ISO instant
   * (2024-05-01T08:00:00Z, as alert mails link to).
   */
  private static Instant date(String s, String what, int plusDays, ZoneId zone) {
    if (s == null) {
      return null;
    }
    try {
      return LocalDate.parse(s).plusDays(plusDays).atStartOfDay(zone).toInstant();
    } catch (DateTimeParseException notADay) {
      try {
        return Instant.parse(s);
      } catch (DateTimeParseException e) {
        throw new BadRequest(what + "格式应为 2024-05-01 或 2024-05-01T08:00:00Z");
      }
    }
  }

  /** The query string of the next page: the kept parameters and the cursor. */
  static String nextPage(DashboardExchange x, String cursor) {
    StringBuilder q = new StringBuilder();
    for (String name : KEPT) {
      String v = x.param(name);
      if (v != null) {
        q.append(q.length() == 0 ? "" : "&").append(name).append('=').append(Markup.q(v));
      }
    }
    q.append(q.length() == 0 ? "" : "&").append("after=").append(Markup.q(cursor));
    return q.toString();
  }
}
