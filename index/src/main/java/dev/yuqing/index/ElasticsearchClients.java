package dev.yuqing.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.TransportUtils;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.yuqing.core.config.ElasticsearchConfig;
import dev.yuqing.core.config.Secrets;
import dev.yuqing.core.json.Json;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.apache.http.Header;
import org.apache.http.HttpHost;
import org.apache.http.message.BasicHeader;
import org.elasticsearch.client.RestClient;
import org.elasticsearch.client.RestClientBuilder;

/**
 * Builds the Elasticsearch client from configuration and environment: TLS with an optional CA
 * certificate, API-key or basic auth. Secrets are read from the environment variables the config
 * names and never appear in messages.
 */
final class ElasticsearchClients {
  private ElasticsearchClients() {}

  static ElasticsearchClient create(ElasticsearchConfig c, Secrets secrets) {
    HttpHost[] hosts = new HttpHost[c.urls().size()];
    for (int i = 0; i < hosts.length; i++) {
      URI u = URI.create(c.urls().get(i));
      int port = u.getPort() != -1 ? u.getPort() : u.getScheme().equals("https") ? 443 : 9200;
      hosts[i] = new HttpHost(u.getHost(), port, u.getScheme());
    }
    RestClientBuilder b = RestClient.builder(hosts);
    SSLContext ssl = sslContext(c);
    Optional<String> apiKey = secrets.get(c.apiKeyEnv());
    if (apiKey.isPresent()) {
      b.setDefaultHeaders(
          new Header[] {new BasicHeader("Authorization", "ApiKey " + apiKey.get())});
    } else if (c.apiKeyEnv() != null && c.username() == null) {
      throw new IndexException(
          "index.elasticsearch.apiKeyEnv: environment variable " + c.apiKeyEnv() + " is not set");
    } else if (c.username() != null) {
      String password =
          secrets
              .get(c.passwordEnv())
              .orElseThrow(
                  () ->
                      new IndexException(
                          "index.elasticsearch.passwordEnv: environment variable "
                              + c.passwordEnv()
                              + " is not set (password of user "
                              + c.username()
                              + ")"));
      // Sent with every request, UTF-8 encoded (the HTTP client's challenge-response would send
      // non-ASCII passwords as '?'), as Elasticsearch expects.
      String basic =
          Base64.getEncoder()
              .encodeToString((c.username() + ":" + password).getBytes(StandardCharsets.UTF_8));
      b.setDefaultHeaders(new Header[] {new BasicHeader("Authorization", "Basic " + basic)});
    }
    if (ssl != null) {
      b.setHttpClientConfigCallback(h -> h.setSSLContext(ssl));
    }
    // Our own mapper (ISO instants, records), never the shared one: the client may configure it.
    JsonMapper mapper = Json.configure(JsonMapper.builder().build());
    return new ElasticsearchClient(
        new RestClientTransport(b.build(), new JacksonJsonpMapper(mapper)));
  }

  private static SSLContext sslContext(ElasticsearchConfig c) {
    if (c.caCertificate() == null) {
      return null;
    }
    File ca = new File(c.caCertificate());
    if (!ca.isFile()) {
      throw new IndexException(
          "index.elasticsearch.caCertificate: no such file: " + c.caCertificate());
    }
    try {
      return TransportUtils.sslContextFromHttpCaCrt(ca);
    } catch (IOException | RuntimeException e) {
      throw new IndexException(
          "index.elasticsearch.caCertificate: not a PEM certificate: "
              + c.caCertificate()
              + " ("
              + e.getMessage()
              + ")",
          e);
    }
  }
}
