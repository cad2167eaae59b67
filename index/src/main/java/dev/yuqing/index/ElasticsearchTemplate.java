package dev.yuqing.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.fasterxml.jackson.databind.JsonNode;
import dev.yuqing.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.ResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The index template of the posts' monthly indices ({@code
 * src/main/resources/…/posts-template.json}): its {@code version} is the mapping version, installed
 * when the cluster's is missing or older.
 */
final class ElasticsearchTemplate {
  private static final Logger LOG = LoggerFactory.getLogger(ElasticsearchTemplate.class);
  private static final String RESOURCE = "elasticsearch/posts-template.json";

  private ElasticsearchTemplate() {}

  /** The template with the prefix filled in, and its mapping version. */
  static String json(String prefix) {
    try (InputStream in = ElasticsearchTemplate.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("resource " + RESOURCE + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${prefix}", prefix);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + RESOURCE, e);
    }
  }

  static long version() {
    return Json.read(json("x"), JsonNode.class).get("version").asLong();
  }

  static void install(ElasticsearchClient client, String prefix) throws IOException {
    long ours = version();
    Long theirs = installedTemplateVersion(client, prefix);
    if (theirs != null && theirs >= ours) {
      return;
    }
    String json = json(prefix);
    client.indices().putIndexTemplate(p -> p.name(prefix).withJson(new StringReader(json)));
    LOG.info("installed index template {} version {} (was {})", prefix, ours, theirs);
  }

  /**
   * The version of the cluster's template of that name, null when there is none or it has no
   * version. Read as plain JSON: the typed client cannot decode templates written without {@code
   * composed_of} (7.x omits the field then), which is how other tools, older yuqing and ours look.
   */
  private static Long installedTemplateVersion(ElasticsearchClient client, String prefix)
      throws IOException {
    if (!(client._transport() instanceof RestClientTransport rest)) {
      throw new IllegalStateException("unexpected transport " + client._transport().getClass());
    }
    try {
      Response r =
          rest.restClient().performRequest(new Request("GET", "/_index_template/" + prefix));
      JsonNode version;
      try (InputStream in = r.getEntity().getContent()) {
        version =
            Json.mapper()
                .readTree(in)
                .path("index_templates")
                .path(0)
                .path("index_template")
                .path("version");
      }
      return version.isIntegralNumber() ? version.asLong() : null;
    } catch (ResponseException e) {
      if (e.getResponse().getStatusLine().getStatusCode() == 404) {
        return null;
      }
      throw e;
    }
  }
}
