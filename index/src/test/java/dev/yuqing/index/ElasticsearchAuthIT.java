package dev.yuqing.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.yuqing.analysis.SearchTextAnalysis;
import dev.yuqing.core.config.ElasticsearchConfig;
import dev.yuqing.core.config.Secrets;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the client authenticates and trusts the cluster, against an in-process HTTP(S) server that
 * answers like an Elasticsearch 7.17 node and records the Authorization headers it receives (the
 * test node has no security plugin, so TLS and auth cannot be tried on it).
 */
class ElasticsearchAuthIT {
  static final String INFO =
      """
      {"name":"n","cluster_name":"c","cluster_uuid":"u","version":{"number":"7.17.29",
      "build_flavor":"default","build_type":"tar","build_hash":"h",
      "build_date":"2025-06-19T01:37:57.847711500Z","build_snapshot":false,
      "lucene_version":"8.11.3","minimum_wire_compatibility_version":"6.8.0",
      "minimum_index_compatibility_version":"6.0.0-beta1"},"tagline":"You Know, for Search"}
      """;

  @TempDir Path tmp;
  final List<String> authorizations = new CopyOnWriteArrayList<>();
  HttpServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  /** Answers GET / with node info; with {@code challenge}, refuses requests without auth. */
  private void handle(HttpExchange x, boolean challenge) throws IOException {
    try (x) {
      String auth = x.getRequestHeaders().getFirst("Authorization");
      authorizations.add(auth == null ? "" : auth);
      x.getResponseHeaders().add("X-elastic-product", "Elasticsearch");
      if (challenge && auth == null) {
        x.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"security\"");
        x.sendResponseHeaders(401, -1);
        return;
      }
      byte[] body = INFO.getBytes(StandardCharsets.UTF_8);
      x.getResponseHeaders().add("Content-Type", "application/json");
      x.sendResponseHeaders(200, body.length);
      x.getResponseBody().write(body);
    }
  }

  private String startHttp(boolean challenge) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", x -> handle(x, challenge));
    server.start();
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private static ElasticsearchConfig config(
      String url, String user, String passwordEnv, String apiKeyEnv, String ca) {
    return new ElasticsearchConfig(
        List.of(url), user, passwordEnv, apiKeyEnv, ca, null, null, null, null);
  }

  private void connect(ElasticsearchConfig c, Map<String, String> env) {
    ElasticsearchPostIndex.open(c, tmp, Secrets.of(env), true, SearchTextAnalysis.get()).close();
  }

  @Test
  void sendsTheApiKeyFromTheEnvironment() throws Exception {
    String url = startHttp(false);
    connect(config(url, null, null, "ES_KEY", null), Map.of("ES_KEY", "a2V5OnNlY3JldA=="));
    assertThat(authorizations).isNotEmpty().allMatch(a -> a.equals("ApiKey a2V5OnNlY3JldA=="));
  }

  @Test
  void sendsUserAndPasswordAsUtf8BasicAuth() throws Exception {
    String url = startHttp(true);
    connect(config(url, "yuqing", "ES_PW", null, null), Map.of("ES_PW", "s3cret-密码"));
    String expected =
        "Basic "
            + Base64.getEncoder()
                .encodeToString("yuqing:s3cret-密码".getBytes(StandardCharsets.UTF_8));
    assertThat(authorizations).isNotEmpty().allMatch(a -> a.equals(expected));
  }

  @Test
  void aMissingSecretIsNamedButNeverShown() throws Exception {
    String url = startHttp(true);
    assertThatThrownBy(() -> connect(config(url, "yuqing", "ES_PW", null, null), Map.of()))
        .isInstanceOf(IndexException.class)
        .hasMessageContaining("passwordEnv")
        .hasMessageContaining("ES_PW");
    assertThat(authorizations).isEmpty();
  }

  @Test
  void trustsTheConfiguredCaCertificateOnly() throws Exception {
    Path keystore = tmp.resolve("node.p12");
    Path pem = tmp.resolve("ca.pem");
    String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    run(
        keytool,
        "-genkeypair",
        "-alias",
        "node",
        "-keyalg",
        "RSA",
        "-keysize",
        "2048",
        "-dname",
        "CN=localhost",
        "-ext",
        "SAN=ip:127.0.0.1,dns:localhost",
        "-validity",
        "2",
        "-keystore",
        keystore.toString(),
        "-storetype",
        "PKCS12",
        "-storepass",
        "changeit");
    run(
        keytool,
        "-exportcert",
        "-rfc",
        "-alias",
        "node",
        "-keystore",
        keystore.toString(),
        "-storepass",
        "changeit",
        "-file",
        pem.toString());

    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      ks.load(in, "changeit".toCharArray());
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, "changeit".toCharArray());
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(kmf.getKeyManagers(), null, null);
    HttpsServer https =
        HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    https.setHttpsConfigurator(new HttpsConfigurator(ssl));
    https.createContext("/", x -> handle(x, false));
    https.start();
    server = https;
    String url = "https://127.0.0.1:" + https.getAddress().getPort();

    connect(config(url, null, null, null, pem.toString()), Map.of());
    assertThat(authorizations).isNotEmpty();

    int before = authorizations.size();
    assertThatThrownBy(() -> connect(config(url, null, null, null, null), Map.of()))
        .isInstanceOf(IndexException.class)
        .hasMessageContaining("cannot use Elasticsearch");
    assertThat(authorizations).hasSize(before);

    assertThatThrownBy(
            () ->
                connect(
                    config(url, null, null, null, tmp.resolve("nope.pem").toString()), Map.of()))
        .isInstanceOf(IndexException.class)
        .hasMessageContaining("caCertificate");
  }

  private static void run(String... cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
  }
}
