/** JSON conventions shared by every stage. */
package dev.yuqing.core.json;
