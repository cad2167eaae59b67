package dev.yuqing.analysis;

/**
 * One segmented word.
 *
 * @param word the word as it appears in the normalised text
 * @param pos HanLP part-of-speech tag (n, v, nz, w …): the dictionary's first reading of the word,
 *     since analysis runs no tagging pass
 */
public record Token(String word, String pos) {

  /** Punctuation, whitespace and symbols: not a word for search or features. */
  public boolean punctuation() {
    return pos.startsWith("w") || word.isBlank();
  }
}
