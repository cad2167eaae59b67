package dev.yuqing.alerts;

import dev.yuqing.core.Alert;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Links from alerts into the dashboard. The view: {@code <dashboardUrl>/search?project=…&topic=…
 * &sentiment=negative&from=<ISO instant>&to=<ISO instant>&alert=<id>} — the posts behind the alert,
 * from an hour before it began to its latest update. The dashboards module serves that view.
 */
public final class Links {
  private Links() {}

  public static String dashboard(String base, Alert a) {
    StringBuilder sb =
        new StringBuilder(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
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

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
