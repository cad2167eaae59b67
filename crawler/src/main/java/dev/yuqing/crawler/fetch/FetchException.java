package dev.yuqing.crawler.fetch;

import java.net.URI;

/**
 * A fetch that produced no usable page: refused (robots.txt, private address), over a limit (body
 * size, redirects, time) or failed after its retries. The message is one line naming the URL.
 */
public final class FetchException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why a fetch failed; lets callers count failures by kind. */
  public enum Reason {
    ROBOTS,
    PRIVATE_ADDRESS,
    TOO_LARGE,
    TOO_MANY_REDIRECTS,
    TIMEOUT,
    HTTP_STATUS,
    IO
  }

  private final Reason reason;
  private final transient URI url;
  private final int status;

  public FetchException(Reason reason, URI url, String message) {
    this(reason, url, message, 0);
  }

  /** A failure with the HTTP status that caused it (0 when none). */
  public FetchException(Reason reason, URI url, String message, int status) {
    super(url + ": " + message);
    this.reason = reason;
    this.url = url;
    this.status = status;
  }

  public FetchException(Reason reason, URI url, String message, Throwable cause) {
    super(url + ": " + message, cause);
    this.reason = reason;
    this.url = url;
    this.status = 0;
  }

  public Reason reason() {
    return reason;
  }

  /** The HTTP status behind the failure, 0 when there was none (refusals, I/O). */
  public int status() {
    return status;
  }

  public URI url() {
    return url;
  }
}
