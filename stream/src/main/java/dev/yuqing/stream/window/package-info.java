/** Event-time windows per project, topic and sentiment, and the spike detection fed by them. */
package dev.yuqing.stream.window;
