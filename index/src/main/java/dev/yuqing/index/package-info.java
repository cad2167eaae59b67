/**
 * One index API ({@link dev.yuqing.index.PostIndex}) used by the stream sink, dashboards, reports
 * and alerts, with an embedded Lucene backend and an Elasticsearch backend.
 */
package dev.yuqing.index;
