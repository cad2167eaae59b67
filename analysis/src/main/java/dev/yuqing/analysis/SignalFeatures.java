package dev.yuqing.analysis;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a normalised text into the instances the signal classifiers score: one per sentence that
 * names a collective act or the media, each a set of named binary features describing who acts (a
 * group, "we", one person), when (future, conditional, past), how (a call on others, a time, a
 * venue) and what (gathering, petition, lawsuit, refusal, complaint, …), plus a document instance
 * with the text's form (a news report). The features are combinations of cue classes, not words, so
 * that what is learnt from one letter carries to another. Pure and thread-safe.
 */
final class SignalFeatures {
  /** The cue classes of {@code signal-cues.txt}. */
  enum Cue {
    WHOLE,
    GROUP,
    WE,
    FUTURE,
    CONDITIONAL,
    CALL,
    TOGETHER,
    PAST,
    NEGATION,
    GATHER,
    PETITION,
    LEGAL,
    REFUSE,
    COMPLAIN,
    NEGOTIATE,
    MASS,
    ONLINE,
    GO,
    MEDIA;

    boolean act() {
      return compareTo(GATHER) >= 0 && compareTo(GO) <= 0;
    }
  }

  /**
   * One scored unit.
   *
   * @param start start of the sentence in the text
   * @param end end of the sentence
   * @param anchor start of the sentence's first act or media word; of its first act that takes
   *     people somewhere (a gathering, a petition, going to an office) when it has one
   * @param somewhere the sentence names an act that takes people somewhere: only such a call has a
   *     place (「联名反对在小区门口建变电站」 names where the substation goes, not where to meet)
   * @param features feature names
   */
  record Instance(int start, int end, int anchor, boolean somewhere, List<String> features) {}

  /**
   * What the classifiers read of one text.
   *
   * @param document features of the whole text
   * @param sentences the sentences that name an act or the media
   */
  record Bag(List<String> document, List<Instance> sentences) {
    List<List<String>> features() {
      return sentences.stream().map(Instance::features).toList();
    }
  }

  private static final String SENTENCE_END = "。！？!?\n；;";
  private static final String CLAUSE_END = "，,：:";

  /** How far before an act its subject and modality are looked for. */
  private static final int BEFORE = 24;

  private static final Pattern DATE =
      Pattern.compile("\\d{4}年|\\d{1,2}月\\d{1,2}[日号]|\\d{4}[-./]\\d");
  private static final Pattern QUESTION = Pattern.compile("[？?]");

  /** A counted group: 「几百位业主」「一百多户」「数十名居民」「部分业主」. */
  private static final Pattern COUNTED_GROUP =
      Pattern.compile(
          "((\\d{2,}|[二三四五六七八九两]?[十百千万]|几|数|上|近)[十百千]?[多余]?[位名户个]|部分|大批|不少|很多|许多|众多|多名|多位|多户)"
              + "(业主|居民|村民|住户|购房者|购房户|受害人|受害者|出借人|职工|员工|农民工|家长|群众|老人)?");

  /** The whole group urged right before the act: 「大家都去」「各位务必」「全体业主一定要」. */
  private static final Pattern EXHORTED =
      Pattern.compile("(大家|各位|全体[\\p{IsHan}]{0,3}|所有[\\p{IsHan}]{0,3})(都|一定要|务必|必须|要|赶紧|快)");

  /** Owners as the subject, not counted (业主 in a letter is usually the owners as a body). */
  private static final Pattern OWNERS = Pattern.compile(SignalRules.OWNER_NOUNS);

  private final Map<String, EnumSet<Cue>> classes = new HashMap<>();
  private final Cues cues;

  SignalFeatures() {
    for (String[] row : Resources.rows("signal-cues.txt")) {
      Cue c = Cue.valueOf(row[0].toUpperCase(java.util.Locale.ROOT));
      classes.computeIfAbsent(row[1], k -> EnumSet.noneOf(Cue.class)).add(c);
    }
    this.cues = new Cues(classes.keySet().toArray(String[]::new));
  }

  /** A cue found in a text. */
  private record Hit(int start, int end, Set<Cue> classes) {}

