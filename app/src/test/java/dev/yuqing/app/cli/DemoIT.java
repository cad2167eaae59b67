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
  void theDemosLeakCrisisIsOneIncidentThreadEndingInOneRecovery() throws Exception {
    Path data = tmp.resolve("data");
    int code = Yuqing.execute("demo", "--data", data.toString(), "--seconds", "20");
    assertThat(code).isZero();

    List<MimeMessage> mails = new ArrayList<>();
    try (Stream<Path> files = Files.list(data.resolve("outbox"))) {
      // named by story time, then incident and message number: in the order they were written
      for (Path p : files.filter(f -> f.toString().endsWith(".eml")).sorted().toList()) {
        try (InputStream in = Files.newInputStream(p)) {
          mails.add(new MimeMessage(Session.getInstance(new Properties()), in));
        }
      }
    }
    assertThat(mails).as("a first mail, updates, a recovery").hasSizeBetween(3, 10);
    List<String> incidents = new ArrayList<>();
    for (MimeMessage m : mails) {
      incidents.add(m.getHeader("X-Yuqing-Incident")[0]);
    }
    assertThat(incidents).as("one event, one incident").containsOnly(incidents.get(0));
    MimeMessage first = mails.get(0);
    assertThat(first.getHeader("In-Reply-To")).isNull();
    for (MimeMessage m : mails.subList(1, mails.size())) {
      assertThat(m.getHeader("In-Reply-To")[0]).isEqualTo(first.getMessageID());
    }
    assertThat(mails).filteredOn(m -> subject(m).contains("已解除")).hasSize(1);
    MimeMessage last = mails.get(mails.size() - 1);
    assertThat(subject(last)).startsWith("【舆情预警·一级·已解除】翡翠湾：");
    // an incident of 一级 reaches the project head, the command group and the PR on duty
    assertThat(last.getHeader("To", ","))
        .contains("project-head@example.com", "command-group@example.com", "pr-duty@example.com");
    String body = text(last);
    assertThat(body).contains("负面激增", "集体行动号召", "媒体或政府介入");
    assertThat(body).contains("天花板").contains("/forum/thread-110.html");
    // the repost in thread 112 is linked to thread 110's first post, not counted as a voice
    assertThat(body).doesNotContain("潜水的鱼");

    // a second demo on the same directory starts over rather than piling up
    assertThat(Yuqing.execute("demo", "--data", data.toString(), "--seconds", "10")).isZero();
    try (Stream<Path> files = Files.list(data.resolve("outbox"))) {
      assertThat(files.filter(f -> f.toString().endsWith(".eml")).count()).isLessThan(20);
    }
  }

  private static String subject(MimeMessage m) {
    try {
      return m.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new AssertionError(e);
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
