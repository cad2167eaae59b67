package dev.yuqing.stream.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinesTest {
  /**
   * A stream that hands out at most {@code n} bytes per read, so lines and characters straddle
   * reads.
   */
  private static InputStream trickle(byte[] bytes, int n) {
    return new FilterInputStream(new ByteArrayInputStream(bytes)) {
      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        return super.read(b, off, Math.min(n, len));
      }
    };
  }

  private static List<String> read(InputStream in, List<Integer> taken) throws IOException {
    ReplaySplitReader.Lines lines = new ReplaySplitReader.Lines(in);
    List<String> out = new ArrayList<>();
    int n;
    while ((n = lines.next()) > 0) {
      taken.add(n);
      out.add(lines.text());
    }
    return out;
  }

  @Test
  void linesAreSplitAtLineFeedsWhateverTheReadsAndCharactersStraddle() throws IOException {
    String longLine = "交房漏水".repeat(30_000); // 360 000 bytes: longer than a block
    String text = "第一行\n\n  第二行 \r\n" + longLine + "\n最后一行没有换行";
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    for (int n : new int[] {1, 2, 5, 1 << 20}) {
      List<Integer> taken = new ArrayList<>();
      assertThat(read(trickle(bytes, n), taken))
          .as("reads of %d bytes", n)
          .containsExactly("第一行", "", "  第二行 \r", longLine, "最后一行没有换行");
      // the bytes each line took add up to the file: they are the replay's checkpointed offset
      assertThat(taken.stream().mapToInt(Integer::intValue).sum()).isEqualTo(bytes.length);
      assertThat(taken.get(0)).isEqualTo("第一行\n".getBytes(StandardCharsets.UTF_8).length);
    }
  }
}
