package dev.yuqing.crawler.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import dev.yuqing.core.config.CrawlerConfig;
import dev.yuqing.crawler.TestSite;
import dev.yuqing.crawler.extract.Pages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The fetcher against a misbehaving server on loopback: robots.txt, 429 with Retry-After, a
 * redirect loop, a redirect into a private range, a 50 MB body, a slow drip, a lying charset
 * header, gzip, ETag revalidation, pacing and concurrency per host.
 */
class FetcherIT {
  private static final String UA = "yuqing-test/1.0 (+https://example.org/bot)";
  private TestSite site;
  private HttpFetcher fetcher;

  /** Only 127.0.0.1 (the test server) counts as public; every other private range is refused. */
  private static boolean privateButTheTestServer(InetAddress a) {
    return !a.getHostAddress().equals("127.0.0.1") && AddressGuard.isPrivate(a);
  }

  private static CrawlerConfig config(Duration delay, Duration readTimeout, int concurrency) {
    return new CrawlerConfig(
        UA,
        delay,
        concurrency,
        Duration.ofSeconds(2),
        readTimeout,
        null,
        4,
        2,
        Duration.ofMillis(100),
        Duration.ofSeconds(5),
        null,
        false);
  }

  @BeforeEach
  void start() throws IOException {
    site = new TestSite();
    site.page(
        "/robots.txt",
        "text/plain",
        ("User-agent: *\nDisallow: /private/\n\n"
                + "User-agent: yuqing-test\nDisallow: /secret/\nAllow: /secret/open$\n")
            .getBytes(StandardCharsets.UTF_8));
    fetcher =
        new HttpFetcher(
            config(Duration.ZERO, Duration.ofSeconds(2), 1),
            Clock.systemUTC(),
            FetcherIT::privateButTheTestServer);
  }

  @AfterEach
  void stop() {
    site.close();
  }

  private FetchResponse get(String path) throws Exception {
    return fetcher.fetch(FetchRequest.of(URI.create(site.url(path)), false));
  }

  private static FetchException.Reason failure(ThrowingFetch f) {
    try {
      f.run();
    } catch (FetchException e) {
      return e.reason();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("the fetch did not fail");
  }

  private interface ThrowingFetch {
    void run() throws Exception;
  }

  @Test
  void robotsTxtIsObeyedForOurGroupAndCached() throws Exception {
    site.html("/secret/a", "<p>秘密</p>")
        .html("/secret/open", "<p>公开</p>")
        .html("/private/b", "<p>b</p>");
    assertThatThrownBy(() -> get("/secret/a"))
        .isInstanceOf(FetchException.class)
        .hasMessageContaining("/secret/a")
        .hasMessageContaining("robots.txt");
    assertThat(get("/secret/open").status()).isEqualTo(200);
    // our own group replaces the * group: /private/ is not ours to avoid
    assertThat(get("/private/b").status()).isEqualTo(200);
    assertThat(site.hits("/secret/a")).isZero();
    assertThat(site.hits("/robots.txt")).isEqualTo(1);
  }

  @Test
  void unreachableRobotsTxtMeansDisallowAll() throws Exception {
    site.route("/robots.txt", ex -> TestSite.send(ex, 500, "text/plain", "oops".getBytes()));
    site.html("/page", "<p>x</p>");
    assertThatThrownBy(() -> get("/page"))
        .isInstanceOf(FetchException.class)
        .hasMessageContaining("robots.txt unreachable (HTTP 500)");
    assertThat(site.hits("/page")).isZero();
  }

  @Test
  void tooManyRequestsIsRetriedAfterRetryAfter() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    List<Long> at = new ArrayList<>();
    site.route(
        "/busy",
        ex -> {
          at.add(System.nanoTime());
          if (calls.incrementAndGet() == 1) {
            ex.getResponseHeaders().set("Retry-After", "1");
            TestSite.send(ex, 429, "text/plain", "slow down".getBytes());
          } else {
            TestSite.send(
                ex, 200, "text/html; charset=utf-8", "<p>好了</p>".getBytes(StandardCharsets.UTF_8));
          }
        });
    FetchResponse r = get("/busy");
    assertThat(r.status()).isEqualTo(200);
    assertThat(calls.get()).isEqualTo(2);
    // Retry-After: 1 was honoured, not the 100 ms backoff
    assertThat(Duration.ofNanos(at.get(1) - at.get(0)))
        .isGreaterThanOrEqualTo(Duration.ofMillis(950));
  }

