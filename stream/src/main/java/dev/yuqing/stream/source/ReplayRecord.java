package dev.yuqing.stream.source;

import dev.yuqing.core.Post;

/** A replayed post (null for a bad line) and the position after its line. */
record ReplayRecord(Post post, long nextOffset, long nextLine) {}
