package dev.yuqing.estestnode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.elasticsearch.cluster.service.ClusterService;
import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.mapper.MapperExtrasPlugin;
import org.elasticsearch.join.ParentJoinPlugin;
import org.elasticsearch.node.InternalSettingsPreparer;
import org.elasticsearch.node.Node;
import org.elasticsearch.plugins.Plugin;
import org.elasticsearch.reindex.ReindexPlugin;
import org.elasticsearch.script.mustache.MustachePlugin;
import org.elasticsearch.search.aggregations.matrix.MatrixAggregationPlugin;
import org.elasticsearch.transport.Netty4Plugin;

/**
 * Runs one real Elasticsearch 7.17 node (STACK-NOTES.md) until its standard input closes or reads
 * {@code stop}, or the process is terminated.
 *
 * <p>Usage: {@code EsTestNode HOME HTTP_PORT TRANSPORT_PORT}. Data, logs and config live under
 * HOME, so a node restarted with the same HOME and ports finds its indices again. Prints {@code
 * READY http://127.0.0.1:PORT} on standard output once the cluster answers.
 */
public final class EsTestNode {
  private EsTestNode() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      System.err.println("usage: EsTestNode HOME HTTP_PORT TRANSPORT_PORT");
      System.exit(2);
    }
    Path home = Path.of(args[0]).toAbsolutePath();
    Files.createDirectories(home.resolve("config"));
    System.setProperty("es.set.netty.runtime.available.processors", "false");
    Settings settings =
        Settings.builder()
            .put("cluster.name", "yuqing-test")
            .put("node.name", "yuqing-test-node")
            .put("path.home", home.toString())
            .put("path.data", home.resolve("data").toString())
            .put("path.logs", home.resolve("logs").toString())
            .put("discovery.type", "single-node")
            .put("network.host", "127.0.0.1")
            .put("http.port", args[1])
            .put("transport.port", args[2])
            .put("http.type", "netty4")
            .put("transport.type", "netty4")
            .put("cluster.routing.allocation.disk.threshold_enabled", false)
            .put("action.auto_create_index", true)
            .build();
    LogConfigurator.configureWithoutConfig(settings);
    Environment env =
        InternalSettingsPreparer.prepareEnvironment(
            settings, Map.of(), home.resolve("config"), () -> "yuqing-test-node");
    Node node =
        new PluginNode(
            env,
            List.of(
                Netty4Plugin.class,
                ReindexPlugin.class,
                MapperExtrasPlugin.class,
                ParentJoinPlugin.class,
                MatrixAggregationPlugin.class,
                MustachePlugin.class));
    Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(node), "es-node-stop"));
    node.start();
    System.out.println("READY http://127.0.0.1:" + args[1]);
    System.out.flush();
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null && !line.strip().equals("stop")) {
        // wait: the parent test controls the node's life through this pipe
      }
    }
    closeQuietly(node);
    System.exit(0);
  }

  private static void closeQuietly(Node node) {
    try {
      node.close();
    } catch (IOException | RuntimeException e) {
      System.err.println("closing the node: " + e);
    }
  }

  /** Node with the bundled plugin classes; no cluster-id listener (it needs a real install). */
  private static final class PluginNode extends Node {
    PluginNode(Environment env, Collection<Class<? extends Plugin>> plugins) {
      super(env, plugins, true);
    }

    @Override
    protected void configureNodeAndClusterIdStateListener(ClusterService clusterService) {}
  }
}
