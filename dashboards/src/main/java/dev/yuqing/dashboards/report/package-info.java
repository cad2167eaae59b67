/** Daily and weekly reports (日报 / 周报): data, charts, HTML and PDF with an embedded CJK font. */
package dev.yuqing.dashboards.report;
