/** The crawl benchmark: a synthetic forum and news site on loopback, crawled for real. */
package dev.yuqing.bench.crawl;
