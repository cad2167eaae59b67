package dev.yuqing.core.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;

/**
 * Validation helpers for config records. Messages start with the key so the loader can place them.
 */
public final class Check {
  private Check() {}

  public static String required(String key, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(key + ": is required");
    }
    return value.strip();
  }

  /** An absolute http or https URL with a host. */
  public static String httpUrl(String key, String value) {
    required(key, value);
    try {
      URI u = new URI(value.strip());
      String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null) {
        throw new IllegalArgumentException(
            key + ": not an http(s) URL with a host: '" + value + "'");
      }
      return u.toString();
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          key + ": not a valid URL: '" + value + "' (" + e.getReason() + ")", e);
    }
  }

  /**
   * An http(s) URL that may hold a {@code {keyword}} placeholder (a search-result URL: one fetch
   * per watched name); validated with the placeholder filled in.
   */
  public static String httpUrlTemplate(String key, String value) {
    required(key, value);
    String v = value.strip();
    httpUrl(key, v.replace("{keyword}", "k").replace("{page}", "1"));
    return v;
  }

  public static Duration positive(String key, Duration value, Duration dflt) {
    Duration d = value == null ? dflt : value;
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(key + ": must be a positive duration, got " + d);
    }
    return d;
  }

  public static Duration nonNegative(String key, Duration value, Duration dflt) {
    Duration d = value == null ? dflt : value;
    if (d == null || d.isNegative()) {
      throw new IllegalArgumentException(key + ": must not be negative, got " + d);
    }
    return d;
  }

  public static int atLeast(String key, Integer value, int dflt, int min) {
    int v = value == null ? dflt : value;
    if (v < min) {
      throw new IllegalArgumentException(key + ": must be at least " + min + ", got " + v);
    }
    return v;
  }

  public static double atLeast(String key, Double value, double dflt, double min) {
    double v = value == null ? dflt : value;
    if (!(v >= min)) {
      throw new IllegalArgumentException(key + ": must be at least " + min + ", got " + v);
    }
    return v;
  }

  /** A name of an environment variable: letters, digits, underscore. */
  public static String envName(String key, String value) {
    if (value == null) {
      return null;
    }
    if (!value.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new IllegalArgumentException(
          key
              + ": must name an environment variable (e.g. YUQING_SMTP_PASSWORD), got '"
              + value
              + "'");
    }
    return value;
  }
}
