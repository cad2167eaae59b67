package dev.yuqing.app.cli;

import dev.yuqing.core.SentimentLabel;
import dev.yuqing.core.TaggedPost;
import dev.yuqing.core.Topic;
import dev.yuqing.core.UserError;
import dev.yuqing.core.json.Json;
import dev.yuqing.index.IndexException;
import dev.yuqing.index.PostIndex;
import dev.yuqing.index.SearchRequest;
import dev.yuqing.index.SearchResult;
import dev.yuqing.index.SignalKind;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code yuqing search}: full-text search with filters over the post index. */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description = {
      "搜索已索引的帖子 (search indexed posts).",
      "Query syntax: words separated by spaces must all occur; a|b either; -word excludes.",
      "Example: yuqing search --data ./data --sentiment negative --from 2025-06-01 漏水|渗水"
    })
public final class SearchCommand extends CliCommand implements Callable<Integer> {

  @Mixin IndexLocation location;

  @Parameters(arity = "0..*", paramLabel = "QUERY", description = "query words (none: all posts)")
  List<String> words = new ArrayList<>();

  @Option(names = "--project", paramLabel = "NAME", description = "only posts about this project")
  String project;

  @Option(
      names = "--from",
      paramLabel = "TIME",
      description = "from this time, inclusive: 2025-06-01, 2025-06-01T09:00 (in --zone) or ISO")
  String from;

  @Option(names = "--to", paramLabel = "TIME", description = "until this time, exclusive")
  String to;

  @Option(
      names = "--zone",
      paramLabel = "ZONE",
      defaultValue = "Asia/Shanghai",
      description = "time zone of --from/--to and of printed times (default: ${DEFAULT-VALUE})")
  String zone;

  @Option(
      names = "--sentiment",
      split = ",",
      paramLabel = "LABEL",
      description = "negative, neutral, positive (comma-separated: any of them)")
  List<String> sentiments = new ArrayList<>();

  @Option(
      names = "--topic",
      split = ",",
      paramLabel = "TOPIC",
      description = "房屋质量 延期交付 交付标准 合同与产权 物业服务 周边配套 交房手续 维权行动 媒体曝光 其他")
  List<String> topics = new ArrayList<>();

  @Option(names = "--source", split = ",", paramLabel = "ID", description = "source ids")
  List<String> sources = new ArrayList<>();

  @Option(names = "--author", paramLabel = "NAME", description = "only this author")
  String author;

  @Option(
      names = "--signal",
      split = ",",
      paramLabel = "SIGNAL",
      description = "mobilization, mobilization_time_place, media, government, critical_words")
  List<String> signals = new ArrayList<>();

  @Option(
      names = "--sort",
      paramLabel = "ORDER",
      description = "time, relevance or engagement (default: relevance with a query, else time)")
  String sort;

  @Option(
      names = "--size",
      defaultValue = "20",
      paramLabel = "N",
      description = "hits per page, 0..1000 (default: ${DEFAULT-VALUE})")
  int size;

  @Option(names = "--after", paramLabel = "CURSOR", description = "next page: the cursor printed")
  String after;

  @Option(names = "--json", description = "print the result as one JSON object")
  boolean json;

