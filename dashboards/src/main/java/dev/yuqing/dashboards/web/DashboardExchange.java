package dev.yuqing.dashboards.web;

import com.sun.net.httpserver.HttpExchange;
import dev.yuqing.core.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One request and its response: parameters, cookies, the session, and senders that always add the
 * security headers. Not thread-safe (one per request).
 */
public final class DashboardExchange {
  /** Forms are small: anything larger is refused rather than buffered. */
  static final int MAX_FORM_BYTES = 64 * 1024;

  /** No inline script, no inline style, nothing from other origins. */
  static final String CSP =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " connect-src 'self'; font-src 'self'; form-action 'self'; frame-ancestors 'none';"
          + " base-uri 'none'";

  private final HttpExchange ex;
  private final boolean tls;
  private final Map<String, List<String>> query;
  private Map<String, List<String>> form;
  private Session session;
  private final Map<String, String> pathParams = new LinkedHashMap<>();

  DashboardExchange(HttpExchange ex, boolean tls) {
    this.ex = ex;
    this.tls = tls;
    this.query = parse(ex.getRequestURI().getRawQuery());
  }

  public String method() {
    return ex.getRequestMethod();
  }

  public String path() {
    return ex.getRequestURI().getPath();
  }

  /** Path and query as requested, for a return link after login. */
  public String pathAndQuery() {
    String raw = ex.getRequestURI().getRawQuery();
    return ex.getRequestURI().getRawPath() + (raw == null ? "" : "?" + raw);
  }

  /** A query parameter, stripped; null when absent or blank. */
  public String param(String name) {
    return first(query, name);
  }

  public List<String> params(String name) {
    return query.getOrDefault(name, List.of());
  }

  /** A form field of a POST body (application/x-www-form-urlencoded), or null. */
  public String form(String name) throws IOException {
    if (form == null) {
      form = readForm();
    }
    return first(form, name);
  }

  public String pathParam(String name) {
    return pathParams.get(name);
  }

  void pathParam(String name, String value) {
    pathParams.put(name, value);
  }

  public String header(String name) {
    return ex.getRequestHeaders().getFirst(name);
  }

  public String cookie(String name) {
    for (String h : ex.getRequestHeaders().getOrDefault("Cookie", List.of())) {
      for (String part : h.split(";")) {
        int eq = part.indexOf('=');
        if (eq > 0 && part.substring(0, eq).strip().equals(name)) {
          return part.substring(eq + 1).strip();
        }
      }
    }
    return null;
  }

  /** Client address, for the login throttle. */
  public String clientAddress() {
    return ex.getRemoteAddress().getAddress().getHostAddress();
  }

  public Session session() {
    return session;
  }

  void session(Session s) {
    this.session = s;
  }

  public boolean tls() {
    return tls;
  }

  /** Adds a cookie that scripts cannot read and other sites cannot send. */
  public void setCookie(
      String name, String value, String path, long maxAgeSeconds, boolean secure) {
    StringBuilder c = new StringBuilder();
    c.append(name).append('=').append(value).append("; Path=").append(path);
    c.append("; HttpOnly; SameSite=Strict");
    if (maxAgeSeconds >= 0) {
      c.append("; Max-Age=").append(maxAgeSeconds);
    }
    if (secure) {
      c.append("; Secure");
    }
    ex.getResponseHeaders().add("Set-Cookie", c.toString());
  }

  public void html(int status, String body) throws IOException {
    send(status, "text/html; charset=utf-8", body.getBytes(StandardCharsets.UTF_8), true);
  }

  public void json(int status, Object value) throws IOException {
    send(
        status,
        "application/json; charset=utf-8",
        Json.line(value).getBytes(StandardCharsets.UTF_8),
        true);
  }

  public void text(int status, String body) throws IOException {
    send(status, "text/plain; charset=utf-8", body.getBytes(StandardCharsets.UTF_8), true);
  }

  /** 303 See Other: after a POST the browser GETs the target. */
  public void redirect(String location) throws IOException {
    ex.getResponseHeaders().set("Location", location);
    send(303, "text/plain; charset=utf-8", new byte[0], true);
  }

  /** A file to save, never to render: the browser downloads it under {@code fileName}. */
  public void download(String contentType, String fileName, byte[] body) throws IOException {
    ex.getResponseHeaders()
        .set(
            "Content-Disposition",
            "attachment; filename=\"" + fileName.replaceAll("[^A-Za-z0-9._-]", "_") + "\"");
    send(200, contentType, body, true);
  }

  void staticFile(String contentType, byte[] body) throws IOException {
    ex.getResponseHeaders().set("Cache-Control", "public, max-age=3600");
    send(200, contentType, body, false);
  }

  /**
   * Starts a server-sent event stream ({@code text/event-stream}) and returns its body, which stays
   * open after the handler returns: the caller writes events to it from any thread, and closes it.
   */
  OutputStream eventStream() throws IOException {
    headers("text/event-stream; charset=utf-8", true);
    ex.sendResponseHeaders(200, 0);
    return ex.getResponseBody();
  }

  private void send(int status, String contentType, byte[] body, boolean noStore)
      throws IOException {
    headers(contentType, noStore);
    boolean head = method().equals("HEAD");
    ex.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
    if (!head && body.length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
    ex.close();
  }

  private void headers(String contentType, boolean noStore) {
    var h = ex.getResponseHeaders();
    h.set("Content-Type", contentType);
    h.set("Content-Security-Policy", CSP);
    h.set("X-Content-Type-Options", "nosniff");
    h.set("X-Frame-Options", "DENY");
    h.set("Referrer-Policy", "no-referrer");
    h.set("Cross-Origin-Opener-Policy", "same-origin");
    h.set("Cross-Origin-Resource-Policy", "same-origin");
    if (noStore) {
      h.set("Cache-Control", "no-store");
    }
    if (tls) {
      h.set("Strict-Transport-Security", "max-age=31536000");
    }
  }

  private Map<String, List<String>> readForm() throws IOException {
    if (!method().equals("POST")) {
      return Map.of();
    }
    String type = header("Content-Type");
    if (type == null || !type.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
      return Map.of();
    }
    try (InputStream in = ex.getRequestBody()) {
      ByteArrayOutputStream buf = new ByteArrayOutputStream();
      byte[] chunk = new byte[8192];
      int n;
      while ((n = in.read(chunk)) > 0) {
        buf.write(chunk, 0, n);
        if (buf.size() > MAX_FORM_BYTES) {
          throw new TooLarge();
        }
      }
      return parse(buf.toString(StandardCharsets.UTF_8));
    }
  }

  /** A request body over {@link #MAX_FORM_BYTES}: answered 413, never buffered whole. */
  static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    TooLarge() {
      super("form larger than " + MAX_FORM_BYTES + " bytes");
    }
  }

  static Map<String, List<String>> parse(String raw) {
    Map<String, List<String>> m = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return m;
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      String v = eq < 0 ? "" : pair.substring(eq + 1);
      try {
        m.computeIfAbsent(decode(k), x -> new ArrayList<>()).add(decode(v));
      } catch (IllegalArgumentException e) {
        // a malformed escape: drop that pair rather than fail the whole request
        continue;
      }
    }
    return m;
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  private static String first(Map<String, List<String>> m, String name) {
    List<String> v = m.get(name);
    if (v == null || v.isEmpty()) {
      return null;
    }
    String s = v.get(0).strip();
    return s.isEmpty() ? null : s;
  }
}
