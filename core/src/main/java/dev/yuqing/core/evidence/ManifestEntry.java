package dev.yuqing.core.evidence;

import dev.yuqing.core.Ids;

/**
 * One line of the evidence manifest: where a WARC record lies, its SHA-256, and the chain hash
 * binding it to every record before it. Changing, removing or reordering any record or line breaks
 * the chain from there on.
 *
 * @param seq 1, 2, 3 … in write order
 * @param record WARC-Record-ID
 * @param type WARC-Type (response, resource)
 * @param file WARC file name, relative to the evidence directory
 * @param offset byte offset of the record (its gzip member) in the file
 * @param length stored length of the record in bytes
 * @param sha256 SHA-256 hex of the stored bytes
 * @param url WARC-Target-URI
 * @param date WARC-Date
 * @param source source id
 * @param prev chain hash of the previous entry ("0" × 64 for the first)
 * @param chain SHA-256 of prev and this entry's fields
 */
public record ManifestEntry(
    long seq,
    String record,
    String type,
    String file,
    long offset,
    long length,
    String sha256,
    String url,
    String date,
    String source,
    String prev,
    String chain) {

  public static final String GENESIS = "0".repeat(64);

  /** The chain hash these fields should have. */
  public String expectedChain() {
    return Ids.sha256Hex(
        String.join(
            "\n",
            prev,
            Long.toString(seq),
            record,
            type,
            file,
            Long.toString(offset),
            Long.toString(length),
            sha256,
            url,
            date,
            source));
  }

  /** This entry with its chain hash filled in (entries are built without it, then chained). */
  public ManifestEntry chained() {
    return new ManifestEntry(
        seq, record, type, file, offset, length, sha256, url, date, source, prev, expectedChain());
  }
}
