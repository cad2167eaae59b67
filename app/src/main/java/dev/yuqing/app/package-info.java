/** The yuqing command line: one picocli command per task, wiring the stage modules together. */
package dev.yuqing.app;
