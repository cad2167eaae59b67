package dev.yuqing.stream;

import java.io.Serializable;

/**
 * Builds a stage's non-serialisable helper (a tagger, an index, an alert service) on the task
 * manager, in the operator's {@code open()}. The factory itself travels with the job graph, so it
 * must be serialisable: capture configuration as plain values (strings, paths as strings), never
 * live objects.
 *
 * @param <T> what it builds
 */
@FunctionalInterface
public interface TaskManagerFactory<T> extends Serializable {
  /** Builds a fresh instance; may be slow (dictionaries, files); called once per subtask. */
  T create() throws Exception;
}
