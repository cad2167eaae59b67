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
 * The trained sentiment model: a logistic regression for polarity (negative vs positive) over
 * hashed features, Platt-calibrated, and a small logistic "neutral gate" over dense cues that
 * decides whether a text takes a stance at all (news and plain inquiries do not).
 *
 * <p>P(neutral) = gate; P(positive) = (1 − gate)·p; P(negative) = (1 − gate)·(1 − p). The label is
 * the most probable one and the score its probability. Immutable and thread-safe.
 *
 * @param weights polarity weights, one per hashed feature slot
 * @param bias polarity bias
 * @param plattA Platt scale of the polarity margin
 * @param plattB Platt offset of the polarity margin
 * @param gate gate weights, one per {@link SentimentFeatures#GATE_CUES} cue
 * @param gateBias gate bias
 * @param trainedOn what the model was trained on (one line per corpus: name, rows, SHA-256)
 */
record SentimentModel(
    float[] weights,
    float bias,
    float plattA,
    float plattB,
    float[] gate,
    float gateBias,
    List<TrainingSource> trainedOn) {

  /** The shipped model's resource name beside this class. */
  static final String RESOURCE = "sentiment-model.bin";

  private static final int MAGIC = 0x5951534d; // "YQSM"
  private static final int VERSION = 1;

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

  /** Probability that the text takes no stance. */
  double neutral(FeatureVector x, double positive) {
    double[] d = x.dense().clone();
    d[0] = Math.abs(2 * positive - 1);
    double z = gateBias;
    for (int i = 0; i < gate.length; i++) {
      z += gate[i] * d[i];
    }
    return sigmoid(z);
  }

  Sentiment predict(FeatureVector x) {
    double p = positive(x);
    double g = neutral(x, p);
    double pPos = (1 - g) * p;
    double pNeg = (1 - g) * (1 - p);
    if (g >= pPos && g >= pNeg) {
      return new Sentiment(SentimentLabel.NEUTRAL, clamp(g));
    }
    return pPos > pNeg
        ? new Sentiment(SentimentLabel.POSITIVE, clamp(pPos))
        : new Sentiment(SentimentLabel.NEGATIVE, clamp(pNeg));
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
    float[] gate = new float[g];
    for (int i = 0; i < g; i++) {
      gate[i] = in.readFloat();
    }
    float gateBias = in.readFloat();
    int sources = in.readInt();
    List<TrainingSource> trainedOn = new ArrayList<>();
    for (int i = 0; i < sources; i++) {
      trainedOn.add(new TrainingSource(in.readUTF(), in.readInt(), in.readUTF()));
    }
    return new SentimentModel(w, bias, a, b, gate, gateBias, List.copyOf(trainedOn));
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
    out.writeInt(gate.length);
    for (float v : gate) {
      out.writeFloat(v);
    }
    out.writeFloat(gateBias);
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
