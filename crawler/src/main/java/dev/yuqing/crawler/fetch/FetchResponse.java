package dev.yuqing.crawler.fetch;

import java.net.URI;
import java.nio.charset.Charset;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a server answered, after redirects.
 *
 * @param requested the URL asked for
 * @param url the final URL (after redirects): resolve relative links against it
 * @param status HTTP status of the final answer (200, or 304 when the validators still hold)
 * @param headers response headers, names lower-case, in arrival order
 * @param rawBody the body bytes as they arrived (still gzip-encoded if the server encoded them):
 *     what evidence keeps
 * @param body the decoded body bytes (content-encoding removed); empty for 304
 * @param fetchedAt when the answer arrived
 */
public record FetchResponse(
    URI requested,
    URI url,
    int status,
    Map<String, List<String>> headers,
    byte[] rawBody,
    byte[] body,
    Instant fetchedAt) {

  public boolean notModified() {
    return status == 304;
  }

  /** First value of a header (name case-insensitive), or null. */
  public String header(String name) {
    List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  public String etag() {
    return header("etag");
  }

  public String lastModified() {
    return header("last-modified");
  }

  public String contentType() {
    return header("content-type");
  }

  /** The body as text, decoded by {@link Charsets#decode} (header, BOM, meta, sniffing). */
  public Decoded text() {
    return Charsets.decode(body, contentType());
  }

  /**
   * A decoded body.
   *
   * @param text the text
   * @param charset the charset it was decoded with
   * @param how which evidence decided it (header, bom, meta, sniffed)
   */
  public record Decoded(String text, Charset charset, String how) {}
}
