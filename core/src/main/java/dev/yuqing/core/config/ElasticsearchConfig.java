package dev.yuqing.core.config;

import java.util.List;

/**
 * Elasticsearch connection. Credentials never live in the file: the file names the environment
 * variables that hold them.
 *
 * @param urls node URLs, http or https
 * @param username basic-auth user, or null
 * @param passwordEnv environment variable holding the basic-auth password
 * @param apiKeyEnv environment variable holding an API key (used instead of basic auth when set)
 * @param caCertificate path to a PEM CA certificate for TLS, or null for the JVM's trust store
 * @param indexPrefix prefix of the monthly indices and name of the alias (default yuqing-posts)
 */
public record ElasticsearchConfig(
    List<String> urls,
    String username,
    String passwordEnv,
    String apiKeyEnv,
    String caCertificate,
    String indexPrefix) {
  public ElasticsearchConfig {
    if (urls == null || urls.isEmpty()) {
      throw new IllegalArgumentException("urls: at least one Elasticsearch URL is required");
    }
    for (int i = 0; i < urls.size(); i++) {
      Check.httpUrl("urls[" + i + "]", urls.get(i));
    }
    urls = List.copyOf(urls);
    passwordEnv = Check.envName("passwordEnv", passwordEnv);
    apiKeyEnv = Check.envName("apiKeyEnv", apiKeyEnv);
    indexPrefix = indexPrefix == null || indexPrefix.isBlank() ? "yuqing-posts" : indexPrefix;
  }
}
