/** Turning fetched pages into text: articles, list pages, forum threads, feeds, dates. */
package dev.yuqing.crawler.extract;
