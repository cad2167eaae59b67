package dev.yuqing.analysis;

import java.util.List;

/** The words of a segmented text and where each stands in it. Immutable. */
final class Words {
  /** The words joined: the text they were segmented from. */
  final String text;

  private final List<Token> tokens;
  private final int[] starts;
  private final int[] wordAt;

  Words(List<Token> tokens) {
    this.tokens = tokens;
    this.starts = new int[tokens.size() + 1];
    StringBuilder sb = new StringBuilder();
    for (int k = 0; k < tokens.size(); k++) {
      starts[k] = sb.length();
      sb.append(tokens.get(k).word());
    }
    starts[tokens.size()] = sb.length();
    this.text = sb.toString();
    this.wordAt = new int[text.length() + 1];
    for (int k = 0; k < tokens.size(); k++) {
      for (int c = starts[k]; c < starts[k + 1]; c++) {
        wordAt[c] = k;
      }
    }
    wordAt[text.length()] = tokens.size();
  }

  int size() {
    return tokens.size();
  }

  /** The word at character {@code i}; {@link #size()} at the end of the text. */
  int wordAt(int i) {
    return wordAt[i];
  }

  String word(int k) {
    return tokens.get(k).word();
  }

  String pos(int k) {
    return tokens.get(k).pos();
  }

  int start(int k) {
    return starts[k];
  }

  int end(int k) {
    return starts[k + 1];
  }

  boolean startsWord(int i) {
    return starts[wordAt[i]] == i;
  }

  boolean endsWord(int i) {
    return i == text.length() || startsWord(i);
  }
}
