package dev.yuqing.app.cli;

import dev.yuqing.core.UserError;
import dev.yuqing.core.config.CrawlerConfig;
import dev.yuqing.crawler.eval.ExtractEval;
import dev.yuqing.crawler.eval.KeyedPage;
import dev.yuqing.crawler.eval.KeyedPages;
import dev.yuqing.crawler.eval.PageExtractor;
import dev.yuqing.crawler.eval.YuqingExtractor;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code yuqing eval extract}: article extraction against keyed pages, beside Readability. */
@Command(
    name = "extract",
    mixinStandardHelpOptions = true,
    description = {
      "正文抽取评测：在带答案的页面上比较 yuqing 与 Mozilla Readability（readability4j）。",
      "Scores article extraction on keyed pages and runs readability4j 1.0.8 on the same pages in"
          + " the same run: body bigram F1 and good share (F1 >= 0.9), title/body/clean, publication"
          + " day, author; the ratio column is yuqing over readability4j.",
      "--pages DIR: a folder laid out like cwce/ (original/, cleaned/, author/, date/).",
      "--key FILE: key.jsonl (title, body_must_contain …) or body-key.jsonl (whole body)."
    })
public final class EvalExtractCommand extends CliCommand implements Callable<Integer> {
  @ArgGroup(exclusive = true, multiplicity = "1")
  Target target;

  static final class Target {
    @Option(names = "--pages", paramLabel = "DIR", description = "a cwce-layout folder")
    Path pages;

    @Option(names = "--key", paramLabel = "FILE", description = "key.jsonl or body-key.jsonl")
    Path key;
  }

  @Option(
      names = "--readability-jars",
      paramLabel = "DIR",
      description = "readability4j and its jars (default: readability4j/ beside the app's jar)")
  Path readabilityJars;

  @Option(names = "--no-readability", description = "score yuqing alone")
  boolean noReadability;

  @Mixin Mistakes mistakes;

  @Override
  public Integer call() throws IOException {
    List<KeyedPage> pages;
    try {
      if (target.pages != null) {
        if (!Files.isDirectory(target.pages)) {
          throw new UserError("eval extract: " + target.pages + ": no such folder");
        }
        pages = KeyedPages.cwce(target.pages);
      } else {
        if (!Files.isRegularFile(target.key)) {
          throw new UserError("eval extract: " + target.key + ": no such file");
        }
        pages = KeyedPages.jsonl(target.key);
      }
    } catch (IOException e) {
      throw new UserError("eval extract: " + e.getMessage(), e);
    }
    if (pages.isEmpty()) {
      throw new UserError(
          "eval extract: no pages in " + (target.pages != null ? target.pages : target.key));
    }
    PrintWriter out = out();
    List<PageExtractor> extractors = new ArrayList<>();
    extractors.add(new YuqingExtractor(Clock.systemUTC(), CrawlerConfig.DEFAULT.zone()));
    Readability4j reference = null;
    try {
      if (!noReadability) {
        Path dir = readabilityJars != null ? readabilityJars : Readability4j.defaultDir();
        try {
          reference = Readability4j.load(dir);
        } catch (IOException e) {
          throw new UserError("eval extract: " + e.getMessage(), e);
        }
        out.println(
            "readability4j runs in its own class loader with "
                + reference.jsoupJar().getFileName()
                + "; yuqing with "
                + Readability4j.ourJsoupJar().getFileName());
        extractors.add(reference);
      }
      ExtractEval.run(pages, extractors, CrawlerConfig.DEFAULT.zone(), out, mistakes.listed);
    } finally {
      if (reference != null) {
        reference.close();
      }
    }
    return 0;
  }
}