  /**
   * What the classifiers read of a normalised text, given its tokens (whose words concatenate to
   * the text). Cues start where a token starts, and one-character cues (了 过 将 会 去 …) must be a
   * whole token, so 经过 holds no past marker and 会所 no future.
   */
  Bag bag(String text, List<Token> tokens) {
    boolean[] tokenStart = new boolean[text.length() + 1];
    int[] tokenEnd = new int[text.length() + 1];
    int at = 0;
    for (Token t : tokens) {
      if (at >= text.length()) {
        break;
      }
      tokenStart[at] = true;
      tokenEnd[at] = Math.min(text.length(), at + t.word().length());
      at += t.word().length();
    }
    if (at != text.length()) {
      // tokens of another text: fall back to character matching
      java.util.Arrays.fill(tokenStart, true);
      for (int i = 0; i < text.length(); i++) {
        tokenEnd[i] = i + 1;
      }
    }
    List<Instance> out = new ArrayList<>();
    List<String> doc = documentFeatures(text, tokens);
    int start = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i == text.length() || SENTENCE_END.indexOf(text.charAt(i)) >= 0) {
        if (i > start) {
          Instance inst =
              sentence(text, start, Math.min(text.length(), i + 1), tokenStart, tokenEnd);
          if (inst != null) {
            out.add(inst);
          }
        }
        start = i + 1;
      }
    }
    return new Bag(doc, out);
  }

  /**
   * The text's form, and its words ({@code W|word}: the words' own evidence, for the kinds that
   * read them).
   */
  private static List<String> documentFeatures(String text, List<Token> tokens) {
    List<String> f = new ArrayList<>();
    f.add("D");
    Set<String> words = new LinkedHashSet<>();
    for (Token t : tokens) {
      if (!t.punctuation()) {
        words.add("W|" + t.word());
      }
    }
    f.addAll(words);
    if (SignalRules.newsReport(text)) {
      f.add("D|news");
    }
    if (SignalRules.boardLetter(text)) {
      f.add("D|letter");
    }
    if (SignalRules.jointLetter(text)) {
      f.add("J|joint");
    }
    return f;
  }

  /** The instance of sentence {@code [from, to)}, or null when it names no act and no media. */
  private Instance sentence(String text, int from, int to, boolean[] tokenStart, int[] tokenEnd) {
    List<Hit> hits = new ArrayList<>();
    int i = from;
    while (i < to) {
      String w = tokenStart[i] ? cues.at(text, i) : null;
      if (w == null || i + w.length() > to || (w.length() == 1 && tokenEnd[i] != i + 1)) {
        i++;
        continue;
      }
      hits.add(new Hit(i, i + w.length(), classes.get(w)));
      i += w.length();
    }
    if (hits.isEmpty()) {
      return null;
    }
    Set<String> f = new LinkedHashSet<>();
    Marks marks = new Marks();
    int anchor = -1;
    int physical = -1;
    for (Hit h : hits) {
      for (Cue c : h.classes()) {
        if (c.act()) {
          if (c == Cue.GO && !SignalRules.venueAfter(text, h.end(), to)) {
            continue;
          }
          act(text, from, to, hits, h, c, f, marks);
          anchor = anchor < 0 ? h.start() : anchor;
          if (physical < 0 && (c == Cue.GATHER || c == Cue.PETITION || c == Cue.GO)) {
            physical = h.start();
          }
        } else if (c == Cue.MEDIA && !SignalRules.notInvolvement(text, from, to, h.start())) {
          media(text, from, to, hits, h, f, marks);
          anchor = anchor < 0 ? h.start() : anchor;
        }
      }
    }
    if (f.isEmpty()) {
      return null;
    }
    return new Instance(from, to, physical >= 0 ? physical : anchor, physical >= 0, List.copyOf(f));
  }

  /** Which cue classes occur in {@code [from, to)} of the hits. */
  private static EnumSet<Cue> within(List<Hit> hits, int from, int to) {
    EnumSet<Cue> s = EnumSet.noneOf(Cue.class);
    for (Hit h : hits) {
      if (h.start() >= from && h.end() <= to) {
        s.addAll(h.classes());
      }
    }
    return s;
  }

  /** The tags of the context of a cue at {@code h}: who, when, how. */
  private Set<String> context(String text, int from, int to, List<Hit> hits, Hit h, Marks marks) {
    int clause = h.start();
    while (clause > from && CLAUSE_END.indexOf(text.charAt(clause - 1)) < 0) {
      clause--;
    }
    int near = Math.max(from, h.start() - BEFORE);
    EnumSet<Cue> subject = within(hits, near, h.start());
    EnumSet<Cue> modal = within(hits, Math.max(near, clause), h.start());
    EnumSet<Cue> sentence = within(hits, from, to);
    Set<String> tags = new LinkedHashSet<>();
    String before = text.substring(near, h.start());
    boolean whole = subject.contains(Cue.WHOLE);
    boolean group = whole || subject.contains(Cue.GROUP) || COUNTED_GROUP.matcher(before).find();
    boolean we = subject.contains(Cue.WE);
    if (whole) {
      // GUIDE.md: a whole group's threat counts, a loose 「我们」 does not
      tags.add("a");
    }
    if (group) {
      tags.add("g");
    }
    if (we) {
      tags.add("w");
    }
    if (!group && !we && SignalRules.firstPersonSingular(text, near, h.start())) {
      tags.add("i");
    }
    if (!group && OWNERS.matcher(before).find()) {
      tags.add("o");
    }
    EnumSet<Cue> earlier = within(hits, from, near);
    if (!group && (earlier.contains(Cue.GROUP) || earlier.contains(Cue.WHOLE))) {
      tags.add("gs");
    }
    // a day or clock time relative to now right before the act (「明早8点半…门口见」) sets it ahead
    if (modal.contains(Cue.FUTURE)
        || SignalRules.relativeTime(text.substring(Math.max(clause, near), h.start()))) {
      tags.add("f");
    }
    if (within(hits, from, h.start()).contains(Cue.CONDITIONAL)) {
      tags.add("c");
    }
    String lead = text.substring(Math.max(clause, near), h.start());
    if (subject.contains(Cue.CALL)
        || modal.contains(Cue.CALL)
        || (whole && EXHORTED.matcher(text.substring(Math.max(clause, near), h.end())).find())) {
      tags.add("k");
    }
    if (SignalRules.toldToAct(lead)) {
      // someone else telling the owners what to do (「物业说让我们找开发商」): advice, not a call
      tags.add("told");
    }
    if (modal.contains(Cue.TOGETHER)) {
      tags.add("j");
    }
    int clauseEnd = h.end();
    while (clauseEnd < to && CLAUSE_END.indexOf(text.charAt(clauseEnd)) < 0) {
      clauseEnd++;
    }
    boolean past =
        modal.contains(Cue.PAST)
            || SignalRules.pastSuffix(text, h.end(), to)
            || within(hits, h.end(), clauseEnd).contains(Cue.PAST)
            || DATE.matcher(text.substring(Math.max(clause, near), h.start())).find();
    if (past) {
      tags.add("p");
    } else {
      tags.add("np");
    }
    if (modal.contains(Cue.NEGATION)) {
      tags.add("n");
    }
    tags.addAll(marks.of(text, from, to));
    if (sentence.contains(Cue.CALL)) {
      tags.add("ks");
    }
    return tags;
  }

  /**
   * The marks of a whole sentence (a relative time, a venue, a date, a question; for media words
   * also a byline, advice, the board, a regulator, an outlet receiving), worked out once for all
   * the cues the sentence holds. One per sentence, used by one thread.
   */
  private static final class Marks {
    private Set<String> sentence;
    private Set<String> media;

    Set<String> of(String text, int from, int to) {
      if (sentence == null) {
        sentence = new LinkedHashSet<>();
        String s = text.substring(from, to);
        if (SignalRules.relativeTime(s)) {
          sentence.add("t");
        }
        if (SignalRules.venue(s)) {
          sentence.add("l");
        }
        if (DATE.matcher(s).find()) {
          sentence.add("d");
        }
        if (QUESTION.matcher(s).find()) {
          sentence.add("q");
        }
      }
      return sentence;
    }

    Set<String> media(String text, int from, int to) {
      if (media == null) {
        media = new LinkedHashSet<>();
        SignalRules.mediaContext(text, from, to, media);
      }
      return media;
    }
  }

  private void act(
      String text, int from, int to, List<Hit> hits, Hit h, Cue c, Set<String> f, Marks marks) {
    Set<String> tags = context(text, from, to, hits, h, marks);
    String cls = c.name().toLowerCase(java.util.Locale.ROOT);
    emit("A", cls, tags, f);
    if (NGRAMS > 0) {
      int s = Math.max(from, h.start() - NGRAMS);
      int e = Math.min(to, h.end() + 2);
      for (int i = s; i + 2 <= e; i++) {
        if (!Character.isWhitespace(text.charAt(i))
            && !Character.isWhitespace(text.charAt(i + 1))) {
          f.add("B|" + text.substring(i, i + 2));
        }
      }
    }
  }

  /** Characters before an act whose bigrams the classifiers also read (how the act is put). */
  static final int NGRAMS = 12;

  private void media(
      String text, int from, int to, List<Hit> hits, Hit h, Set<String> f, Marks marks) {
    Set<String> tags = context(text, from, to, hits, h, marks);
    tags.addAll(marks.media(text, from, to));
    String word = text.substring(h.start(), h.end());
    emit("M", word, tags, f);
  }

  /** Who acts, from the tags: the group, "we", the owners, the writer alone, or nobody named. */
  private static String who(Set<String> tags) {
    for (String t : new String[] {"a", "g", "w", "gs", "o", "i"}) {
      if (tags.contains(t)) {
        return t;
      }
    }
    return "-";
  }

  /** When the act happens, from the tags: a call, a condition, the future, the past, or unsaid. */
  private static String when(Set<String> tags) {
    if (tags.contains("q")) {
      return "q";
    }
    if (tags.contains("told")) {
      return "told";
    }
    for (String t : new String[] {"k", "c", "f"}) {
      if (tags.contains(t)) {
        return tags.contains("p") ? t + "p" : t;
      }
    }
    return tags.contains("p") ? "p" : "-";
  }

  /**
   * The coarse kind of a cue: for acts, escalation (gathering, petition, lawsuit, refusal, mass
   * incident, signatures) or a plain complaint; for media words, a journalist, an outlet or
   * exposure.
   */
  private static String coarse(String cls) {
    return switch (cls) {
      case "complain", "negotiate", "go" -> "plain";
      case "gather", "petition", "legal", "refuse", "mass", "online" -> "esc";
      case "记者", "采访", "本报" -> "journalist";
      case "曝光", "热搜", "舆论", "网络", "微博", "抖音" -> "exposure";
      default -> "outlet";
    };
  }

  /**
   * The features of one cue with its tags: the cue's class (and its coarse kind, and any cue) with
   * who acts, when, and both, with negation or a question, and with each of the sentence's other
   * marks (a time, a venue, a date, a call, a byline, advice …) alone and with when.
   */
  private static void emit(String kind, String cls, Set<String> tags, Set<String> f) {
    String who = who(tags);
    String when = when(tags);
    String extra = (tags.contains("n") ? "n" : "") + (tags.contains("q") ? "q" : "");
    for (String head : new String[] {kind + "|" + cls, kind + "|" + coarse(cls), kind + "|*"}) {
      f.add(head);
      f.add(head + "|who=" + who);
      f.add(head + "|when=" + when);
      f.add(head + "|" + who + "|" + when);
      if (!extra.isEmpty()) {
        f.add(head + "|" + who + "|" + when + "|" + extra);
        f.add(head + "|x=" + extra);
      }
      for (String t : MARKS) {
        if (tags.contains(t)) {
          f.add(head + "|" + t);
          f.add(head + "|" + t + "|" + when);
        }
      }
    }
  }

  private static final String[] MARKS = {
    "t", "l", "d", "ks", "j", "by", "adv", "board", "reg", "out"
  };
}
