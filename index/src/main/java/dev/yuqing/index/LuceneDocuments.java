package dev.yuqing.index;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;

/**
 * A {@link PostDocument} as Lucene fields: keywords for filters, doc values for sorting and
 * aggregations, the pre-analysed terms for relevance, the tagged post stored as JSON.
 */
final class LuceneDocuments {
  /**
   * Terms: frequencies and norms for BM25, no positions (Elasticsearch keyword arrays have none).
   */
  private static final FieldType TERMS_TYPE = new FieldType();

  static {
    TERMS_TYPE.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
    TERMS_TYPE.setTokenized(true);
    TERMS_TYPE.setOmitNorms(false);
    TERMS_TYPE.setStored(false);
    TERMS_TYPE.freeze();
  }

  private LuceneDocuments() {}

  /** The Lucene document of a post. */
  static Document of(PostDocument p) {
    Document d = new Document();
    d.add(new StringField(PostDocument.ID, p.id(), Field.Store.NO));
    d.add(new SortedDocValuesField(PostDocument.ID, new BytesRef(p.id())));
    d.add(new LongPoint(PostDocument.TIME, p.time()));
    d.add(new NumericDocValuesField(PostDocument.TIME, p.time()));
    d.add(new NumericDocValuesField(PostDocument.ENGAGEMENT, p.engagement()));
    keyword(d, PostDocument.SOURCE, List.of(p.source()));
    if (p.author() != null) {
      keyword(d, PostDocument.AUTHOR, List.of(p.author()));
    }
    keyword(d, PostDocument.PROJECT, p.projects());
    filterOnly(d, PostDocument.SENTIMENT, List.of(p.sentiment()));
    d.add(new NumericDocValuesField(PostDocument.SENTIMENT_CODE, p.sentimentCode()));
    filterOnly(d, PostDocument.TOPIC, p.topics());
    d.add(new NumericDocValuesField(PostDocument.TOPIC_BITS, p.topicBits()));
    keyword(d, PostDocument.KEYWORD, p.keywords());
    filterOnly(d, PostDocument.SIGNAL, p.signals());
    d.add(new Field(PostDocument.TERMS, new ListTokenStream(p.terms()), TERMS_TYPE));
    d.add(new StoredField(PostDocument.DOC, p.json()));
    return d;
  }

  /** Indexed for filters; counted through a numeric code instead (cheaper to aggregate). */
  private static void filterOnly(Document d, String field, List<String> values) {
    for (String v : values) {
      d.add(new StringField(field, v, Field.Store.NO));
    }
  }

  /** Indexed for filters, and doc values for aggregations. */
  private static void keyword(Document d, String field, List<String> values) {
    for (String v : values) {
      d.add(new StringField(field, v, Field.Store.NO));
      d.add(new SortedSetDocValuesField(field, new BytesRef(v)));
    }
  }

  /** The pre-analysed terms of a post as a token stream (one position each). */
  private static final class ListTokenStream extends TokenStream {
    private final List<String> terms;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private int next;

    ListTokenStream(List<String> terms) {
      this.terms = terms;
    }

    @Override
    public boolean incrementToken() {
      if (next >= terms.size()) {
        return false;
      }
      clearAttributes();
      term.setEmpty().append(terms.get(next++));
      return true;
    }

    @Override
    public void reset() throws IOException {
      super.reset();
      next = 0;
    }
  }
}
