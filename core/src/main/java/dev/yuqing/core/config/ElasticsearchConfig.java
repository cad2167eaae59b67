package dev.yuqing.core.config;

import java.time.Duration;
import java.util.List;

/**
 * Elasticsearch connection. Credentials never live in the file: the file names the environment
 * variables that hold them.
 *
 * @param urls node URLs, http or https
 * @param username basic-auth user, or null
 * @param passwordEnv environment variable holding the basic-auth password (default
 *     YUQING_ES_PASSWORD when a username is given)
 * @param apiKeyEnv environment variable holding an API key (base64 {@code id:key} as Kibana shows
 *     it); used instead of basic auth when the variable is set
 * @param caCertificate path to a PEM CA certificate for TLS, or null for the JVM's trust store
 * @param indexPrefix prefix of the monthly indices ({@code <prefix>-2025.06}) and name of the alias
 *     over them (default yuqing-posts)
 * @param bulkActions posts per bulk request (default 1000)
 * @param flushInterval how long a partly filled bulk request may wait (default 1s)
 * @param retryFor how long a bulk request that fails as a whole (cluster unreachable, overloaded)
 *     is retried, with exponential backoff, before its posts are parked in the dead-letter file
 *     (default 10m)
 */
public record ElasticsearchConfig(
    List<String> urls,
    String username,
    String passwordEnv,
    String apiKeyEnv,
    String caCertificate,
    String indexPrefix,
    Integer bulkActions,
    Duration flushInterval,
    Duration retryFor) {

  public ElasticsearchConfig {
    if (urls == null || urls.isEmpty()) {
      throw new IllegalArgumentException("urls: at least one Elasticsearch URL is required");
    }
    for (int i = 0; i < urls.size(); i++) {
      Check.httpUrl("urls[" + i + "]", urls.get(i));
    }
    urls = List.copyOf(urls);
    username = username == null || username.isBlank() ? null : username.strip();
    passwordEnv = Check.envName("passwordEnv", passwordEnv);
    if (username != null && passwordEnv == null) {
      passwordEnv = "YUQING_ES_PASSWORD";
    }
    apiKeyEnv = Check.envName("apiKeyEnv", apiKeyEnv);
    indexPrefix = indexPrefix == null || indexPrefix.isBlank() ? "yuqing-posts" : indexPrefix;
    if (!indexPrefix.matches("[a-z0-9][a-z0-9_.-]*")) {
      throw new IllegalArgumentException(
          "indexPrefix: must be lower-case letters, digits, '-', '_' or '.', got '"
              + indexPrefix
              + "'");
    }
    bulkActions = Check.atLeast("bulkActions", bulkActions, 1000, 1);
    flushInterval = Check.positive("flushInterval", flushInterval, Duration.ofSeconds(1));
    retryFor = Check.positive("retryFor", retryFor, Duration.ofMinutes(10));
  }

  /** Plain-HTTP settings for one node without auth, everything else default. */
  public static ElasticsearchConfig of(String url) {
    return new ElasticsearchConfig(List.of(url), null, null, null, null, null, null, null, null);
  }
}
