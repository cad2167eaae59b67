package dev.yuqing.core.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.UncheckedIOException;
import java.time.Duration;

/**
 * The one JSON configuration for data (posts, tags, alerts): ISO-8601 instants, nulls omitted,
 * unknown fields ignored (JSON lines from other tools carry extra fields). Config loading is strict
 * instead; see {@link dev.yuqing.core.config.ConfigLoader}.
 */
public final class Json {
  private static final ObjectMapper MAPPER = configure(JsonMapper.builder().build());

  private Json() {}

  /** Shared, thread-safe mapper. Do not reconfigure it. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** Applies yuqing's data conventions to a mapper (also used for YAML). */
  public static <M extends ObjectMapper> M configure(M m) {
    m.registerModule(new JavaTimeModule());
    SimpleModule durations = new SimpleModule("yuqing-durations");
    durations.addDeserializer(Duration.class, new DurationDeserializer());
    m.registerModule(durations);
    m.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    m.disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);
    m.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    m.setSerializationInclusion(JsonInclude.Include.NON_NULL);
    return m;
  }

  /** One compact JSON line. */
  public static String line(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static <T> T read(String json, Class<T> type) {
    try {
      return MAPPER.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
