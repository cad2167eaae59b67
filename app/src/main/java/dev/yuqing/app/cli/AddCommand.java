package dev.yuqing.app.cli;

import dev.yuqing.core.UserError;
import dev.yuqing.core.config.YuqingConfig;
import dev.yuqing.core.json.Json;
import dev.yuqing.crawler.ManualEntries;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code yuqing add}: a post entered by hand (a phone call, a letter, a screenshot). */
@Command(
    name = "add",
    mixinStandardHelpOptions = true,
    description = {
      "手工录入一条舆情（电话、来信、截图等）；下次抓取（yuqing crawl / run）时与其他帖子一起进入分析。",
      "Adds a manual entry to DATA/manual/entries.jsonl; the next crawl emits it as source 'manual'."
    })
public final class AddCommand extends CliCommand implements Callable<Integer> {
  @Option(names = "--text", description = "what was said")
  String text;

  @Option(names = "--text-file", description = "read the text from this UTF-8 file")
  Path textFile;

  @Option(names = "--title", description = "headline")
  String title;

  @Option(names = "--url", description = "where it was seen")
  String url;

  @Option(names = "--author", description = "who said it")
  String author;

  @Option(names = "--time", description = "when it was said: 2024-05-01 10:00, 昨天 10:15 …")
  String time;

  @Option(names = "--project", description = "project it concerns (repeatable)")
  List<String> projects;

  @Option(names = "--by", description = "who enters it")
  String by;

  @Mixin ConfigFile config; // project names are checked against it

  @Mixin DataDir data;

  @Override
  public Integer call() throws IOException {
    String body = text;
    if (textFile != null) {
      if (!Files.isRegularFile(textFile)) {
        throw new UserError("--text-file " + textFile + ": no such file");
      }
      body = Files.readString(textFile, StandardCharsets.UTF_8);
    }
    if (body == null || body.isBlank()) {
      throw new UserError("--text or --text-file: the text of the entry is required");
    }
    YuqingConfig cfg = config.loadOrNull(); // a wrong --config fails even without --project
    if (cfg != null && projects != null) {
      for (String p : projects) {
        if (cfg.project(p).isEmpty()) {
          throw new UserError("--project " + p + ": not a project in " + config.path);
        }
      }
    }
    Clock clock = Clock.systemUTC();
    java.time.Instant at = null;
    if (time != null) {
      at =
          new dev.yuqing.crawler.extract.Dates(clock, ZoneId.of("Asia/Shanghai"))
              .parse(time)
              .orElseThrow(
                  () -> new UserError("--time " + time + ": not a date (e.g. 2024-05-01 10:00)"));
    }
    ManualEntries.Entry e =
        new ManualEntries.Entry(
            UUID.randomUUID().toString(),
            blankToNull(title),
            body.strip(),
            blankToNull(url),
            blankToNull(author),
            at,
            projects,
            blankToNull(by),
            clock.instant());
    ManualEntries inbox = new ManualEntries(data.path);
    inbox.append(e);
    out().println(Json.line(e));
    err().println("已录入 → " + inbox.file() + "（下次抓取时进入分析）");
    return 0;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
