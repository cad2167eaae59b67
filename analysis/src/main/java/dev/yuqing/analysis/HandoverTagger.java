package dev.yuqing.analysis;

import dev.yuqing.core.Entity;
import dev.yuqing.core.Post;
import dev.yuqing.core.Sentiment;
import dev.yuqing.core.Signals;
import dev.yuqing.core.TaggedPost;
import dev.yuqing.core.Tagger;
import dev.yuqing.core.Tagging;
import dev.yuqing.core.Topic;
import dev.yuqing.core.config.ProjectConfig;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * yuqing's {@link Tagger} for handover posts: one normalisation (traditional → simplified,
 * half-width, lower-case Latin), one HanLP segmentation with the handover dictionary and the
 * configured names, then the trained sentiment model, topic cues, key phrases, entities and
 * early-warning signals over that one result.
 *
 * <p>Build it once ({@link #create}: loads dictionaries and the model, about a second), then call
 * {@link #tag} from any number of threads; tagging does no I/O. Texts longer than {@link
 * #MAX_CHARS} characters are analysed on their first {@code MAX_CHARS} characters.
 */
public final class HandoverTagger implements Tagger {
  /** Longest text analysed; beyond it a post is a document dump, not a message. */
  public static final int MAX_CHARS = 20_000;

  private final Segmenter segmenter;
  private final SentimentAnalyzer sentiment;
  private final TopicCues topicCues;
  private final TopicModel topics;
  private final SignalFeatures signalFeatures = new SignalFeatures();
  private final KeyphraseExtractor keyphrases;
  private final EntityExtractor entities;
  private final SignalDetector signals;

  private HandoverTagger(List<ProjectConfig> projects, Models models) {
    List<String> names = new ArrayList<>();
    for (ProjectConfig p : projects) {
      names.addAll(p.allNames());
    }
    this.segmenter = Segmenter.create(names);
    SentimentLexicon lexicon = new SentimentLexicon();
    this.sentiment = new SentimentAnalyzer(lexicon, models.sentiment());
    this.topicCues = new TopicCues();
    this.topics = models.topics();
    Set<String> domain = new HashSet<>(topicCues.words());
    domain.addAll(lexicon.weights.keySet());
    this.keyphrases = new KeyphraseExtractor(domain);
    this.entities = new EntityExtractor(projects);
    this.signals = new SignalDetector(models.signals());
  }

  /** A tagger with the shipped model that knows these projects' names. */
  public static HandoverTagger create(List<ProjectConfig> projects) {
    return new HandoverTagger(projects == null ? List.of() : projects, Models.shipped());
  }

  /** A tagger with the shipped model and no configured projects. */
  public static HandoverTagger create() {
    return create(List.of());
  }

  /**
   * The trained parts of the tagger.
   *
   * @param sentiment stance
   * @param signals mobilisation, collective acts, media
   * @param topics the taxonomy's topics
   */
  record Models(SentimentModel sentiment, SignalModel signals, TopicModel topics) {
    static Models shipped() {
      return new Models(SentimentModel.shipped(), SignalModel.shipped(), TopicModel.shipped());
    }
  }

  /** A tagger with other models (evaluation retrains models that did not see the scored data). */
  static HandoverTagger withModels(List<ProjectConfig> projects, Models models) {
    return new HandoverTagger(projects, models);
  }

  /** The segmenter this tagger uses (the same one search indexing should use). */
  public Segmenter segmenter() {
    return segmenter;
  }

  @Override
  public TaggedPost tag(Post post) {
    return tagWithWords(post).post();
  }

  @Override
  public Tagging tagWithWords(Post post) {
    String normalTitle = TextNormalizer.normalize(post.title());
    String normalBody = TextNormalizer.normalize(post.text());
    String title = cap(normalTitle);
    String body = cap(normalBody);
    boolean whole = title == normalTitle && body == normalBody;
    if (!title.isBlank() && body.strip().equals(title.strip())) {
      // a headline repeated as its own text (news lists, feeds): one headline, not two lines
      body = "";
      whole = false;
    }
    List<Token> tokens = new ArrayList<>();
    int titleTokens = 0;
    if (!title.isBlank()) {
      tokens.addAll(segmenter.terms(title));
      tokens.add(new Token("\n", "w"));
      titleTokens = tokens.size();
    }
    tokens.addAll(segmenter.terms(body));
    String full = join(title, body);

    Sentiment s = sentiment.analyze(full, tokens);
    SignalFeatures.Bag bag = signalFeatures.bag(full, tokens);
    Signals sig = signals.detect(full, bag);
    List<Topic> t = topics(title, body, bag, sig);
    List<String> k = keyphrases.extract(tokens, titleTokens);
    List<Entity> e = entities.extract(tokens);
    return new Tagging(
        new TaggedPost(post, s, t, k, e, sig), whole ? words(post, title, body, tokens) : null);
  }

  /**
   * The trained topics, with 媒体曝光 exactly when the media signal fires: GUIDE.md gives the topic the
   * signal's test, and the signal's classifier reads the media words in their sentences.
   */
  private List<Topic> topics(String title, String body, SignalFeatures.Bag bag, Signals sig) {
    List<Topic> t = new ArrayList<>(topics.classify(topicCues.features(title, body, bag)));
    t.remove(Topic.MEDIA);
    if (sig.media()) {
      t.remove(Topic.OTHER);
      t.add(Topic.MEDIA);
    }
    if (t.isEmpty()) {
      t.add(Topic.OTHER);
    }
    return t;
  }

  /**
   * The words of the tokens when they are exactly the segmentation of the normalised {@link
   * Post#fullText()}, else null. The segmenter cuts at line breaks, so the tokens of title, break
   * and body are those of the joined text whenever normalising the joined text gives the joined
   * normalised parts: not so when a part was capped or blanked, nor when the simplified conversion,
   * which decides per text, decides otherwise for the whole (one traditional character in the title
   * and one in the body convert together, not alone).
   */
  private static List<String> words(Post post, String title, String body, List<Token> tokens) {
    String joined = title.isBlank() ? body : title + "\n" + body;
    if (!TextNormalizer.normalize(post.fullText()).equals(joined)) {
      return null;
    }
    List<String> words = new ArrayList<>(tokens.size());
    for (Token t : tokens) {
      if (!t.punctuation()) {
        words.add(t.word());
      }
    }
    return words;
  }

  /**
   * The text analysis reads: the title, a newline and the body; only the title when the body is
   * empty or repeats it; only the body when there is no title.
   */
  static String join(String title, String body) {
    if (title == null || title.isBlank()) {
      return body == null ? "" : body;
    }
    if (body == null || body.isBlank() || body.strip().equals(title.strip())) {
      return title;
    }
    return title + "\n" + body;
  }

  private static String cap(String s) {
    if (s.length() <= MAX_CHARS) {
      return s;
    }
    int end = MAX_CHARS;
    if (Character.isHighSurrogate(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(0, end);
  }
}
