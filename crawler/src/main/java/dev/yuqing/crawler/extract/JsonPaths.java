package dev.yuqing.crawler.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Dotted paths into JSON: {@code data.list}, {@code user.name}, {@code pics[0].url}. */
public final class JsonPaths {
  private static final Pattern STEP = Pattern.compile("([^.\\[\\]]+)|\\[(\\d+)]");

  private JsonPaths() {}

  /** The node at {@code path} ("" is the node itself); a missing node when absent. */
  public static JsonNode at(JsonNode node, String path) {
    if (path == null || path.isBlank()) {
      return node;
    }
    JsonNode cur = node;
    Matcher m = STEP.matcher(path.strip());
    while (m.find() && cur != null && !cur.isMissingNode()) {
      cur = m.group(1) != null ? cur.path(m.group(1)) : cur.path(Integer.parseInt(m.group(2)));
    }
    return cur == null ? MissingNode.getInstance() : cur;
  }

  /** The text at {@code path}, or null when absent, null or empty. */
  public static String text(JsonNode node, String path) {
    if (path == null) {
      return null;
    }
    JsonNode n = at(node, path);
    if (n.isMissingNode() || n.isNull() || n.isContainerNode()) {
      return null;
    }
    String s = n.asText();
    return s.isEmpty() ? null : s;
  }

  /** The integer at {@code path} ("1.2万" and "3k" read too), or null. */
  public static Integer integer(JsonNode node, String path) {
    String s = text(node, path);
    if (s == null) {
      return null;
    }
    String t = s.strip().replace(",", "");
    try {
      if (t.endsWith("万")) {
        return (int) Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 10_000);
      }
      if (t.endsWith("k") || t.endsWith("K")) {
        return (int) Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 1_000);
      }
      return (int) Math.round(Double.parseDouble(t));
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
