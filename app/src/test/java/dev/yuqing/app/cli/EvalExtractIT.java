package dev.yuqing.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.yuqing.core.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code yuqing eval extract} on a packaged app: readability4j really runs, from its own jars and
 * with its own jsoup, beside ours; it is not on the app's classpath. An IT because it needs the
 * jars the package phase copies.
 */
class EvalExtractIT {
  @TempDir Path dir;

  private static final String P1 = "11月5日，位于城南的滨江新城项目开始集中交付，三百余户业主在验房时发现墙面开裂、窗户渗水等问题。";
  private static final String P2 = "业主王女士说，她家客厅和卧室的墙面都有裂缝，最长的一条超过一米，开发商只答应简单修补。";
  private static final String P3 = "记者联系开发商，对方表示已成立专项小组，将在两周内完成全部维修，并邀请第三方机构检测。";

  private String run(String... args) {
    Cli.Run r = Cli.run(args);
    assertThat(r.code()).as(r.err()).isZero();
    return r.out();
  }

  private void write(String relative, String text) throws IOException {
    Path p = dir.resolve(relative);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
  }

  @Test
  void readability4jRunsInItsOwnClassLoaderBesideOurs() throws IOException {
    String nav = "<ul>" + "<li><a href='/n'>多地出台物业服务收费新规</a></li>".repeat(8) + "</ul>";
    write(
        "original/a.html",
        "<html><head><meta charset='utf-8'><title>滨江新城集中交付 业主反映墙面开裂_城市网</title></head><body>"
            + nav
            + "<div class='article'><h1>滨江新城集中交付 业主反映墙面开裂</h1>"
            + "<p>2023-11-08 09:12 来源：城市晚报 记者 陈立</p>"
            + "<p>"
            + P1
            + "</p><p>"
            + P2
            + "</p><p>"
            + P3
            + "</p></div><div class='footer'>版权所有 城市网</div></body></html>");
    write("cleaned/a.txt", P1 + "\n" + P2 + "\n" + P3);
    write("author/a.txt", "陈立");
    write("date/a.txt", "2023-11-08 09:12");

    String out = run("eval", "extract", "--pages", dir.toString(), "-v");
    assertThat(out)
        .contains("readability4j runs in its own class loader with jsoup-1.11.2.jar")
        .containsPattern("yuqing with jsoup-1\\.1[5-9]\\.\\d+\\.jar")
        .contains("ratio");
    Matcher m = Pattern.compile("readability4j: F1 (\\d\\.\\d\\d)").matcher(out);
    assertThat(m.find()).as(out).isTrue();
    assertThat(Double.parseDouble(m.group(1)))
        .as("readability4j extracted the body")
        .isGreaterThan(0.5);
    assertThat(out).contains("yuqing: F1 1.00 day ok author ok");
    // the app itself cannot see it
    assertThatThrownBy(() -> Class.forName("net.dankito.readability4j.Readability4J"))
        .isInstanceOf(ClassNotFoundException.class);
  }

  @Test
  void theSharedPagesPrintBothWithTheRatio() {
    Path cwce = SharedData.file("pages/cwce").orElse(null);
    Assumptions.assumeTrue(cwce != null, SharedData.missingReason("pages/cwce"));
    String out = run("eval", "extract", "--pages", cwce.toString());
    System.out.println(out);
    assertThat(out)
        .containsPattern(
            "body good \\(bigram F1 >= 0\\.9\\)\\s+\\d\\.\\d{3}\\s+\\d\\.\\d{3}\\s+\\d+\\.\\d\\d")
        .contains("30 pages");
  }
}
