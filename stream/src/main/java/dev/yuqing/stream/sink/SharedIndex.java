package dev.yuqing.stream.sink;

import dev.yuqing.core.Tagging;
import dev.yuqing.index.PostIndex;
import dev.yuqing.stream.TaskManagerFactory;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * One index opened once per JVM and shared by the index sink's subtasks: an embedded Lucene index
 * allows one writer per directory, but its writer takes documents from several threads, so in an
 * embedded cluster (one JVM) the sink can run at full parallelism — analysing documents for the
 * index is as costly as tagging them. Reference-counted: the last subtask to close closes it.
 */
final class SharedIndex {
  private static final Map<String, Entry> OPEN = new HashMap<>();

  private SharedIndex() {}

  private static final class Entry {
    final PostIndex index;
    int users;

    Entry(PostIndex index) {
      this.index = index;
    }
  }

  /** The index under {@code key}, opened with {@code factory} by the first caller. */
  static IndexSink.Target acquire(String key, TaskManagerFactory<PostIndex> factory)
      throws Exception {
    synchronized (OPEN) {
      Entry e = OPEN.get(key);
      if (e == null) {
        e = new Entry(factory.create());
        OPEN.put(key, e);
      }
      e.users++;
      return new Handle(key, e.index);
    }
  }

  private static void release(String key) {
    PostIndex close = null;
    synchronized (OPEN) {
      Entry e = OPEN.get(key);
      if (e != null && --e.users == 0) {
        OPEN.remove(key);
        close = e.index;
      }
    }
    if (close != null) {
      close.close();
    }
  }

  /** A user's view: closing it releases the shared index once. */
  private static final class Handle implements IndexSink.Target {
    private final String key;
    private final PostIndex index;
    private boolean closed;

    Handle(String key, PostIndex index) {
      this.key = key;
      this.index = index;
    }

    @Override
    public void upsert(Collection<Tagging> posts) {
      index.upsertTagged(posts);
    }

    @Override
    public void commit() {
      index.commit();
    }

    @Override
    public synchronized void close() {
      if (!closed) {
        closed = true;
        release(key);
      }
    }
  }
}
