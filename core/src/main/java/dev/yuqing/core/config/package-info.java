/**
 * The YAML configuration bound to records. Records validate themselves in their constructors and
 * name the offending key in the message ({@code "url: not an http(s) URL"}); {@link
 * dev.yuqing.core.config.ConfigLoader} adds the file and the path.
 */
package dev.yuqing.core.config;
