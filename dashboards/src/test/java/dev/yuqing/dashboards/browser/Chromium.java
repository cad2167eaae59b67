package dev.yuqing.dashboards.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * Debian's headless Chromium, started for one test class with a fresh profile and driven over the
 * DevTools protocol ({@link Cdp}). The flags keep it from touching the network on its own
 * (background networking, component updates, sync, QUIC).
 */
final class Chromium implements AutoCloseable {
  private static final List<String> CANDIDATES =
      List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");

  private final Process process;
  private final Path profile;
  private final int port;

  private Chromium(Process process, Path profile, int port) {
    this.process = process;
    this.profile = profile;
    this.port = port;
  }

  static Optional<Path> executable() {
    String env = System.getenv("YUQING_CHROMIUM");
    if (env != null && !env.isBlank()) {
      return Optional.of(Path.of(env)).filter(Files::isExecutable);
    }
    return CANDIDATES.stream().map(Path::of).filter(Files::isExecutable).findFirst();
  }

  static String missingReason() {
    return "headless Chromium not found (looked for "
        + String.join(", ", CANDIDATES)
        + " and $YUQING_CHROMIUM): apt-get install chromium fonts-wqy-microhei; CI installs it";
  }

  static Chromium launch() throws IOException, InterruptedException {
    Path exe = executable().orElseThrow(() -> new IllegalStateException(missingReason()));
    Path profile = Files.createTempDirectory("yuqing-chromium-");
    List<String> cmd =
        new ArrayList<>(
            List.of(
                exe.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--no-default-browser-check",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-extensions",
                "--disable-dev-shm-usage",
                "--hide-scrollbars",
                "--window-size=1280,1400",
                "--remote-debugging-address=127.0.0.1",
                "--remote-debugging-port=0",
                "--user-data-dir=" + profile,
                "about:blank"));
    Process p =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(profile.resolve("chromium.log").toFile())
            .start();
    // Chromium writes the port it picked into DevToolsActivePort once it listens.
    Path portFile = profile.resolve("DevToolsActivePort");
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (!Files.exists(portFile) || Files.readAllLines(portFile).isEmpty()) {
      if (!p.isAlive() || Instant.now().isAfter(deadline)) {
        p.destroyForcibly();
        String log = Files.readString(profile.resolve("chromium.log"));
        throw new IllegalStateException("Chromium did not start: " + log);
      }
      Thread.sleep(100);
    }
    int port = Integer.parseInt(Files.readAllLines(portFile).get(0).strip());
    return new Chromium(p, profile, port);
  }

  /** The first page target (the about:blank tab), connected. */
  Page page() throws IOException, InterruptedException {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    for (JsonNode t : new ObjectMapper().readTree(r.body())) {
      if (t.get("type").asText().equals("page")) {
        return new Page(Cdp.connect(URI.create(t.get("webSocketDebuggerUrl").asText())));
      }
    }
    throw new IllegalStateException("no page target: " + r.body());
  }

  @Override
  public void close() throws IOException, InterruptedException {
    // Chromium's helpers (zygote, renderers, crash handler) outlive the browser process for a
    // moment and write into the profile: taken before it ends (then they belong to init), and
    // waited for, or the profile's "Default" directory was left in /tmp after every run
    List<ProcessHandle> helpers = process.descendants().toList();
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
    for (ProcessHandle h : helpers) {
      h.destroy();
    }
    for (ProcessHandle h : helpers) {
      try {
        h.onExit().get(5, TimeUnit.SECONDS);
      } catch (ExecutionException | TimeoutException e) {
        h.destroyForcibly();
      }
    }
    try (Stream<Path> files = Files.walk(profile)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    }
  }
}
