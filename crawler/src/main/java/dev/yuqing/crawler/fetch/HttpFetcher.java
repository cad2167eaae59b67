package dev.yuqing.crawler.fetch;

import dev.yuqing.core.config.CrawlerConfig;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * The {@link Fetcher} over the JDK HTTP client. Redirects are followed here, hop by hop, so that
 * each hop is checked against robots.txt and the private-address guard; bodies are read under a
 * size cap and one deadline per response (a server that drips bytes cannot hold a crawl).
 */
public final class HttpFetcher implements Fetcher {
  private static final Duration ROBOTS_TTL = Duration.ofHours(24);
  private static final Duration ROBOTS_UNREACHABLE_TTL = Duration.ofMinutes(5);

  private final CrawlerConfig config;
  private final Predicate<InetAddress> isPrivate;
  private final Clock clock;
  private final HttpClient client;
  private final HostGate gate;
  private final String productToken;
  private final ConcurrentHashMap<String, CachedRobots> robots = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Object> robotsLocks = new ConcurrentHashMap<>();

  /** Rules for an origin; {@code unreachable} says why everything is refused, or is null. */
  private record CachedRobots(RobotsTxt robots, long expiresNanos, String unreachable) {
    CachedRobots(RobotsTxt robots, long expiresNanos) {
      this(robots, expiresNanos, null);
    }
  }

  public HttpFetcher(CrawlerConfig config, Clock clock) {
    this(config, clock, AddressGuard::isPrivate);
  }

  /**
   * With another notion of which addresses are private: tests serve from 127.0.0.1 and still need
   * to see a redirect into a private range refused.
   */
  HttpFetcher(CrawlerConfig config, Clock clock, Predicate<InetAddress> isPrivate) {
    this.isPrivate = isPrivate;
    this.config = config;
    this.clock = clock;
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(config.connectTimeout())
            .build();
    this.gate = HostGate.shared(config.perHostConcurrency(), config.perHostDelay());
    this.productToken = RobotsTxt.productToken(config.userAgent());
  }

