/** {@code yuqing bench …}: the benchmarks, each a command that prints its figures. */
package dev.yuqing.bench;
