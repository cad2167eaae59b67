package dev.yuqing.crawler.fetch;

/**
 * Fetches pages politely and safely.
 *
 * <p>Contract: obeys robots.txt, paces requests per host, follows redirects (refusing loops, too
 * many hops and, unless the request allows it, private addresses), sends the request's validators
 * and retries 429/503/5xx and I/O errors with backoff. Returns only 2xx answers and 304 (validators
 * still hold); anything else is a {@link FetchException} whose message is one line naming the URL.
 * Thread-safe: one fetcher serves every source of a process.
 */
public interface Fetcher extends AutoCloseable {
  FetchResponse fetch(FetchRequest request) throws FetchException, InterruptedException;

  /** Releases connections. */
  @Override
  default void close() {}
}
