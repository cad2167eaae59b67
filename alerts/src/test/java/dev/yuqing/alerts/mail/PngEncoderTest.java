package dev.yuqing.alerts.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** What the encoder writes decodes (with ImageIO's reader) to the same pixels. */
class PngEncoderTest {
  @Test
  void decodesToTheSamePixels() throws Exception {
    for (int type :
        new int[] {
          BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_3BYTE_BGR
        }) {
      BufferedImage img = new BufferedImage(37, 11, type);
      Random r = new Random(type);
      for (int y = 0; y < img.getHeight(); y++) {
        for (int x = 0; x < img.getWidth(); x++) {
          // runs of white with random colours in between, as a chart has (and byte wrap-around
          // in the "sub" filter: a dark pixel right of a light one)
          img.setRGB(x, y, r.nextInt(3) == 0 ? 0xFFFFFFFF : 0xFF000000 | r.nextInt(1 << 24));
        }
      }
      BufferedImage back = ImageIO.read(new ByteArrayInputStream(PngEncoder.encode(img)));
      assertThat(back.getWidth()).isEqualTo(37);
      assertThat(back.getHeight()).isEqualTo(11);
      for (int y = 0; y < img.getHeight(); y++) {
        for (int x = 0; x < img.getWidth(); x++) {
          assertThat(back.getRGB(x, y) & 0xFFFFFF)
              .as("type %d pixel %d,%d", type, x, y)
              .isEqualTo(img.getRGB(x, y) & 0xFFFFFF);
        }
      }
    }
  }
}
