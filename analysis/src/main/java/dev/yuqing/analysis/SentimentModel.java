package dev.yuqing.analysis;

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
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The trained sentiment model, in two layers. Polarity: a logistic regression (negative vs
 * positive) over hashed words and character bigrams, Platt-calibrated; it learns from tens of
 * thousands of review sentences. Stance: a three-way softmax over a dozen dense cues (the polarity
 * probability, the handover lexicon's scores, complaint, inquiry, news and suggestion markers,
 * punctuation, length) that learns from the project's handover examples whether a text takes a
 * stance at all (news and plain inquiries do not) and which way, so that a complaint letter full of
 * polite words is still a complaint.
 *
 * <p>The label is the most probable class and the score its probability. Immutable and thread-safe.
 *
 * @param weights polarity weights, one per hashed feature slot
 * @param bias polarity bias
 * @param plattA Platt scale of the polarity margin
 * @param plattB Platt offset of the polarity margin
 * @param stance stance weights: for negative, neutral, positive in turn, one weight per {@link
 *     SentimentFeatures#STANCE_CUES} cue followed by the class bias
 * @param trainedOn what the model was trained on (one line per corpus: name, rows, SHA-256)
 */
record SentimentModel(
    float[] weights,
    float bias,
    float plattA,
    float plattB,
    float[] stance,
    List<TrainingSource> trainedOn) {

  /** The shipped model's resource name beside this class. */
  static final String RESOURCE = "sentiment-model.bin";

  private static final int MAGIC = 0x5951534d; // "YQSM"
  private static final int VERSION = 2;

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
    return sigmoid(plattA * margin(x) + plattB);
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
        double p = sigmoid(plattA * z + plattB);
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

  static double[] stanceInput(FeatureVector x, double positive, double[] sentences) {
    double[] d = x.dense().clone();
    d[0] = 2 * positive - 1;
    d[1] = Math.abs(2 * positive - 1);
    // the polarity model learnt from short reviews: on long letters it may need discounting
    d[2] = d[0] * Math.min(1, x.length() / 400.0);
    d[3] = sentences[0];
    d[4] = sentences[1];
    d[5] = sentences[2];
    return d;
  }

  /** Probabilities of negative, neutral, positive (in {@link SentimentLabel} order). */
  static double[] softmax(float[] stance, double[] d) {
    int width = d.length + 1;
    double[] z = new double[3];
    double max = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < 3; c++) {
      double v = stance[c * width + d.length];
      for (int i = 0; i < d.length; i++) {
        v += stance[c * width + i] * d[i];
      }
      z[c] = v;
      max = Math.max(max, v);
    }
    double sum = 0;
    for (int c = 0; c < 3; c++) {
      z[c] = Math.exp(z[c] - max);
      sum += z[c];
    }
    for (int c = 0; c < 3; c++) {
      z[c] /= sum;
    }
    return z;
  }

  Sentiment predict(FeatureVector x) {
    double[] p = softmax(stance, stanceInput(x));
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

  static double sigmoid(double z) {
    if (z >= 0) {
      return 1 / (1 + Math.exp(-z));
    }
    double e = Math.exp(z);
    return e / (1 + e);
  }

  /** Loads the shipped model. */
  static SentimentModel shipped() {
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
      throw new IOException("not a yuqing sentiment model (or an old version)");
    }
    int dim = in.readInt();
    if (dim != SentimentFeatures.DIM) {
      throw new IOException("model has " + dim + " slots, code expects " + SentimentFeatures.DIM);
    }
    float scale = in.readFloat();
    float[] w = new float[dim];
    int nnz = in.readInt();
    int at = 0;
    for (int i = 0; i < nnz; i++) {
      at += readVarInt(in);
      w[at] = in.readShort() * scale;
    }
    float bias = in.readFloat();
    float a = in.readFloat();
    float b = in.readFloat();
    int g = in.readInt();
    if (g != 3 * (SentimentFeatures.STANCE_CUES.size() + 1)) {
      throw new IOException("model has " + g + " stance weights, code expects another number");
    }
    float[] stance = new float[g];
    for (int i = 0; i < g; i++) {
      stance[i] = in.readFloat();
    }
    int sources = in.readInt();
    List<TrainingSource> trainedOn = new ArrayList<>();
    for (int i = 0; i < sources; i++) {
      trainedOn.add(new TrainingSource(in.readUTF(), in.readInt(), in.readUTF()));
    }
    return new SentimentModel(w, bias, a, b, stance, List.copyOf(trainedOn));
  }

  /** Writes the model; weights are stored as 16-bit fixed point (their spread is small). */
  void write(OutputStream raw) throws IOException {
    GZIPOutputStream gz = new GZIPOutputStream(raw, 1 << 16);
    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(gz, 1 << 16));
    out.writeInt(MAGIC);
    out.writeInt(VERSION);
    out.writeInt(weights.length);
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
    out.writeFloat(bias);
    out.writeFloat(plattA);
    out.writeFloat(plattB);
    out.writeInt(stance.length);
    for (float v : stance) {
      out.writeFloat(v);
    }
    out.writeInt(trainedOn.size());
    for (TrainingSource s : trainedOn) {
      out.writeUTF(s.name());
      out.writeInt(s.rows());
      out.writeUTF(s.sha256());
    }
    out.flush();
    gz.finish();
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
