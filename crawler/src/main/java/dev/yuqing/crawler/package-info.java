/**
 * The crawler: one small {@link dev.yuqing.crawler.SourceCrawler} per configured source kind,
 * polite and incremental, keeping evidence of what it fetched.
 */
package dev.yuqing.crawler;
