package dev.yuqing.index;

import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.transport.ElasticsearchTransport;
import co.elastic.clients.transport.Endpoint;
import co.elastic.clients.transport.TransportOptions;
import dev.yuqing.core.DaemonThreads;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A transport whose asynchronous calls complete on a thread of their own, never on the HTTP
 * client's I/O thread.
 *
 * <p>Why: when the cluster is down, the Apache async client fails a request inline while it holds
 * its connection-pool lock, and {@code BulkIngester} reacts to that failure by taking its own lock
 * — which another thread holds while it waits for the pool lock to send the next request. That
 * deadlock froze a bulk load whose node had just been killed (ElasticsearchRecoveryIT). Completing
 * futures elsewhere breaks the cycle.
 */
final class DecoupledTransport implements ElasticsearchTransport {
  private final ElasticsearchTransport delegate;
  private final ExecutorService completions =
      Executors.newSingleThreadExecutor(DaemonThreads.named("es-completions"));

  DecoupledTransport(ElasticsearchTransport delegate) {
    this.delegate = delegate;
  }

  @Override
  public <RequestT, ResponseT, ErrorT> ResponseT performRequest(
      RequestT request, Endpoint<RequestT, ResponseT, ErrorT> endpoint, TransportOptions options)
      throws IOException {
    return delegate.performRequest(request, endpoint, options);
  }

  @Override
  public <RequestT, ResponseT, ErrorT> CompletableFuture<ResponseT> performRequestAsync(
      RequestT request, Endpoint<RequestT, ResponseT, ErrorT> endpoint, TransportOptions options) {
    CompletableFuture<ResponseT> out = new CompletableFuture<>();
    delegate
        .performRequestAsync(request, endpoint, options)
        .whenComplete(
            (r, e) ->
                completions.execute(
                    () -> {
                      if (e != null) {
                        out.completeExceptionally(e);
                      } else {
                        out.complete(r);
                      }
                    }));
    return out;
  }

  @Override
  public JsonpMapper jsonpMapper() {
    return delegate.jsonpMapper();
  }

  @Override
  public TransportOptions options() {
    return delegate.options();
  }

  @Override
  public void close() throws IOException {
    completions.shutdown();
    delegate.close();
  }
}
