package dev.yuqing.dashboards.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A tiny browser for HTTP-level tests: keeps cookies, never follows redirects. The cookie jar is
 * ours, not the JDK's CookieManager: the dashboard marks its cookies Secure, and that manager would
 * withhold them from a dashboard served over plain http (as the app's ClusterDeskIT serves it).
 */
public final class WebClient {
  private static final Pattern CSRF_META =
      Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\">");
  private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  final URI base;
  final Map<String, String> cookies = new LinkedHashMap<>();
  private final HttpClient http;

  public WebClient(URI base) {
    this(base, null);
  }

  public WebClient(URI base, SSLContext ssl) {
    this.base = base;
    HttpClient.Builder b =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10));
    if (ssl != null) {
      b.sslContext(ssl);
    }
    this.http = b.build();
  }

  public HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(base.resolve(path)).GET(), path);
  }

  public HttpResponse<String> post(String path, Map<String, String> form, String... headers)
      throws IOException, InterruptedException {
    String body =
        form.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    HttpRequest.Builder b =
        HttpRequest.newBuilder(base.resolve(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i + 1 < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return send(b, path);
  }

  private HttpResponse<String> send(HttpRequest.Builder b, String path)
      throws IOException, InterruptedException {
    if (!cookies.isEmpty()) {
      b.header(
          "Cookie",
          cookies.entrySet().stream()
              .map(e -> e.getKey() + "=" + e.getValue())
              .collect(Collectors.joining("; ")));
    }
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    for (String c : r.headers().allValues("Set-Cookie")) {
      String pair = c.split(";", 2)[0];
      int eq = pair.indexOf('=');
      String name = pair.substring(0, eq);
      String value = pair.substring(eq + 1);
      if (value.isEmpty() || c.contains("Max-Age=0")) {
        cookies.remove(name);
      } else {
        cookies.put(name, value);
      }
    }
    return r;
  }

  /** The page at {@code path}, which must answer 200, as a browser would parse it. */
  public Document page(String path) throws IOException, InterruptedException {
    HttpResponse<String> r = get(path);
    assertThat(r.statusCode()).as("GET %s", path).isEqualTo(200);
    return Jsoup.parse(r.body(), base.resolve(path).toString());
  }

  /** Submits {@code form} with the values the page gave its fields. */
  public HttpResponse<String> submit(Element form) throws IOException, InterruptedException {
    Map<String, String> fields = new LinkedHashMap<>();
    for (Element e : form.select("input[name]")) {
      fields.put(e.attr("name"), e.attr("value"));
    }
    return post(form.attr("action"), fields);
  }

  /** Logs in through the login form; returns the final response (a redirect on success). */
  public HttpResponse<String> login(String user, String password)
      throws IOException, InterruptedException {
    HttpResponse<String> form = get("/login");
    Matcher m = CSRF_FIELD.matcher(form.body());
    if (!m.find()) {
      throw new IllegalStateException("no login token on the login page");
    }
    return post(
        "/login",
        Map.of("_csrf", m.group(1), "user", user, "password", password, "next", "/overview"));
  }

  /** The CSRF token of the current session, read from a page as a browser would. */
  public String csrf() throws IOException, InterruptedException {
    Matcher m = CSRF_META.matcher(get("/overview").body());
    if (!m.find()) {
      throw new IllegalStateException("no csrf meta tag: not logged in?");
    }
    return m.group(1);
  }

  static List<String> setCookies(HttpResponse<?> r) {
    return r.headers().allValues("Set-Cookie");
  }
}
