package dev.yuqing.crawler.extract;

import dev.yuqing.crawler.fetch.Charsets;
import dev.yuqing.crawler.fetch.FetchResponse;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** Parses page bytes into a jsoup document, decoding them as {@link Charsets} decides. */
public final class Pages {
  private Pages() {}

  /**
   * Parses HTML bytes.
   *
   * @param body the bytes as served
   * @param contentType the Content-Type header, or null (a saved file)
   * @param url the page URL: relative links resolve against it
   */
  public static Document parse(byte[] body, String contentType, String url) {
    FetchResponse.Decoded d = Charsets.decode(body, contentType);
    Document doc = Jsoup.parse(d.text(), url == null ? "" : url);
    return doc;
  }

  public static Document parse(FetchResponse r) {
    return parse(r.body(), r.contentType(), r.url().toString());
  }
}
