/** Dedup: exact by post id and content hash, near-duplicate reposts by SimHash, in keyed state. */
package dev.yuqing.stream.dedup;
