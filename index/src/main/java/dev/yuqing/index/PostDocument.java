package dev.yuqing.index;

import dev.yuqing.core.TaggedPost;
import dev.yuqing.core.TextAnalysis;
import dev.yuqing.core.Topic;
import dev.yuqing.core.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * What both backends index for one post: the same field names and values, so that filters, sorts
 * and aggregations mean the same thing everywhere. The post itself is kept whole as JSON ({@code
 * doc}) and read back from there.
 *
 * @param id post id (unique key)
 * @param time event time in epoch milliseconds (published, else fetched, else 0)
 * @param engagement replies plus likes (0 when unknown)
 * @param source source id
 * @param author author as shown, or null
 * @param projects watched projects the post mentions
 * @param sentiment sentiment label key ({@code negative} …)
 * @param topics topic labels (Chinese, as in DOMAIN.md)
 * @param keywords key phrases as tagged
 * @param signals {@link SignalKind#key()} of the signals the post carries
 * @param terms search terms of title and text ({@link TextAnalysis#documentTerms})
 * @param json the tagged post as JSON
 * @param sentimentCode {@link dev.yuqing.core.SentimentLabel#ordinal()} (Lucene aggregations)
 * @param topicBits bit {@link Topic#ordinal()} set for each topic (Lucene aggregations)
 */
record PostDocument(
    String id,
    long time,
    long engagement,
    String source,
    String author,
    List<String> projects,
    String sentiment,
    List<String> topics,
    List<String> keywords,
    List<String> signals,
    List<String> terms,
    String json,
    int sentimentCode,
    long topicBits) {

  static final String ID = "id";
  static final String TIME = "time";
  static final String ENGAGEMENT = "engagement";
  static final String SOURCE = "source";
  static final String AUTHOR = "author";
  static final String PROJECT = "project";
  static final String SENTIMENT = "sentiment";
  static final String TOPIC = "topic";
  static final String KEYWORD = "keyword";
  static final String SIGNAL = "signal";
  static final String TERMS = "terms";
  static final String DOC = "doc";
  static final String SENTIMENT_CODE = "sentiment_code";
  static final String TOPIC_BITS = "topic_bits";

  /**
   * The document of a post; its terms from {@code words} (the tagger's segmentation of the post's
   * normalised full text, see {@link dev.yuqing.core.Tagging#words()}) when given, else from the
   * text.
   */
  static PostDocument of(TaggedPost p, List<String> words, TextAnalysis analysis) {
    Instant t = p.post().eventTime();
    long engagement = 0;
    if (p.post().replies() != null) {
      engagement += Math.max(0, p.post().replies());
    }
    if (p.post().likes() != null) {
      engagement += Math.max(0, p.post().likes());
    }
    List<String> topics = new ArrayList<>();
    long topicBits = 0;
    for (Topic topic : p.topics()) {
      topics.add(topic.label());
      topicBits |= 1L << topic.ordinal();
    }
    List<String> signals = new ArrayList<>();
    for (SignalKind k : SignalKind.of(p.signals())) {
      signals.add(k.key());
    }
    List<String> terms;
    if (words != null) {
      terms = analysis.documentTermsOfWords(words);
    } else {
      terms = new ArrayList<>();
      for (TextAnalysis.Term token : analysis.documentTerms(p.post().fullText())) {
        terms.add(token.term());
      }
    }
    String author = p.post().author();
    return new PostDocument(
        p.id(),
        t == null ? 0 : t.toEpochMilli(),
        engagement,
        p.post().sourceId(),
        author == null || author.isBlank() ? null : author,
        distinct(p.post().projects()),
        p.sentiment().label().name().toLowerCase(Locale.ROOT),
        distinct(topics),
        distinct(p.keywords()),
        signals,
        terms,
        Json.line(p),
        p.sentiment().label().ordinal(),
        topicBits);
  }

  /** The field values of filter choices ({@code SentimentLabel::json}, {@code Topic::label} …). */
  static <T> List<String> values(Collection<T> choices, Function<T, String> value) {
    List<String> out = new ArrayList<>(choices.size());
    for (T c : choices) {
      out.add(value.apply(c));
    }
    return out;
  }

  /** Reads a post back from its stored JSON. */
  static TaggedPost read(String json) {
    return Json.read(json, TaggedPost.class);
  }

  private static List<String> distinct(List<String> values) {
    return values.stream().filter(v -> v != null && !v.isBlank()).distinct().toList();
  }
}
