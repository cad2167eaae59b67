package dev.yuqing.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yuqing.core.config.ConfigLoader;
import dev.yuqing.core.config.YuqingConfig;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ConfigSnapshotTest {

  @Test
  void theExampleConfigTravelsIntact() throws Exception {
    YuqingConfig cfg = new ConfigLoader().load(Path.of("../config/example.yaml"));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(ConfigSnapshot.of(cfg));
    }
    ConfigSnapshot back;
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      back = (ConfigSnapshot) in.readObject();
    }
    assertThat(back.get()).isEqualTo(cfg);
  }
}
