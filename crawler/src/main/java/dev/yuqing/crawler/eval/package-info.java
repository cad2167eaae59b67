/** Scoring article extraction against answer keys (yuqing eval extract); no crawling here. */
package dev.yuqing.crawler.eval;
