package dev.yuqing.core.config;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;

/**
 * Politeness and safety limits shared by every source.
 *
 * @param userAgent User-Agent header sent with every request; robots.txt groups are matched by its
 *     first product token (default {@code yuqing})
 * @param perHostDelay minimum gap between two requests to one host (default 1s); a larger
 *     robots.txt {@code Crawl-delay} wins
 * @param perHostConcurrency requests in flight per host (default 1)
 * @param connectTimeout TCP connect timeout (default 10s)
 * @param readTimeout timeout for the whole response once connected (default 30s)
 * @param maxBodyBytes bodies longer than this are cut off and the fetch fails (default 10 MiB)
 * @param maxRedirects redirects followed per fetch (default 5)
 * @param maxRetries retries on 429, 503 and I/O errors, with exponential backoff (default 3)
 * @param retryBackoff first backoff; doubled on each retry; Retry-After wins when given (default
 *     2s)
 * @param maxRetryWait a Retry-After longer than this is not waited for: the fetch fails (default
 *     2m)
 * @param timeZone zone of dates that pages print without one (default Asia/Shanghai)
 * @param keepUnscoped keep posts that mention no watched project (default false: drop them)
 */
public record CrawlerConfig(
    String userAgent,
    Duration perHostDelay,
    Integer perHostConcurrency,
    Duration connectTimeout,
    Duration readTimeout,
    Long maxBodyBytes,
    Integer maxRedirects,
    Integer maxRetries,
    Duration retryBackoff,
    Duration maxRetryWait,
    String timeZone,
    boolean keepUnscoped) {

  public static final String DEFAULT_USER_AGENT =
      "yuqing/0.1 (+https://github.com/yuqing-dev/yuqing; public-opinion monitor)";

  public static final CrawlerConfig DEFAULT =
      new CrawlerConfig(null, null, null, null, null, null, null, null, null, null, null, false);

  public CrawlerConfig {
    userAgent = userAgent == null || userAgent.isBlank() ? DEFAULT_USER_AGENT : userAgent.strip();
    perHostDelay = Check.nonNegative("perHostDelay", perHostDelay, Duration.ofSeconds(1));
    perHostConcurrency = Check.atLeast("perHostConcurrency", perHostConcurrency, 1, 1);
    connectTimeout = Check.positive("connectTimeout", connectTimeout, Duration.ofSeconds(10));
    readTimeout = Check.positive("readTimeout", readTimeout, Duration.ofSeconds(30));
    maxBodyBytes = maxBodyBytes == null ? 10L * 1024 * 1024 : maxBodyBytes;
    if (maxBodyBytes < 1024) {
      throw new IllegalArgumentException(
          "maxBodyBytes: must be at least 1024, got " + maxBodyBytes);
    }
    maxRedirects = Check.atLeast("maxRedirects", maxRedirects, 5, 0);
    maxRetries = Check.atLeast("maxRetries", maxRetries, 3, 0);
    retryBackoff = Check.nonNegative("retryBackoff", retryBackoff, Duration.ofSeconds(2));
    maxRetryWait = Check.nonNegative("maxRetryWait", maxRetryWait, Duration.ofMinutes(2));
    timeZone = timeZone == null || timeZone.isBlank() ? "Asia/Shanghai" : timeZone.strip();
    try {
      ZoneId.of(timeZone);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          "timeZone: unknown time zone '" + timeZone + "' (e.g. Asia/Shanghai)", e);
    }
  }

  /** {@link #timeZone()} as a zone. */
  public ZoneId zone() {
    return ZoneId.of(timeZone);
  }

  /** A copy with other politeness timings, for tests and benchmarks against a local server. */
  public CrawlerConfig withTimings(
      Duration perHostDelay, Duration readTimeout, Duration retryBackoff) {
    return new CrawlerConfig(
        userAgent,
        perHostDelay,
        perHostConcurrency,
        connectTimeout,
        readTimeout,
        maxBodyBytes,
        maxRedirects,
        maxRetries,
        retryBackoff,
        maxRetryWait,
        timeZone,
        keepUnscoped);
  }
}
