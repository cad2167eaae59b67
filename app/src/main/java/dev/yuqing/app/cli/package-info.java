/** picocli commands of the yuqing CLI; each command is one class that wires modules together. */
package dev.yuqing.app.cli;
