package dev.yuqing.index;

/** The index could not be read or written (I/O, corrupt index, cluster unreachable). */
public class IndexException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public IndexException(String message, Throwable cause) {
    super(message, cause);
  }

  public IndexException(String message) {
    super(message);
  }
}
