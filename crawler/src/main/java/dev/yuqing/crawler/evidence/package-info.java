/** Evidence preservation (证据保全): raw responses in WARC files, chained SHA-256 manifest. */
package dev.yuqing.crawler.evidence;
