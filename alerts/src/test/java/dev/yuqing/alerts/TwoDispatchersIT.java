package dev.yuqing.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.yuqing.alerts.store.Database;
import dev.yuqing.alerts.store.PostgresServer;
import dev.yuqing.core.Alert;
import dev.yuqing.core.AlertState;
import dev.yuqing.core.Grade;
import dev.yuqing.core.config.Secrets;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two dispatchers, each a JVM of its own, on one PostgreSQL database deliver 200 notices to one
 * SMTP server (GreenMail); one of them is killed ({@code SIGKILL}) in the middle of a delivery and
 * started again: every notice arrives exactly once.
 *
 * <p>The kill falls while the dispatcher holds a claimed delivery whose mail the server has not yet
 * accepted: dispatcher A reaches the server through a relay in this test that, once told, holds
 * back the next {@code MAIL FROM} it relays. A mail the server accepted in the instant before its
 * dispatcher died, before the outcome was recorded, would be sent again (with the same Message-ID):
 * SMTP has no idempotent submit, and no kill can be timed to test that instant reliably.
 */
class TwoDispatchersIT {
  static final int NOTICES = 200;
  @TempDir Path tmp;
  final List<Process> processes = new ArrayList<>();
  GreenMail mail;

  @AfterEach
  void stop() {
    processes.forEach(Process::destroyForcibly);
    if (mail != null) {
      mail.stop();
    }
  }

  @Test
  void eachOf200NoticesArrivesExactlyOnceWhenOneDispatcherIsKilledAndStartedAgain()
      throws Exception {
    PostgresServer pg = PostgresServer.get();
    String url = pg.newDatabase();
    mail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    mail.start();
    Relay relay = new Relay(mail.getSmtp().getPort());

    AtomicInteger sentByA = new AtomicInteger();
    AtomicInteger sentByB = new AtomicInteger();
    Process a = dispatcher(url, pg.user(), relay.port(), sentByA);
    Process b = dispatcher(url, pg.user(), mail.getSmtp().getPort(), sentByB);

    List<String> ids = queue(Database.postgres(url, pg.user(), null));
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (mail.getReceivedMessages().length < NOTICES / 4 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    relay.holdNextMailFrom.set(true);
    assertThat(relay.holding.await(60, TimeUnit.SECONDS))
        .as("dispatcher A starts another mail")
        .isTrue();
    a.destroyForcibly().waitFor(20, TimeUnit.SECONDS); // killed holding a claimed delivery
    int atKill = mail.getReceivedMessages().length;
    assertThat(atKill).isLessThan(NOTICES);
    relay.holdNextMailFrom.set(false);
    relay.release();
    Process again = dispatcher(url, pg.user(), relay.port(), sentByA);

    while (mail.getReceivedMessages().length < NOTICES && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    Thread.sleep(1000); // a duplicate, if any, would come now
    MimeMessage[] got = mail.getReceivedMessages();
    List<String> messageIds = new ArrayList<>();
    for (MimeMessage m : got) {
      messageIds.add(m.getMessageID());
    }
    Set<String> distinct = new HashSet<>(messageIds);
    assertThat(got).as("every notice, none twice").hasSize(NOTICES);
    assertThat(distinct).hasSize(NOTICES);
    assertThat(distinct)
        .containsExactlyInAnyOrderElementsOf(ids.stream().map(i -> "<" + i + ">").toList());
    assertThat(sentByA.get()).as("A sent before and after its restart").isPositive();
    assertThat(sentByB.get()).as("B sent side by side").isPositive();
    assertThat(again.isAlive()).isTrue();
    assertThat(b.isAlive()).isTrue();
  }

  /** 200 notices, one per incident, queued for the dispatchers; their message ids. */
  private List<String> queue(Database db) {
    Instant t = Instant.parse("2024-06-10T02:00:00Z");
    List<Alert> alerts = new ArrayList<>();
    for (int i = 0; i < NOTICES; i++) {
      alerts.add(
          Alerts.about(
              Alerts.of(
                  "a" + i,
                  "media",
                  Grade.CRITICAL,
                  AlertState.FIRING,
                  t,
                  t,
                  1,
                  2,
                  "记者介入" + i,
                  "p" + i),
              "项目" + i));
    }
    try (AlertService svc =
        AlertService.open(
            db,
            tmp,
            DispatcherProcess.config(),
            DispatcherProcess.smtp(1),
            Secrets.of(Map.of()),
            Clock.systemUTC())) {
      assertThat(svc.submitAll(alerts))
          .isEqualTo(NOTICES); // queued, not sent: this one never ticks
      return svc.store().inTransaction(IncidentStore.Tx::pending).stream()
          .map(d -> d.notice().messageId())
          .toList();
    }
  }

  private Process dispatcher(String url, String user, int smtpPort, AtomicInteger sent)
      throws Exception {
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                DispatcherProcess.class.getName(),
                url,
                user,
                String.valueOf(smtpPort))
            .redirectErrorStream(true)
            .start();
    processes.add(p);
    CountDownLatch ready = new CountDownLatch(1);
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                  if (line.equals("ready")) {
                    ready.countDown();
                  } else if (line.startsWith("sent ")) {
                    sent.addAndGet(Integer.parseInt(line.substring(5)));
                  } else {
                    System.out.println("dispatcher: " + line);
                  }
                }
              } catch (IOException e) {
                // the process died: its output ends
              }
            });
    reader.setDaemon(true);
    reader.start();
    assertThat(ready.await(60, TimeUnit.SECONDS)).as("dispatcher started").isTrue();
    return p;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /**
   * A TCP relay to the SMTP server that, when told, holds back the next {@code MAIL FROM} line a
   * client sends (and everything after it on that connection): that mail never reaches the server.
   */
  static final class Relay {
    final AtomicBoolean holdNextMailFrom = new AtomicBoolean();
    final CountDownLatch holding = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);
    private final ServerSocket server;
    private final int target;

    Relay(int target) throws IOException {
      this.target = target;
      this.server = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
      Thread t = new Thread(this::accept, "smtp-relay");
      t.setDaemon(true);
      t.start();
    }

    int port() {
      return server.getLocalPort();
    }

    void release() {
      released.countDown();
    }

    private void accept() {
      while (true) {
        try {
          Socket client = server.accept();
          Socket upstream = new Socket("127.0.0.1", target);
          pipe(upstream.getInputStream(), client.getOutputStream(), false);
          pipe(client.getInputStream(), upstream.getOutputStream(), true);
        } catch (IOException e) {
          return;
        }
      }
    }

    private void pipe(InputStream in, OutputStream out, boolean fromClient) {
      Thread t =
          new Thread(
              () -> {
                StringBuilder line = new StringBuilder();
                try {
                  int c;
                  while ((c = in.read()) >= 0) {
                    if (fromClient) {
                      line.append((char) c);
                      if (c == '\n') {
                        if (line.toString().startsWith("MAIL FROM")
                            && holdNextMailFrom.compareAndSet(true, false)) {
                          holding.countDown();
                          released.await(); // this mail is never relayed
                          return;
                        }
                        line.setLength(0);
                      }
                    }
                    out.write(c);
                    if (!fromClient || c == '\n') {
                      out.flush();
                    }
                  }
                } catch (IOException | InterruptedException e) {
                  // a side closed: the relay of this connection ends
                } finally {
                  try {
                    out.close();
                  } catch (IOException ignored) {
                    // closing
                  }
                }
              });
      t.setDaemon(true);
      t.start();
    }
  }
}