  @Test
  void aRetryAfterBeyondTheLimitFailsAtOnce() {
    site.route(
        "/closed",
        ex -> {
          ex.getResponseHeaders().set("Retry-After", "3600");
          TestSite.send(ex, 503, "text/plain", "maintenance".getBytes());
        });
    long t0 = System.nanoTime();
    assertThatThrownBy(() -> get("/closed"))
        .isInstanceOf(FetchException.class)
        .hasMessageContaining("HTTP 503")
        .hasMessageContaining("maxRetryWait");
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(3));
    assertThat(site.hits("/closed")).isEqualTo(1);
  }

  @Test
  void serverErrorsBackOffAndGiveUpAfterTheRetries() {
    site.route("/broken", ex -> TestSite.send(ex, 502, "text/plain", "bad gateway".getBytes()));
    assertThatThrownBy(() -> get("/broken"))
        .hasMessageContaining("HTTP 502")
        .hasMessageContaining("after 3 attempts");
    assertThat(site.hits("/broken")).isEqualTo(3);
  }

  @Test
  void aRedirectLoopIsStopped() {
    site.route("/loop/a", ex -> redirect(ex, "/loop/b"));
    site.route("/loop/b", ex -> redirect(ex, "/loop/a"));
    assertThatThrownBy(() -> get("/loop/a"))
        .isInstanceOf(FetchException.class)
        .hasMessageContaining("redirect loop");
    assertThat(site.hits("/loop/a")).isEqualTo(1);
  }

  @Test
  void tooManyRedirectsAreStopped() {
    for (int i = 0; i < 10; i++) {
      int next = i + 1;
      site.route("/hop/" + i, ex -> redirect(ex, "/hop/" + next));
    }
    assertThat(failure(() -> get("/hop/0"))).isEqualTo(FetchException.Reason.TOO_MANY_REDIRECTS);
    assertThat(site.hits("/hop/5")).isZero(); // maxRedirects 4: /hop/0 … /hop/4 only
  }

  @Test
  void aRedirectIntoAPrivateRangeIsRefused() throws Exception {
    site.route("/to-intranet", ex -> redirectAbsolute(ex, "http://192.168.1.1/admin"));
    site.route(
        "/to-loopback", ex -> redirectAbsolute(ex, "http://127.0.0.2:" + site.port() + "/x"));
    site.route(
        "/to-metadata", ex -> redirectAbsolute(ex, "http://169.254.169.254/latest/meta-data/"));
    for (String p : List.of("/to-intranet", "/to-loopback", "/to-metadata")) {
      assertThatThrownBy(() -> get(p))
          .as(p)
          .isInstanceOf(FetchException.class)
          .hasMessageContaining("private or loopback")
          .hasMessageContaining("allowPrivateNetwork");
    }
    // a source that allows private networks follows redirects on loopback
    site.route("/to-local", ex -> redirectAbsolute(ex, "http://localhost:" + site.port() + "/ok"));
    site.html("/ok", "<p>ok</p>");
    assertThat(fetcher.fetch(FetchRequest.of(URI.create(site.url("/to-local")), true)).status())
        .isEqualTo(200);
  }

  @Test
  void aFiftyMegabyteBodyIsCutOffAtTheLimit() {
    site.route(
        "/huge",
        ex -> {
          ex.getResponseHeaders().set("Content-Type", "text/html");
          ex.sendResponseHeaders(200, 0); // chunked: no length announced
          byte[] chunk = new byte[64 * 1024];
          java.util.Arrays.fill(chunk, (byte) 'a');
          try (OutputStream o = ex.getResponseBody()) {
            for (int i = 0; i < 50 * 16; i++) {
              o.write(chunk);
            }
          } catch (IOException clientWentAway) {
            // expected: the fetcher stops reading at the limit
          }
        });
    long t0 = System.nanoTime();
    FetchException.Reason r = failure(() -> get("/huge"));
    assertThat(r).isEqualTo(FetchException.Reason.TOO_LARGE);
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void anAnnouncedFiftyMegabyteBodyIsRefusedBeforeReading() {
    site.route(
        "/huge-cl",
        ex -> {
          ex.getResponseHeaders().set("Content-Type", "text/html");
          ex.sendResponseHeaders(200, 50L * 1024 * 1024);
          byte[] chunk = new byte[64 * 1024];
          try (OutputStream o = ex.getResponseBody()) {
            for (int i = 0; i < 50 * 16; i++) {
              o.write(chunk);
            }
          } catch (IOException clientWentAway) {
            // expected
          }
        });
    assertThatThrownBy(() -> get("/huge-cl"))
        .isInstanceOf(FetchException.class)
        .hasMessageContaining("Content-Length 52428800");
  }

  @Test
  void aSlowDripIsCutAtTheReadTimeout() {
    HttpFetcher impatient =
        new HttpFetcher(
            config(Duration.ZERO, Duration.ofMillis(1500), 1),
            Clock.systemUTC(),
            FetcherIT::privateButTheTestServer);
    site.route(
        "/drip",
        ex -> {
          ex.getResponseHeaders().set("Content-Type", "text/html");
          ex.sendResponseHeaders(200, 0);
          try (OutputStream o = ex.getResponseBody()) {
            for (int i = 0; i < 100; i++) {
              o.write('x');
              o.flush();
              Thread.sleep(200);
            }
          } catch (IOException | InterruptedException gone) {
            // the fetcher hung up
          }
        });
    long t0 = System.nanoTime();
    assertThatThrownBy(() -> impatient.fetch(FetchRequest.of(URI.create(site.url("/drip")), false)))
        .isInstanceOf(FetchException.class)
        .hasMessageContaining("readTimeout");
    // 20 s of dripping, cut after 1.5 s (and not retried)
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
    assertThat(site.hits("/drip")).isEqualTo(1);
  }

  @Test
  void aWrongCharsetHeaderIsOverruledByTheBytes() throws Exception {
    String text = "翡翠湾业主反映：天花板漏水，物业迟迟不来维修。";
    Charset gbk = Charset.forName("GBK");
    // header says UTF-8, bytes are GBK
    site.page(
        "/gbk",
        "text/html; charset=utf-8",
        ("<html><body><p>" + text + "</p></body></html>").getBytes(gbk));
    // header and meta say gb2312, bytes are UTF-8
    site.page(
        "/utf8",
        "text/html; charset=gb2312",
        ("<html><head><meta charset=\"gb2312\"></head><body><p>" + text + "</p></body></html>")
            .getBytes(StandardCharsets.UTF_8));
    // no header charset, Big5 bytes declared by meta
    String trad = "翡翠灣業主反映：天花板漏水，物業遲遲不來維修。";
    site.page(
        "/big5",
        "text/html",
        ("<html><head><meta charset=\"big5\"></head><body><p>" + trad + "</p></body></html>")
            .getBytes(Charset.forName("Big5")));
    assertThat(Pages.parse(get("/gbk")).text()).isEqualTo(text);
    assertThat(get("/gbk").text().how()).isEqualTo("sniffed");
    assertThat(Pages.parse(get("/utf8")).text()).isEqualTo(text);
    assertThat(Pages.parse(get("/big5")).text()).isEqualTo(trad);
  }

  @Test
  void gzipBodiesAreDecodedAndTheRawBytesKept() throws Exception {
    byte[] html = "<html><body><p>延期交房，违约金怎么算？</p></body></html>".getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream z = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(z)) {
      gz.write(html);
    }
    site.route(
        "/gz",
        ex -> {
          assertThat(ex.getRequestHeaders().getFirst("Accept-Encoding")).contains("gzip");
          ex.getResponseHeaders().set("Content-Encoding", "gzip");
          TestSite.send(ex, 200, "text/html; charset=utf-8", z.toByteArray());
        });
    FetchResponse r = get("/gz");
    assertThat(r.body()).isEqualTo(html);
    assertThat(r.rawBody()).isEqualTo(z.toByteArray());
    assertThat(Pages.parse(r).text()).isEqualTo("延期交房，违约金怎么算？");
  }

  @Test
  void anEtagIsRevalidatedWith304() throws Exception {
    site.html("/page", "<p>物业费为什么涨了</p>");
    FetchResponse first = get("/page");
    assertThat(first.status()).isEqualTo(200);
    assertThat(first.etag()).isNotNull();
    FetchResponse again =
        fetcher.fetch(
            FetchRequest.of(URI.create(site.url("/page")), false)
                .withValidators(first.etag(), null));
    assertThat(again.notModified()).isTrue();
    assertThat(again.body()).isEmpty();
    site.html("/page", "<p>物业费为什么涨了？业主要求公示</p>");
    FetchResponse changed =
        fetcher.fetch(
            FetchRequest.of(URI.create(site.url("/page")), false)
                .withValidators(first.etag(), null));
    assertThat(changed.status()).isEqualTo(200);
  }

  @Test
  void lastModifiedIsRevalidatedWith304() throws Exception {
    String stamp = "Wed, 01 May 2024 02:00:00 GMT";
    site.route(
        "/lm",
        ex -> {
          ex.getResponseHeaders().set("Last-Modified", stamp);
          if (stamp.equals(ex.getRequestHeaders().getFirst("If-Modified-Since"))) {
            ex.sendResponseHeaders(304, -1);
            ex.close();
          } else {
            TestSite.send(
                ex, 200, "text/html; charset=utf-8", "<p>公告</p>".getBytes(StandardCharsets.UTF_8));
          }
        });
    FetchResponse first = get("/lm");
    assertThat(first.lastModified()).isEqualTo(stamp);
    FetchResponse again =
        fetcher.fetch(
            FetchRequest.of(URI.create(site.url("/lm")), false).withValidators(null, stamp));
    assertThat(again.notModified()).isTrue();
  }

  @Test
  void theUserAgentIsSentAndRequestsToOneHostArePacedAndSerialised() throws Exception {
    HttpFetcher polite =
        new HttpFetcher(
            config(Duration.ofMillis(300), Duration.ofSeconds(2), 1),
            Clock.systemUTC(),
            FetcherIT::privateButTheTestServer);
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger maxInFlight = new AtomicInteger();
    List<Long> starts = new java.util.concurrent.CopyOnWriteArrayList<>();
    List<String> agents = new java.util.concurrent.CopyOnWriteArrayList<>();
    site.route(
        "/p",
        ex -> {
          starts.add(System.nanoTime());
          agents.add(ex.getRequestHeaders().getFirst("User-Agent"));
          maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
          try {
            Thread.sleep(50);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          inFlight.decrementAndGet();
          TestSite.send(ex, 200, "text/html", "<p>x</p>".getBytes());
        });
    polite.fetch(FetchRequest.of(URI.create(site.url("/p")), false)); // robots.txt read first
    starts.clear();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<FetchResponse>> fs = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        fs.add(pool.submit(() -> polite.fetch(FetchRequest.of(URI.create(site.url("/p")), false))));
      }
      for (Future<FetchResponse> f : fs) {
        assertThat(f.get().status()).isEqualTo(200);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(maxInFlight.get()).isEqualTo(1);
    List<Long> sorted = new ArrayList<>(starts);
    sorted.sort(Long::compare);
    for (int i = 1; i < sorted.size(); i++) {
      assertThat(Duration.ofNanos(sorted.get(i) - sorted.get(i - 1)))
          .isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }
    assertThat(agents).allMatch(UA::equals);
  }

  private static void redirect(HttpExchange ex, String to) throws IOException {
    ex.getResponseHeaders().set("Location", to);
    TestSite.send(ex, 302, "text/plain", new byte[0]);
  }

  private static void redirectAbsolute(HttpExchange ex, String to) throws IOException {
    redirect(ex, to);
  }
}
