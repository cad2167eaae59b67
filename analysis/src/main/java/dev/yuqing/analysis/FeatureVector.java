package dev.yuqing.analysis;

/**
 * A sparse feature vector over hashed feature indices, plus the dense cues the neutral gate reads.
 *
 * @param index hashed feature indices (may repeat: repeated words add up)
 * @param value the value of each index
 * @param dense the gate's dense cues (see {@link SentimentFeatures#GATE_CUES})
 */
record FeatureVector(int[] index, float[] value, double[] dense) {}
