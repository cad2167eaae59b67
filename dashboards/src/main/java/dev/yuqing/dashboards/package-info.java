/** yuqing dashboards. */
package dev.yuqing.dashboards;
