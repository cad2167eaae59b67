package dev.yuqing.analysis;

/**
 * A sparse feature vector over hashed feature indices, plus the dense cues the stance layer reads.
 *
 * @param index hashed feature indices (may repeat: repeated words add up)
 * @param value the value of each index
 * @param dense the stance layer's dense cues (see {@link SentimentFeatures#STANCE_CUES})
 * @param length characters of the text
 */
record FeatureVector(int[] index, float[] value, double[] dense, int length) {}
