package dev.yuqing.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yuqing.core.Alert;
import dev.yuqing.core.Post;
import dev.yuqing.core.Sentiment;
import dev.yuqing.core.SentimentLabel;
import dev.yuqing.core.TaggedPost;
import dev.yuqing.core.Topic;
import dev.yuqing.stream.window.Mention;
import dev.yuqing.stream.window.WindowCount;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.GenericTypeInfo;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/** Events travel as Flink POJOs: no field falls back to Kryo. */
class SerializationTest {

  @Test
  void eventsArePojosWithoutGenericFields() {
    for (Class<?> c :
        List.of(
            Post.class,
            TaggedPost.class,
            Alert.class,
            Ingested.class,
            Tagged.class,
            Mention.class,
            WindowCount.class)) {
      TypeInformation<?> t = TypeInformation.of(c);
      assertThat(t).as(c.getSimpleName()).isInstanceOf(PojoTypeInfo.class);
      assertThat(generic(t)).as(c.getSimpleName() + " fields falling back to Kryo").isEmpty();
    }
  }

  /**
   * The tagger's words travel with the post from the tag operator to the index sink across a
   * rebalance, so the index need not segment the post again: Flink's serializer must keep them.
   */
  @Test
  void theTaggersWordsCrossTheNetwork() throws Exception {
    Post post = Fixtures.post("w1", "售楼部门口集合", Fixtures.BEGINNING);
    TaggedPost with =
        new TaggedPost(
            post,
            new Sentiment(SentimentLabel.NEGATIVE, 0.9),
            List.of(Topic.COLLECTIVE_ACTION),
            List.of("售楼部"),
            List.of(),
            null);
    TypeSerializer<Tagged> serializer =
        TypeInformation.of(Tagged.class).createSerializer(new SerializerConfigImpl());
    Tagged back =
        roundTrip(serializer, new Tagged(with, List.of("售楼部", "门口", "集合"), 1L, true, false));
    assertThat(back.words()).containsExactly("售楼部", "门口", "集合");
    assertThat(back.post()).isEqualTo(with);
    Tagged none = roundTrip(serializer, Fixtures.tagged(post, SentimentLabel.NEUTRAL));
    assertThat(none.words()).isNull();
  }

  private static Tagged roundTrip(TypeSerializer<Tagged> serializer, Tagged t) throws Exception {
    DataOutputSerializer out = new DataOutputSerializer(256);
    serializer.serialize(t, out);
    return serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
  }

  /** A record with a field Flink cannot serialise itself: the check must see it. */
  record WithKryoField(String id, java.util.LinkedList<String> items) {}

  @Test
  void theCheckSeesAKryoFallback() {
    assertThat(generic(TypeInformation.of(WithKryoField.class))).hasSize(1);
  }

  private static List<String> generic(TypeInformation<?> t) {
    List<String> out = new ArrayList<>();
    walk(t, "", out);
    return out;
  }

  private static void walk(TypeInformation<?> t, String path, List<String> out) {
    if (t instanceof GenericTypeInfo<?>) {
      out.add(path + ": " + t);
    } else if (t instanceof PojoTypeInfo<?> p) {
      for (int i = 0; i < p.getArity(); i++) {
        walk(
            p.getPojoFieldAt(i).getTypeInformation(),
            path + "." + p.getPojoFieldAt(i).getField().getName(),
            out);
      }
    } else {
      for (var entry : t.getGenericParameters().entrySet()) {
        walk(entry.getValue(), path + "<" + entry.getKey() + ">", out);
      }
    }
  }
}
