/** Sink V2 writers: the post index (idempotent by post id) and the alert hand-off. */
package dev.yuqing.stream.sink;
