package dev.yuqing.dashboards.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A minimal Chrome DevTools Protocol client over the JDK's WebSocket: commands with replies, and
 * event listeners. Enough to drive one page; no dependency beyond the JDK and Jackson, so nothing
 * needs to match the browser's version (unlike chromedriver) and no Node runtime is needed.
 */
final class Cdp implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final Map<String, List<Consumer<JsonNode>>> listeners = new ConcurrentHashMap<>();

  private Cdp(WebSocket socket) {
    this.socket = socket;
  }

  static Cdp connect(URI ws) {
    Cdp[] holder = new Cdp[1];
    Listener listener = new Listener(holder);
    WebSocket s =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .connectTimeout(TIMEOUT)
            .buildAsync(ws, listener)
            .join();
    holder[0] = new Cdp(s);
    listener.ready.complete(null);
    return holder[0];
  }

  /** Sends a command and waits for its result; a protocol error becomes an exception. */
  JsonNode send(String method, Map<String, ?> params) {
    int id = ids.incrementAndGet();
    ObjectNode msg = JSON.createObjectNode();
    msg.put("id", id);
    msg.put("method", method);
    msg.set("params", JSON.valueToTree(params == null ? Map.of() : params));
    CompletableFuture<JsonNode> reply = new CompletableFuture<>();
    pending.put(id, reply);
    socket.sendText(msg.toString(), true).join();
    try {
      JsonNode r = reply.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      if (r.has("error")) {
        throw new IllegalStateException(method + ": " + r.get("error"));
      }
      return r.get("result");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(method + ": interrupted", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException(method + ": no reply within " + TIMEOUT, e);
    } finally {
      pending.remove(id);
    }
  }

  JsonNode send(String method) {
    return send(method, Map.of());
  }

  /** Calls {@code listener} with the params of every event named {@code method}. */
  void on(String method, Consumer<JsonNode> listener) {
    listeners.computeIfAbsent(method, k -> new CopyOnWriteArrayList<>()).add(listener);
  }

  private void dispatch(String text) {
    JsonNode msg;
    try {
      msg = JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (msg.has("id")) {
      CompletableFuture<JsonNode> f = pending.get(msg.get("id").asInt());
      if (f != null) {
        f.complete(msg);
      }
    } else if (msg.has("method")) {
      for (Consumer<JsonNode> l : listeners.getOrDefault(msg.get("method").asText(), List.of())) {
        l.accept(msg.get("params"));
      }
    }
  }

  @Override
  public void close() {
    socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(5, TimeUnit.SECONDS);
    socket.abort();
  }

  /** Reassembles fragmented text frames (screenshots arrive in many) and hands them over. */
  private static final class Listener implements WebSocket.Listener {
    final CompletableFuture<Void> ready = new CompletableFuture<>();
    private final Cdp[] holder;
    private final StringBuilder buffer = new StringBuilder();

    Listener(Cdp[] holder) {
      this.holder = holder;
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      buffer.append(data);
      if (last) {
        String text = buffer.toString();
        buffer.setLength(0);
        ready.join();
        holder[0].dispatch(text);
      }
      ws.request(1);
      return null;
    }
  }
}
