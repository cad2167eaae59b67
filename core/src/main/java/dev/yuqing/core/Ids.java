package dev.yuqing.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Stable ids and content hashes. Pure functions: the same input always gives the same id. */
public final class Ids {
  private Ids() {}

  /**
   * A post id from its source and its canonical locator (the URL, plus a floor or message number
   * when one page holds several posts). 16 bytes of SHA-256 in hex: short, collision-safe at our
   * volumes, and the same on every crawl so that indexing is idempotent.
   */
  public static String postId(String sourceId, String locator) {
    return sha256Hex(sourceId + "\n" + locator).substring(0, 32);
  }

  /**
   * SHA-256 hex of title and text after whitespace is collapsed, so that a re-render of the same
   * words is not mistaken for an edit.
   */
  public static String contentHash(String title, String text) {
    String t = title == null ? "" : title;
    String b = text == null ? "" : text;
    return sha256Hex(normalise(t) + "\n" + normalise(b));
  }

  public static String sha256Hex(String s) {
    return sha256Hex(s.getBytes(StandardCharsets.UTF_8));
  }

  public static String sha256Hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JRE", e);
    }
  }

  private static String normalise(String s) {
    return s.replace('\u3000', ' ').replace('\u00a0', ' ').replaceAll("\\s+", " ").strip();
  }
}
