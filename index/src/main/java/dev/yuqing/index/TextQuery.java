package dev.yuqing.index;

import dev.yuqing.core.TextAnalysis;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A parsed full-text query, the same for both backends.
 *
 * <p>Syntax (what a PR analyst types): words separated by spaces must all occur ({@code 漏水 交房});
 * {@code a|b} accepts either ({@code 漏水|渗水}); a leading {@code -} excludes ({@code -物业费}). Each
 * word is segmented like document text, and all its terms must occur, in any order (the index keeps
 * no positions: {@code 推迟交房} finds posts with both 推迟 and 交房).
 *
 * @param required clauses that must all match; a clause matches when any of its alternatives does;
 *     an alternative matches when all its terms occur
 * @param excluded term groups; a post is excluded when all terms of one group occur
 */
record TextQuery(List<List<List<String>>> required, List<List<String>> excluded) {

  static final TextQuery NONE = new TextQuery(List.of(), List.of());

  TextQuery {
    required = List.copyOf(required);
    excluded = List.copyOf(excluded);
  }

  boolean isEmpty() {
    return required.isEmpty() && excluded.isEmpty();
  }

  /**
   * The terms of the single-alternative clauses, flattened into one level (a term listed twice
   * counts once), so that scores are the plain BM25 sum on both backends.
   */
  Set<String> mustTerms() {
    Set<String> musts = new LinkedHashSet<>();
    for (List<List<String>> clause : required) {
      if (clause.size() == 1) {
        musts.addAll(clause.get(0));
      }
    }
    return musts;
  }

  /** The clauses with more than one alternative, each matching when any alternative does. */
  List<List<List<String>>> eitherClauses() {
    return required.stream().filter(clause -> clause.size() > 1).toList();
  }

  /** Every term a hit may contain because of this query: what highlighting marks. */
  Set<String> positiveTerms() {
    Set<String> terms = new LinkedHashSet<>();
    required.forEach(clause -> clause.forEach(terms::addAll));
    return terms;
  }

  /** Parses user query text, read by {@code analysis}; null or blank gives {@link #NONE}. */
  static TextQuery parse(String query, TextAnalysis analysis) {
    if (query == null || query.isBlank()) {
      return NONE;
    }
    List<List<List<String>>> required = new ArrayList<>();
    List<List<String>> excluded = new ArrayList<>();
    // Normalised as a whole, as a document is: script detection needs more than one short word
    // (質量 alone does not look traditional; 質量 問題 does). Full-width spaces, bars and minus
    // signs are what a Chinese input method types.
    String q = analysis.normalise(query).replace('｜', '|').replace('－', '-');
    for (String part : q.strip().split("\\s+")) {
      if (part.length() > 1 && part.startsWith("-")) {
        List<String> terms = analysis.queryTerms(part.substring(1));
        if (!terms.isEmpty()) {
          excluded.add(terms);
        }
        continue;
      }
      List<List<String>> alternatives = new ArrayList<>();
      for (String alternative : part.split("\\|")) {
        List<String> terms = analysis.queryTerms(alternative);
        if (!terms.isEmpty() && !alternatives.contains(terms)) {
          alternatives.add(terms);
        }
      }
      if (!alternatives.isEmpty()) {
        required.add(List.copyOf(alternatives));
      }
    }
    return new TextQuery(required, excluded);
  }
}
