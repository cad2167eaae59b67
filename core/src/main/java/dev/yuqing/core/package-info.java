/**
 * The records that flow between yuqing's stages ({@link dev.yuqing.core.Post}, {@link
 * dev.yuqing.core.TaggedPost}, {@link dev.yuqing.core.Alert}) and the one-method interfaces that
 * join the stages.
 */
package dev.yuqing.core;
