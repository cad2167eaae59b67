/** Dashboards and reports for the PR team and the command group: what the index and alerts hold. */
package dev.yuqing.dashboards;
