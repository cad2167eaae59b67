package dev.yuqing.crawler;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.yuqing.core.Ids;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A little web site on loopback for crawler tests: pages by path (with ETag revalidation), custom
 * routes for misbehaving servers, and a log of every request.
 */
public final class TestSite implements AutoCloseable {
  private final HttpServer server;
  private final Map<String, Page> pages = new ConcurrentHashMap<>();
  private final Map<String, HttpHandler> routes = new ConcurrentHashMap<>();
  public final List<String> requests = new CopyOnWriteArrayList<>();
  final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

  record Page(String contentType, byte[] body) {}

  public TestSite() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext("/", this::handle);
    server.start();
  }

  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public TestSite html(String path, String html) {
    return page(path, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
  }

  public TestSite json(String path, String json) {
    return page(path, "application/json", json.getBytes(StandardCharsets.UTF_8));
  }

  public TestSite page(String path, String contentType, String text, Charset cs) {
    return page(path, contentType, text.getBytes(cs));
  }

  public TestSite page(String path, String contentType, byte[] body) {
    pages.put(path, new Page(contentType, body));
    return this;
  }

  public TestSite route(String path, HttpHandler h) {
    routes.put(path, h);
    return this;
  }

  public int hits(String path) {
    AtomicInteger n = hits.get(path);
    return n == null ? 0 : n.get();
  }

  private void handle(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath();
    String full =
        ex.getRequestURI().getRawQuery() == null
            ? path
            : path + "?" + ex.getRequestURI().getRawQuery();
    requests.add(full);
    hits.computeIfAbsent(full, k -> new AtomicInteger()).incrementAndGet();
    try {
      HttpHandler h = routes.get(full);
      if (h == null) {
        h = routes.get(path);
      }
      if (h != null) {
        h.handle(ex);
        return;
      }
      Page p = pages.get(full);
      if (p == null) {
        p = pages.get(path);
      }
      if (p == null) {
        send(ex, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
        return;
      }
      String etag = "\"" + Ids.sha256Hex(p.body).substring(0, 16) + "\"";
      ex.getResponseHeaders().set("ETag", etag);
      if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
        ex.sendResponseHeaders(304, -1);
        ex.close();
        return;
      }
      send(ex, 200, p.contentType, p.body);
    } catch (IOException | RuntimeException e) {
      ex.close();
    }
  }

  public static void send(HttpExchange ex, int status, String contentType, byte[] body)
      throws IOException {
    ex.getResponseHeaders().set("Content-Type", contentType);
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream o = ex.getResponseBody()) {
        o.write(body);
      }
    }
    ex.close();
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
