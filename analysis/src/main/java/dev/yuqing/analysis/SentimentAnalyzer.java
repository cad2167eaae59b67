package dev.yuqing.analysis;

import dev.yuqing.core.Sentiment;
import dev.yuqing.core.SentimentLabel;
import java.util.List;

/**
 * Sentiment of a normalised, segmented text with a given model. Thread-safe; no I/O after
 * construction.
 */
final class SentimentAnalyzer {
  private final SentimentFeatures features;
  private final SentimentModel model;

  SentimentAnalyzer(SentimentLexicon lexicon, SentimentModel model) {
    this.features = new SentimentFeatures(lexicon);
    this.model = model;
  }

  Sentiment analyze(String normalized, List<Token> tokens) {
    if (tokens.stream().allMatch(Token::punctuation)) {
      // nothing written: no stance, for certain
      return new Sentiment(SentimentLabel.NEUTRAL, 1.0);
    }
    return model.predict(features.extract(normalized, tokens));
  }

  SentimentModel model() {
    return model;
  }
}
