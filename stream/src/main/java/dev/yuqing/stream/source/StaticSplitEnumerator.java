package dev.yuqing.stream.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.connector.source.SourceSplit;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;

/**
 * Hands out a fixed set of splits, known when the job starts, spread round-robin over the readers
 * by position. Splits given back after a failure go to the same reader slot again when it
 * re-registers. The checkpoint holds only the splits not yet assigned: an assigned split's state
 * (crawl state, file offset) is checkpointed by its reader.
 *
 * @param <S> split type
 */
final class StaticSplitEnumerator<S extends SourceSplit> implements SplitEnumerator<S, List<S>> {
  private final SplitEnumeratorContext<S> context;
  private final TreeMap<String, S> pending = new TreeMap<>();
  private final Map<String, Integer> slot = new TreeMap<>();

  StaticSplitEnumerator(SplitEnumeratorContext<S> context, List<S> splits, List<String> allIds) {
    this.context = context;
    for (S s : splits) {
      pending.put(s.splitId(), s);
    }
    for (int i = 0; i < allIds.size(); i++) {
      slot.put(allIds.get(i), i);
    }
  }

  @Override
  public void start() {}

  @Override
  public void handleSplitRequest(int subtaskId, String requesterHostname) {
    // Splits are pushed when a reader registers; readers never ask.
  }

  @Override
  public void addSplitsBack(List<S> splits, int subtaskId) {
    for (S s : splits) {
      pending.put(s.splitId(), s);
    }
    if (context.registeredReaders().containsKey(subtaskId)) {
      assignTo(subtaskId);
    }
  }

  @Override
  public void addReader(int subtaskId) {
    assignTo(subtaskId);
  }

  private void assignTo(int subtaskId) {
    int readers = context.currentParallelism();
    List<S> mine = new ArrayList<>();
    for (S s : new ArrayList<>(pending.values())) {
      int position = slot.getOrDefault(s.splitId(), Math.abs(s.splitId().hashCode()));
      if (position % readers == subtaskId) {
        mine.add(s);
        pending.remove(s.splitId());
      }
    }
    for (S s : mine) {
      context.assignSplit(s, subtaskId);
    }
    // The set is fixed: once a reader has its share there is nothing more for it.
    context.signalNoMoreSplits(subtaskId);
  }

  @Override
  public List<S> snapshotState(long checkpointId) {
    return new ArrayList<>(pending.values());
  }

  @Override
  public void close() {}
}
