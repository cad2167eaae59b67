/**
 * Small, dependency-free learners for the tagger's trained parts: a max-pooled logistic regression
 * over named binary features, folds, thresholds and binary counts for cross-validation.
 */
package dev.yuqing.analysis.learn;
