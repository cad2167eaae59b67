/** yuqing analysis. */
package dev.yuqing.analysis;
