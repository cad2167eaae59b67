package dev.yuqing.core;

import java.util.Objects;

/**
 * A sentiment decision.
 *
 * @param label the decided stance
 * @param score calibrated probability in [0, 1] that {@code label} is right
 */
public record Sentiment(SentimentLabel label, double score) {
  public Sentiment {
    Objects.requireNonNull(label, "label");
    if (!(score >= 0 && score <= 1)) {
      throw new IllegalArgumentException("score must be in [0,1]: " + score);
    }
  }
}