  @Override
  public Integer call() {
    ZoneId tz = zone();
    SearchRequest request;
    try {
      request =
          SearchRequest.builder()
              .query(words.isEmpty() ? null : String.join(" ", words))
              .project(project)
              .from(time("--from", from, tz))
              .to(time("--to", to, tz))
              .sentiments(parse("--sentiment", sentiments, SentimentLabel::parse))
              .topics(parse("--topic", topics, Topic::parse))
              .sources(sources)
              .author(author)
              .signals(parse("--signal", signals, SignalKind::parse))
              .sort(
                  sort == null ? null : parse("--sort", List.of(sort), SearchCommand::sort).get(0))
              .size(size)
              .after(after)
              .highlight(true)
              .build();
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage());
    }
    PrintWriter out = out();
    try (PostIndex index = location.openReadOnly()) {
      SearchResult result = index.search(request);
      if (json) {
        out.println(Json.line(result));
      } else {
        print(out, result, request, tz);
      }
    } catch (IndexException e) {
      throw new UserError(e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage(), e);
    }
    out.flush();
    return 0;
  }

  private static void print(PrintWriter out, SearchResult r, SearchRequest q, ZoneId tz) {
    DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(tz);
    int n = 0;
    for (SearchResult.Hit h : r.hits()) {
      TaggedPost p = h.post();
      n++;
      StringBuilder head = new StringBuilder();
      head.append('[').append(n).append("] ");
      Instant t = p.post().eventTime();
      head.append(t == null ? "----------------" : f.format(t)).append("  ");
      head.append(p.sentiment().label().chinese()).append("  ");
      head.append(String.join(",", p.topics().stream().map(Topic::label).toList())).append("  ");
      head.append(p.post().sourceId());
      if (p.post().author() != null) {
        head.append("  ").append(p.post().author());
      }
      if (p.post().replies() != null || p.post().likes() != null) {
        head.append("  回复").append(p.post().replies() == null ? 0 : p.post().replies());
        head.append(" 赞").append(p.post().likes() == null ? 0 : p.post().likes());
      }
      if (q.sort() == SearchRequest.Sort.RELEVANCE && q.query() != null) {
        head.append(String.format(Locale.ROOT, "  score=%.3f", h.score()));
      }
      out.println(Terminal.safe(head.toString()));
      String title = h.highlights().get("title");
      title = title != null ? Terminal.fromHighlight(title) : p.post().title();
      if (title != null && !title.isBlank()) {
        out.println("    " + Terminal.safe(title));
      }
      String text = h.highlights().get("text");
      text = text != null ? Terminal.fromHighlight(text) : Terminal.abbreviate(p.post().text(), 80);
      if (!text.isBlank()) {
        out.println("    " + Terminal.safe(text));
      }
      if (p.post().url() != null) {
        out.println("    " + Terminal.safe(p.post().url()));
      }
    }
    out.println(
        r.hits().isEmpty()
            ? "共 " + r.total() + " 条匹配 (" + r.total() + " matching posts)."
            : "共 "
                + r.total()
                + " 条匹配，本页 "
                + r.hits().size()
                + " 条 ("
                + r.total()
                + " matching posts, "
                + r.hits().size()
                + " shown).");
    if (r.nextCursor() != null) {
      out.println("下一页 (next page): --after " + r.nextCursor());
    }
  }

  private ZoneId zone() {
    try {
      return ZoneId.of(zone);
    } catch (RuntimeException e) {
      throw new UserError("--zone: unknown time zone '" + zone + "'");
    }
  }

  /** A date (start of day), a local date-time, or an ISO instant/offset date-time. */
  static Instant time(String option, String value, ZoneId tz) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    try {
      if (v.length() == 10) {
        return LocalDate.parse(v).atStartOfDay(tz).toInstant();
      }
      if (v.endsWith("Z") || v.matches(".*[+-]\\d\\d:?\\d\\d$")) {
        return OffsetDateTime.parse(v).toInstant();
      }
      return LocalDateTime.parse(v).atZone(tz).toInstant();
    } catch (DateTimeParseException e) {
      throw new UserError(
          option + ": not a date or time: '" + value + "' (e.g. 2025-06-01 or 2025-06-01T09:00)");
    }
  }

  private static SearchRequest.Sort sort(String s) {
    try {
      return SearchRequest.Sort.valueOf(s.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown order '" + s + "' (known: time, relevance, engagement)", e);
    }
  }

  private static <T> List<T> parse(String option, List<String> values, Function<String, T> f) {
    List<T> out = new ArrayList<>();
    for (String v : values) {
      if (v.isBlank()) {
        continue;
      }
      try {
        out.add(f.apply(v));
      } catch (IllegalArgumentException e) {
        throw new UserError(option + ": " + e.getMessage());
      }
    }
    return out;
  }
}
