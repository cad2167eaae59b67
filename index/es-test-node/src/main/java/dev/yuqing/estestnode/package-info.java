/** Test support: a real single-node Elasticsearch 7.17 run in a child JVM by the index ITs. */
package dev.yuqing.estestnode;
