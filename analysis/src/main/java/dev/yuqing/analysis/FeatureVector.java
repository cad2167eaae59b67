package dev.yuqing.analysis;

/**
 * A sparse feature vector over hashed feature indices, plus the dense cues the stance layer reads.
 *
 * @param index hashed feature indices (may repeat: repeated words add up); first the bag of words
 *     and bigrams sentence by sentence, then the lexicon's features
 * @param value the value of each index (bag values already multiplied by {@code scale})
 * @param sentenceEnds end (exclusive) in {@code index} of each sentence's bag features
 * @param scale the document's length normalisation of the bag values
 * @param dense the stance layer's dense cues (see {@link SentimentFeatures#STANCE_CUES})
 * @param length characters of the text
 */
record FeatureVector(
    int[] index, float[] value, int[] sentenceEnds, float scale, double[] dense, int length) {}
