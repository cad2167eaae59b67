package dev.yuqing.stream.source;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.apache.flink.api.connector.source.SourceSplit;

/**
 * A replay file and how far it has been played.
 *
 * @param path absolute path of the JSON-lines file
 * @param offset byte offset of the next line to play
 * @param line number (1-based) of the next line to play
 */
public record ReplaySplit(String path, long offset, long line) implements SourceSplit {
  @JsonIgnore
  @Override
  public String splitId() {
    return path;
  }
}
