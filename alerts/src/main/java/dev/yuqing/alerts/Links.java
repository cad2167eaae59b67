package dev.yuqing.alerts;

import dev.yuqing.core.Alert;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Links from alerts into the dashboard (the dashboards module serves both views): the alert's page
 * {@code <dashboardUrl>/alerts/<id>}, and the search for the posts behind it {@code
 * <dashboardUrl>/search?project=…&topic=…&sentiment=negative&from=<ISO instant>&to=<ISO
 * instant>&alert=<id>}, from an hour before the incident began to its latest update. Both formats
 * are what the dashboards module serves; keep them stable.
 */
public final class Links {
  private Links() {}

  /** The alert's page. */
  public static String alert(String base, Alert a) {
    return trim(base) + "/alerts/" + enc(a.id());
  }

  /** The search for the posts behind the alert (the view the dashboards call 预警相关帖子). */
  public static String posts(String base, Alert a) {
    StringBuilder sb = new StringBuilder(trim(base));
    sb.append("/search?project=").append(enc(a.project()));
    if (a.topic() != null) {
      sb.append("&topic=").append(enc(a.topic()));
    }
    sb.append("&sentiment=negative");
    if (a.firstAt() != null) {
      sb.append("&from=").append(enc(a.firstAt().minus(Duration.ofHours(1)).toString()));
    }
    if (a.updatedAt() != null) {
      sb.append("&to=").append(enc(a.updatedAt().toString()));
    }
    sb.append("&alert=").append(enc(a.id()));
    return sb.toString();
  }

  private static String trim(String base) {
    return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
