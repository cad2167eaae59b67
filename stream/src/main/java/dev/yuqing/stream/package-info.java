/** yuqing stream. */
package dev.yuqing.stream;
