package dev.yuqing.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yuqing.app.Yuqing;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spine, end to end: the little internet, the real crawler, the Flink job in an embedded
 * cluster, the tagger, Lucene, the rules and the outbox — the demo played fast.
 */
class DemoIT {
  @TempDir Path tmp;

  @Test
  void theDemoLeavesASpikeAlertNamingTheProjectWithTheNegativePostsAndTheirLinks()
      throws Exception {
    Path data = tmp.resolve("data");
    int code = Yuqing.execute("demo", "--data", data.toString(), "--seconds", "20");
    assertThat(code).isZero();

    List<MimeMessage> mails = new ArrayList<>();
    try (Stream<Path> files = Files.list(data.resolve("outbox"))) {
      for (Path p : files.filter(f -> f.toString().endsWith(".eml")).toList()) {
        try (InputStream in = Files.newInputStream(p)) {
          mails.add(new MimeMessage(Session.getInstance(new Properties()), in));
        }
      }
    }
    MimeMessage spike = null;
    for (MimeMessage m : mails) {
      if (m.getSubject().contains("负面帖")) {
        spike = m;
      }
    }
    assertThat(spike).as("a negative-spike alert among %s", mails.size()).isNotNull();
    assertThat(spike.getSubject()).contains("翡翠湾");
    // a 二级 alert reaches the command group and, below it, the PR on duty
    assertThat(spike.getHeader("To", ","))
        .contains("command-group@example.com")
        .contains("pr-duty@example.com");
    String body = text(spike);
    assertThat(body).contains("天花板").contains("/forum/thread-110.html");
    // the repost in thread 112 is linked to thread 110's first post, not counted as a voice
    assertThat(body).doesNotContain("潜水的鱼");

    // a second demo on the same directory starts over rather than piling up
    assertThat(Yuqing.execute("demo", "--data", data.toString(), "--seconds", "10")).isZero();
    try (Stream<Path> files = Files.list(data.resolve("outbox"))) {
      assertThat(files.filter(f -> f.toString().endsWith(".eml")).count()).isLessThan(20);
    }
  }

  @Test
  void aDataDirectoryOfRealRunsIsRefused() throws Exception {
    Path data = Files.createDirectories(tmp.resolve("real"));
    Files.writeString(data.resolve("something.txt"), "not a demo");
    assertThat(Yuqing.execute("demo", "--data", data.toString())).isEqualTo(2);
    assertThat(data.resolve("something.txt")).exists();
  }

  private static String text(Part p) throws Exception {
    if (p.isMimeType("text/plain")) {
      return (String) p.getContent();
    }
    if (p.getContent() instanceof Multipart mp) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < mp.getCount(); i++) {
        sb.append(text(mp.getBodyPart(i)));
      }
      return sb.toString();
    }
    return "";
  }
}
