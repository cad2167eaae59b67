/** FLIP-27 sources: the configured crawler sources (one split each) and a JSON-lines replay. */
package dev.yuqing.stream.source;