  @Override
  public FetchResponse fetch(FetchRequest request) throws FetchException, InterruptedException {
    URI url = request.url();
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
      throw new FetchException(FetchException.Reason.IO, url, "not an http(s) URL");
    }
    FetchException last = null;
    for (int attempt = 0; attempt <= config.maxRetries(); attempt++) {
      try {
        return fetchFollowing(request);
      } catch (Retry r) {
        last = r.failure;
        if (attempt == config.maxRetries()) {
          break;
        }
        Duration wait =
            r.retryAfter != null
                ? r.retryAfter
                : config.retryBackoff().multipliedBy(1L << Math.min(attempt, 16));
        if (wait.compareTo(config.maxRetryWait()) > 0) {
          throw new FetchException(
              last.reason(),
              url,
              last.getMessage().substring(url.toString().length() + 2)
                  + "; Retry-After "
                  + wait.toSeconds()
                  + "s exceeds maxRetryWait "
                  + config.maxRetryWait().toSeconds()
                  + "s: not retried",
              last.status());
        }
        Thread.sleep(wait.toMillis());
      }
    }
    throw new FetchException(
        last.reason(),
        url,
        last.getMessage().substring(url.toString().length() + 2)
            + " (after "
            + (config.maxRetries() + 1)
            + " attempts)",
        last.status());
  }

  /** A failure worth another attempt, with the server's Retry-After if it gave one. */
  private static final class Retry extends Exception {
    private static final long serialVersionUID = 1L;
    final transient FetchException failure;
    final transient Duration retryAfter;

    Retry(FetchException failure, Duration retryAfter) {
      super(failure.getMessage(), null, false, false);
      this.failure = failure;
      this.retryAfter = retryAfter;
    }
  }

  private FetchResponse fetchFollowing(FetchRequest request)
      throws FetchException, Retry, InterruptedException {
    URI current = request.url();
    Set<URI> visited = new HashSet<>();
    for (int hop = 0; ; hop++) {
      if (!visited.add(current)) {
        throw new FetchException(
            FetchException.Reason.TOO_MANY_REDIRECTS,
            request.url(),
            "redirect loop back to " + current);
      }
      if (!request.allowPrivateNetwork()) {
        AddressGuard.check(current, isPrivate);
      }
      CachedRobots cached = robotsFor(current, request.allowPrivateNetwork());
      RobotsTxt rules = cached.robots();
      String pathAndQuery =
          (current.getRawPath() == null || current.getRawPath().isEmpty()
                  ? "/"
                  : current.getRawPath())
              + (current.getRawQuery() == null ? "" : "?" + current.getRawQuery());
      if (!rules.allowed(pathAndQuery)) {
        throw new FetchException(
            FetchException.Reason.ROBOTS,
            current,
            cached.unreachable() != null
                ? "robots.txt unreachable ("
                    + cached.unreachable()
                    + "): nothing is fetched from this site for now (RFC 9309)"
                : "disallowed by robots.txt for " + productToken);
      }
      Answer a =
          exchange(
              current,
              request.etag(),
              request.lastModified(),
              config.maxBodyBytes(),
              false,
              rules.crawlDelay());
      int s = a.status;
      if (s >= 300 && s < 400 && s != 304) {
        String location = first(a.headers, "location");
        if (location == null) {
          throw new FetchException(
              FetchException.Reason.HTTP_STATUS, current, "HTTP " + s + " without Location", s);
        }
        if (hop >= config.maxRedirects()) {
          throw new FetchException(
              FetchException.Reason.TOO_MANY_REDIRECTS,
              request.url(),
              "more than " + config.maxRedirects() + " redirects",
              s);
        }
        try {
          current = current.resolve(location.strip().replace(" ", "%20"));
        } catch (IllegalArgumentException e) {
          throw new FetchException(
              FetchException.Reason.HTTP_STATUS, current, "bad redirect Location " + location);
        }
        String scheme = current.getScheme() == null ? "" : current.getScheme();
        if (!scheme.equalsIgnoreCase("http") && !scheme.equalsIgnoreCase("https")) {
          throw new FetchException(
              FetchException.Reason.HTTP_STATUS, request.url(), "redirect to non-http " + current);
        }
        continue;
      }
      if (s == 429 || s == 503) {
        throw new Retry(
            new FetchException(FetchException.Reason.HTTP_STATUS, current, "HTTP " + s, s),
            retryAfter(first(a.headers, "retry-after")));
      }
      if (s >= 500) {
        throw new Retry(
            new FetchException(FetchException.Reason.HTTP_STATUS, current, "HTTP " + s, s), null);
      }
      if (s == 304) {
        return new FetchResponse(
            request.url(), current, 304, a.headers, new byte[0], new byte[0], clock.instant());
      }
      if (s < 200 || s >= 300) {
        throw new FetchException(FetchException.Reason.HTTP_STATUS, current, "HTTP " + s, s);
      }
      byte[] body =
          ContentDecoding.decode(
              current, a.body, first(a.headers, "content-encoding"), config.maxBodyBytes());
      return new FetchResponse(request.url(), current, s, a.headers, a.body, body, clock.instant());
    }
  }

  /** Status, headers and raw body of one HTTP exchange. */
  private record Answer(int status, Map<String, List<String>> headers, byte[] body) {}

  /**
   * One GET under the host gate, read within {@code readTimeout}. With {@code truncate}, a body
   * over the limit is cut (robots.txt); otherwise it fails the fetch.
   */
  private Answer exchange(
      URI url, String etag, String lastModified, long limit, boolean truncate, Duration crawlDelay)
      throws FetchException, Retry, InterruptedException {
    HttpRequest.Builder rb =
        HttpRequest.newBuilder(url)
            .GET()
            .timeout(config.readTimeout())
            .header("User-Agent", config.userAgent())
            .header(
                "Accept",
                "text/html,application/xhtml+xml,application/xml,application/json;q=0.9,*/*;q=0.8")
            .header("Accept-Language", "zh-CN,zh;q=0.9,zh-TW;q=0.8,en;q=0.5")
            .header("Accept-Encoding", "gzip, deflate");
    if (etag != null) {
      rb.header("If-None-Match", etag);
    }
    if (lastModified != null) {
      rb.header("If-Modified-Since", lastModified);
    }
    AtomicReference<CappedBody> sub = new AtomicReference<>();
    long deadline = System.nanoTime() + config.readTimeout().toNanos();
    try (HostGate.Permit permit = gate.acquire(hostKey(url), crawlDelay)) {
      CompletableFuture<HttpResponse<byte[]>> future =
          client.sendAsync(
              rb.build(),
              info -> {
                boolean redirect =
                    info.statusCode() >= 300 && info.statusCode() < 400 && info.statusCode() != 304;
                CappedBody b = new CappedBody(redirect ? 64 * 1024 : limit, truncate || redirect);
                sub.set(b);
                long declared = info.headers().firstValueAsLong("content-length").orElse(-1);
                if (!truncate && !redirect && declared > limit) {
                  b.refuse(declared);
                }
                return b;
              });
      try {
        long remaining = deadline - System.nanoTime();
        HttpResponse<byte[]> r = future.get(Math.max(1, remaining), TimeUnit.NANOSECONDS);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        r.headers()
            .map()
            .forEach(
                (k, v) -> {
                  if (!k.startsWith(":")) {
                    headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v));
                  }
                });
        return new Answer(r.statusCode(), headers, r.body());
      } catch (TimeoutException e) {
        CappedBody b = sub.get();
        if (b != null) {
          b.cancel();
        }
        future.cancel(true);
        throw new FetchException(
            FetchException.Reason.TIMEOUT,
            url,
            "no complete answer within readTimeout " + config.readTimeout().toSeconds() + "s");
      } catch (InterruptedException e) {
        future.cancel(true);
        throw e;
      } catch (ExecutionException | CancellationException e) {
        Throwable c = e.getCause() == null ? e : e.getCause();
        if (c instanceof CappedBody.TooLarge t) {
          throw new FetchException(
              FetchException.Reason.TOO_LARGE,
              url,
              "body larger than maxBodyBytes " + limit + " (" + t.getMessage() + ")");
        }
        if (c instanceof java.net.http.HttpTimeoutException) {
          throw new FetchException(
              FetchException.Reason.TIMEOUT, url, "timed out: " + c.getMessage());
        }
        throw new Retry(
            new FetchException(
                FetchException.Reason.IO,
                url,
                c.getClass().getSimpleName()
                    + (c.getMessage() == null ? "" : ": " + c.getMessage()),
                c),
            null);
      }
    }
  }

  private static String hostKey(URI url) {
    return url.getHost().toLowerCase(Locale.ROOT) + ":" + url.getPort();
  }

  private static String first(Map<String, List<String>> headers, String name) {
    List<String> v = headers.get(name);
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  /** Retry-After as seconds or an HTTP date; null when absent or unreadable. */
  Duration retryAfter(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    try {
      long s = Long.parseLong(v);
      return Duration.ofSeconds(Math.max(0, s));
    } catch (NumberFormatException e) {
      try {
        Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration d = Duration.between(clock.instant(), at);
        return d.isNegative() ? Duration.ZERO : d;
      } catch (DateTimeParseException e2) {
        return null;
      }
    }
  }

  // ---- robots.txt ----

  private CachedRobots robotsFor(URI url, boolean allowPrivate) throws InterruptedException {
    String origin =
        url.getScheme().toLowerCase(Locale.ROOT)
            + "://"
            + url.getHost().toLowerCase(Locale.ROOT)
            + (url.getPort() < 0 ? "" : ":" + url.getPort());
    CachedRobots c = robots.get(origin);
    if (c != null && c.expiresNanos - System.nanoTime() > 0) {
      return c;
    }
    synchronized (robotsLocks.computeIfAbsent(origin, k -> new Object())) {
      c = robots.get(origin);
      if (c != null && c.expiresNanos - System.nanoTime() > 0) {
        return c;
      }
      CachedRobots fresh = fetchRobots(URI.create(origin + "/robots.txt"), allowPrivate);
      robots.put(origin, fresh);
      return fresh;
    }
  }

  private CachedRobots fetchRobots(URI robotsUrl, boolean allowPrivate)
      throws InterruptedException {
    long now = System.nanoTime();
    URI current = robotsUrl;
    String why = "no answer";
    try {
      for (int hop = 0; hop <= 5; hop++) {
        if (!allowPrivate) {
          AddressGuard.check(current, isPrivate);
        }
        Answer a = exchange(current, null, null, RobotsTxt.MAX_BYTES, true, null);
        int s = a.status;
        if (s >= 300 && s < 400 && first(a.headers, "location") != null) {
          current = current.resolve(first(a.headers, "location").strip());
          continue;
        }
        if (s >= 200 && s < 300) {
          byte[] body =
              ContentDecoding.decode(
                  current, a.body, first(a.headers, "content-encoding"), config.maxBodyBytes());
          String text = new String(body, StandardCharsets.UTF_8);
          return new CachedRobots(RobotsTxt.parse(text, productToken), now + ROBOTS_TTL.toNanos());
        }
        if (s >= 400 && s < 500 && s != 429) {
          return new CachedRobots(RobotsTxt.ALLOW_ALL, now + ROBOTS_TTL.toNanos());
        }
        why = "HTTP " + s;
        break; // 429, 5xx: unreachable
      }
    } catch (FetchException e) {
      why = e.getMessage().substring(e.getMessage().indexOf(": ") + 2);
    } catch (Retry e) {
      why = e.failure.getMessage().substring(e.failure.getMessage().indexOf(": ") + 2);
    }
    // unreachable: complete disallow for a while (RFC 9309 §2.3.1.4)
    return new CachedRobots(RobotsTxt.DISALLOW_ALL, now + ROBOTS_UNREACHABLE_TTL.toNanos(), why);
  }

  /** robots.txt rules currently cached, by origin (for progress reports and tests). */
  public List<String> robotsOrigins() {
    return new ArrayList<>(robots.keySet());
  }
}
