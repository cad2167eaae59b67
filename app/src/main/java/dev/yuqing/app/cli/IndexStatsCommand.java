package dev.yuqing.app.cli;

import dev.yuqing.core.UserError;
import dev.yuqing.index.IndexException;
import dev.yuqing.index.IndexStats;
import dev.yuqing.index.PostIndex;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code yuqing index stats}: documents and size; last line {@code docs=… size_mb=…}. */
@Command(
    name = "stats",
    mixinStandardHelpOptions = true,
    description = "索引统计 (documents and size of the index). Last line: docs=N size_mb=M")
public final class IndexStatsCommand extends CliCommand implements Callable<Integer> {
  @Mixin IndexLocation location;

  @Override
  public Integer call() {
    PrintWriter out = out();
    try (PostIndex index = location.openReadOnly()) {
      IndexStats s = index.stats();
      out.println("backend=" + s.backend());
      out.println("location=" + s.location());
      out.println((s.backend().equals("lucene") ? "segments=" : "indices=") + s.parts());
      out.println("docs=" + s.docs() + " size_mb=" + s.sizeMb());
    } catch (IndexException e) {
      throw new UserError(e.getMessage(), e);
    }
    out.flush();
    return 0;
  }
}
