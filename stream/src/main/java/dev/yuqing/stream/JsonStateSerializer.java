package dev.yuqing.stream;

import dev.yuqing.core.json.Json;
import java.io.IOException;
import java.util.Objects;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Keyed state of an immutable, Jackson-serialisable value (the alerts module's rule state and
 * window summaries) written as JSON. With the heap state backend the value stays an object between
 * accesses and JSON is only written at checkpoints — instead of on every post, as storing bytes
 * would — and JSON survives added record fields across versions, where Kryo would not.
 *
 * @param <T> an immutable type (values are shared, never copied)
 */
public final class JsonStateSerializer<T> extends TypeSerializer<T> {
  private static final long serialVersionUID = 1L;

  private final Class<T> type;

  public JsonStateSerializer(Class<T> type) {
    this.type = Objects.requireNonNull(type);
  }

  @Override
  public boolean isImmutableType() {
    return true;
  }

  @Override
  public TypeSerializer<T> duplicate() {
    return this; // stateless and thread-safe (Jackson's shared mapper)
  }

  @Override
  public T createInstance() {
    return null;
  }

  @Override
  public T copy(T from) {
    return from;
  }

  @Override
  public T copy(T from, T reuse) {
    return from;
  }

  @Override
  public int getLength() {
    return -1;
  }

  @Override
  public void serialize(T record, DataOutputView target) throws IOException {
    byte[] b = Json.mapper().writeValueAsBytes(record);
    target.writeInt(b.length);
    target.write(b);
  }

  @Override
  public T deserialize(DataInputView source) throws IOException {
    byte[] b = new byte[source.readInt()];
    source.readFully(b);
    return Json.mapper().readValue(b, type);
  }

  @Override
  public T deserialize(T reuse, DataInputView source) throws IOException {
    return deserialize(source);
  }

  @Override
  public void copy(DataInputView source, DataOutputView target) throws IOException {
    int n = source.readInt();
    target.writeInt(n);
    target.write(source, n);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof JsonStateSerializer<?> j && j.type == type;
  }

  @Override
  public int hashCode() {
    return type.hashCode();
  }

  @Override
  public TypeSerializerSnapshot<T> snapshotConfiguration() {
    return new Snapshot<>(type);
  }

  /** Remembers the value class; JSON reads older and newer forms alike. */
  public static final class Snapshot<T> implements TypeSerializerSnapshot<T> {
    private Class<T> type;

    /** For restore (Flink instantiates snapshots reflectively). */
    public Snapshot() {}

    Snapshot(Class<T> type) {
      this.type = type;
    }

    @Override
    public int getCurrentVersion() {
      return 1;
    }

    @Override
    public void writeSnapshot(DataOutputView out) throws IOException {
      out.writeUTF(type.getName());
    }

    @Override
    @SuppressWarnings("unchecked")
    public void readSnapshot(int version, DataInputView in, ClassLoader loader) throws IOException {
      String name = in.readUTF();
      try {
        type = (Class<T>) Class.forName(name, false, loader);
      } catch (ClassNotFoundException e) {
        throw new IOException("state of unknown class " + name, e);
      }
    }

    @Override
    public TypeSerializer<T> restoreSerializer() {
      return new JsonStateSerializer<>(type);
    }

    @Override
    public TypeSerializerSchemaCompatibility<T> resolveSchemaCompatibility(
        TypeSerializerSnapshot<T> oldSnapshot) {
      return oldSnapshot instanceof Snapshot<T> s && s.type == type
          ? TypeSerializerSchemaCompatibility.compatibleAsIs()
          : TypeSerializerSchemaCompatibility.incompatible();
    }
  }
}
