/** Counts over the index for one project and period: what the overview and the reports show. */
package dev.yuqing.dashboards.insight;
