package dev.yuqing.analysis.learn;

import java.util.List;
import java.util.Objects;

/**
 * One training example: the features of the whole document, the features of each of its instances
 * (e.g. the sentences that name an act), and its label. See {@link PooledLogistic} for how they add
 * up.
 *
 * @param document features of the whole text (may be empty)
 * @param instances features of each instance (may be empty: a text with no candidate sentence)
 * @param positive the label
 */
public record Example(List<String> document, List<List<String>> instances, boolean positive) {
  public Example {
    Objects.requireNonNull(document, "document");
    Objects.requireNonNull(instances, "instances");
    document = List.copyOf(document);
    instances = instances.stream().map(List::copyOf).toList();
  }
}
