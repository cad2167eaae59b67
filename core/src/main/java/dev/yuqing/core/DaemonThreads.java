package dev.yuqing.core;

import java.util.concurrent.ThreadFactory;

/** Threads of yuqing's background executors: named, so a thread dump says whose they are. */
public final class DaemonThreads {
  private DaemonThreads() {}

  /** Daemon threads called {@code name}: they never keep the JVM alive on their own. */
  public static ThreadFactory named(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }
}
