package dev.yuqing.core;

import java.util.Collection;
import java.util.List;

/**
 * How search reads text: the one place where text becomes search terms, for documents and queries,
 * for every index backend (both store documents as pre-tokenised term lists, so they see exactly
 * the same terms). The index is given one; the analysis module implements it with the segmenter the
 * tagger uses.
 *
 * <p>Documents get the dictionary words inside each longer word as well (index mode: 卫生间 also
 * yields 卫生), so that a query for a shorter word still finds them; queries are read without that
 * expansion.
 *
 * <p>Implementations are thread-safe.
 */
public interface TextAnalysis {

  /** A term and where it stands in the original text ({@code [start, end)} in chars). */
  record Term(String term, int start, int end) {}

  /** The terms of a document's text, in order, with offsets into {@code text}; null: none. */
  List<Term> documentTerms(String text);

  /**
   * The terms of a document from words already segmented from its normalised text ({@link
   * Tagging#words()}): the same terms as {@link #documentTerms(String)} of that text, without
   * segmenting it again.
   */
  List<String> documentTermsOfWords(List<String> words);

  /** The distinct terms of a piece of query text, in order; null: none. */
  List<String> queryTerms(String text);

  /** Normalises text as documents and queries are normalised (script, width, case). */
  String normalise(String text);

  /**
   * Keeps these names (estates, developers, property companies) whole in documents and queries from
   * now on. Whoever indexes and whoever searches must keep the same names whole.
   */
  void keepWhole(Collection<String> names);

  /** The names kept whole so far, in the order first added. */
  List<String> keptWhole();
}
