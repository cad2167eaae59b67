/**
 * Reading preserved evidence (证据保全): the manifest of WARC records the crawler writes, and the
 * records themselves, for the CLI and the dashboard (which do not carry the crawler).
 */
package dev.yuqing.core.evidence;
