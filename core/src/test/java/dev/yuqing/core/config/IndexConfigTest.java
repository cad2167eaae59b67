package dev.yuqing.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class IndexConfigTest {
  private static final String PROJECTS = "projects:\n  - name: 翡翠湾\n";
  private final ConfigLoader loader = new ConfigLoader();

  private YuqingConfig parse(String index) {
    return loader.parse("c.yaml", PROJECTS + index);
  }

  @Test
  void defaultsToLuceneRefreshedEverySecond() {
    IndexConfig c = parse("").index();
    assertThat(c.backend()).isEqualTo(IndexConfig.Backend.LUCENE);
    assertThat(c.refreshInterval()).isEqualTo(Duration.ofSeconds(1));
    assertThat(c.elasticsearch()).isNull();
  }

  @Test
  void bindsElasticsearchWithDefaults() {
    IndexConfig c =
        parse(
                """
                index:
                  backend: elasticsearch
                  elasticsearch:
                    urls: [https://es1.example.com:9200]
                    username: yuqing
                    caCertificate: /etc/yuqing/ca.pem
                """)
            .index();
    ElasticsearchConfig es = c.elasticsearch();
    assertThat(es.urls()).containsExactly("https://es1.example.com:9200");
    assertThat(es.passwordEnv()).isEqualTo("YUQING_ES_PASSWORD");
    assertThat(es.apiKeyEnv()).isNull();
    assertThat(es.indexPrefix()).isEqualTo("yuqing-posts");
    assertThat(es.bulkActions()).isEqualTo(1000);
    assertThat(es.flushInterval()).isEqualTo(Duration.ofSeconds(1));
    assertThat(es.retryFor()).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void badValuesNameTheirKey() {
    assertThatThrownBy(() -> parse("index:\n  backend: solr\n"))
        .hasMessageContaining("index.backend")
        .hasMessageContaining("unknown backend 'solr'");
    assertThatThrownBy(() -> parse("index:\n  backend: elasticsearch\n"))
        .hasMessageContaining("index.elasticsearch: is required when backend is elasticsearch");
    assertThatThrownBy(() -> parse("index:\n  elasticsearch:\n    urls: [ftp://es]\n"))
        .hasMessageContaining("index.elasticsearch.urls[0]: not an http(s) URL");
    assertThatThrownBy(
            () ->
                parse(
                    "index:\n  elasticsearch:\n    urls: [http://es:9200]\n    indexPrefix: Posts\n"))
        .hasMessageContaining("index.elasticsearch.indexPrefix: must be lower-case");
    assertThatThrownBy(
            () ->
                parse(
                    "index:\n  elasticsearch:\n    urls: [http://es:9200]\n    apiKeyEnv: my key\n"))
        .hasMessageContaining("index.elasticsearch.apiKeyEnv: must name an environment variable");
    assertThatThrownBy(() -> parse("index:\n  refreshInterval: 0s\n"))
        .hasMessageContaining("index.refreshInterval: must be a positive duration");
    assertThatThrownBy(
            () -> parse("index:\n  elasticsearch:\n    urls: [http://es:9200]\n    user: x\n"))
        .hasMessageContaining("index.elasticsearch.user: unknown key");
  }
}
