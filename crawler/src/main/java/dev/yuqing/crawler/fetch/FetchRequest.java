package dev.yuqing.crawler.fetch;

import java.net.URI;

/**
 * One page to fetch.
 *
 * @param url absolute http(s) URL
 * @param etag validator from the last fetch (sent as If-None-Match), or null
 * @param lastModified validator from the last fetch (sent as If-Modified-Since), or null
 * @param allowPrivateNetwork whether loopback and private addresses may be contacted
 */
public record FetchRequest(URI url, String etag, String lastModified, boolean allowPrivateNetwork) {
  public static FetchRequest of(URI url, boolean allowPrivateNetwork) {
    return new FetchRequest(url, null, null, allowPrivateNetwork);
  }

  public FetchRequest withValidators(String etag, String lastModified) {
    return new FetchRequest(url, etag, lastModified, allowPrivateNetwork);
  }
}
