package dev.yuqing.crawler.fetch;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Locale;
import java.util.zip.DataFormatException;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;

/**
 * Undoes a response's {@code Content-Encoding} (gzip, deflate) under the body cap: a small
 * compressed answer must not become an unbounded one in memory.
 */
final class ContentDecoding {
  private ContentDecoding() {}

  /**
   * The decoded body of {@code raw}, sent with {@code encoding} (null or identity: as is).
   *
   * @throws FetchException TOO_LARGE when the decoded body exceeds {@code limit}; IO when it cannot
   *     be decoded or the encoding is not supported
   */
  static byte[] decode(URI url, byte[] raw, String encoding, long limit) throws FetchException {
    if (encoding == null || encoding.isBlank() || encoding.equalsIgnoreCase("identity")) {
      return raw;
    }
    String e = encoding.strip().toLowerCase(Locale.ROOT);
    try {
      if (e.equals("gzip") || e.equals("x-gzip")) {
        return readCapped(new GZIPInputStream(new ByteArrayInputStream(raw)), limit, url);
      }
      if (e.equals("deflate")) {
        try {
          return inflate(raw, false, limit, url);
        } catch (DataFormatException zlibFailed) {
          return inflate(raw, true, limit, url); // some servers send raw deflate
        }
      }
    } catch (IOException | DataFormatException ex) {
      throw new FetchException(
          FetchException.Reason.IO, url, "cannot decode " + e + " body: " + ex.getMessage());
    }
    throw new FetchException(FetchException.Reason.IO, url, "unsupported Content-Encoding " + e);
  }

  private static byte[] readCapped(InputStream in, long limit, URI url)
      throws IOException, FetchException {
    try (in) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[16384];
      int n;
      while ((n = in.read(buf)) > 0) {
        append(out, buf, n, limit, url);
      }
      return out.toByteArray();
    }
  }

  private static byte[] inflate(byte[] raw, boolean nowrap, long limit, URI url)
      throws DataFormatException, FetchException {
    Inflater inf = new Inflater(nowrap);
    try {
      inf.setInput(raw);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[16384];
      while (!inf.finished()) {
        int n = inf.inflate(buf);
        if (n == 0 && (inf.needsInput() || inf.needsDictionary())) {
          break;
        }
        append(out, buf, n, limit, url);
      }
      return out.toByteArray();
    } finally {
      inf.end();
    }
  }

  private static void append(ByteArrayOutputStream out, byte[] buf, int n, long limit, URI url)
      throws FetchException {
    out.write(buf, 0, n);
    if (out.size() > limit) {
      throw new FetchException(
          FetchException.Reason.TOO_LARGE,
          url,
          "decompressed body larger than maxBodyBytes " + limit);
    }
  }
}
