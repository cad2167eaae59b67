package dev.yuqing.dashboards.web;

/** A bad query parameter: the page says what to fix (in Chinese). */
final class BadRequest extends RuntimeException {
  private static final long serialVersionUID = 1L;

  BadRequest(String message) {
    super(message);
  }
}
