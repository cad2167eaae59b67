/** Polite, bounded HTTP fetching: robots.txt, per-host pacing, retries, limits and charsets. */
package dev.yuqing.crawler.fetch;
