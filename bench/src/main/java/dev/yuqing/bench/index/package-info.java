/** The index benchmark: a million posts from real messages into Lucene, dashboard queries timed. */
package dev.yuqing.bench.index;
