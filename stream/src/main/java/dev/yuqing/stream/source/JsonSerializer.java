package dev.yuqing.stream.source;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.yuqing.core.json.Json;
import java.io.IOException;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * Split and enumerator state as JSON: small, readable in a checkpoint when something goes wrong,
 * and tolerant of added fields. Version 1.
 *
 * @param <T> the serialised type
 */
final class JsonSerializer<T> implements SimpleVersionedSerializer<T> {
  private final JavaType type;

  JsonSerializer(JavaType type) {
    this.type = type;
  }

  static <T> JsonSerializer<T> of(Class<T> c) {
    return new JsonSerializer<>(Json.mapper().constructType(c));
  }

  static <T> JsonSerializer<java.util.List<T>> listOf(Class<T> c) {
    ObjectMapper m = Json.mapper();
    return new JsonSerializer<>(
        m.getTypeFactory().constructCollectionType(java.util.List.class, c));
  }

  @Override
  public int getVersion() {
    return 1;
  }

  @Override
  public byte[] serialize(T obj) throws IOException {
    return Json.mapper().writeValueAsBytes(obj);
  }

  @Override
  public T deserialize(int version, byte[] serialized) throws IOException {
    if (version != 1) {
      throw new IOException("unknown state version " + version + " (this build reads 1)");
    }
    return Json.mapper().readValue(serialized, type);
  }
}
