package dev.yuqing.crawler.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a body up to a cap. Over the cap it either stops quietly (truncate) or cancels the
 * exchange and fails, so a 50 MB answer costs at most the cap in memory.
 */
final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
  /** A body over the cap. */
  static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    TooLarge(String m) {
      super(m);
    }
  }

  private final long limit;
  private final boolean truncate;
  private final CompletableFuture<byte[]> result = new CompletableFuture<>();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private volatile Flow.Subscription subscription;
  private volatile boolean refused;
  private long refusedLength;

  CappedBody(long limit, boolean truncate) {
    this.limit = limit;
    this.truncate = truncate;
  }

  void refuse(long declaredLength) {
    refused = true;
    refusedLength = declaredLength;
  }

  void cancel() {
    Flow.Subscription s = subscription;
    if (s != null) {
      s.cancel();
    }
    result.completeExceptionally(new CancellationException("deadline"));
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return result;
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    if (refused) {
      s.cancel();
      result.completeExceptionally(new TooLarge("Content-Length " + refusedLength));
      return;
    }
    s.request(Long.MAX_VALUE);
  }

  @Override
  public void onNext(List<ByteBuffer> items) {
    if (result.isDone()) {
      return;
    }
    for (ByteBuffer b : items) {
      int n = b.remaining();
      if (out.size() + (long) n > limit) {
        if (truncate) {
          byte[] part = new byte[(int) (limit - out.size())];
          b.get(part);
          out.write(part, 0, part.length);
          subscription.cancel();
          result.complete(out.toByteArray());
        } else {
          subscription.cancel();
          result.completeExceptionally(new TooLarge("more than " + limit + " bytes arrived"));
        }
        return;
      }
      byte[] chunk = new byte[n];
      b.get(chunk);
      out.write(chunk, 0, n);
    }
  }

  @Override
  public void onError(Throwable t) {
    result.completeExceptionally(t);
  }

  @Override
  public void onComplete() {
    result.complete(out.toByteArray());
  }
}
