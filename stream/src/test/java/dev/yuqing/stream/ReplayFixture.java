package dev.yuqing.stream;

import dev.yuqing.core.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A replay file of homeowner messages written for the tests: calm messages every few minutes, then
 * a burst of leak complaints, and among them exact reposts (same words, other punctuation) that
 * must be linked, not counted.
 */
public final class ReplayFixture {
  public static final Instant START = Instant.parse("2025-06-14T00:00:00Z");

  private static final String[] CALM = {
    "请问二期交房的时候物业费是一次交一年吗？",
    "今天路过看了一下，小区绿化做得挺好，期待入住。",
    "有没有一起团购验房师的，五户以上有优惠。",
    "地库车位什么时候开卖，价格大概多少？",
    "交房流程是资料审核、缴费、领钥匙、陪同验房，大家按预约时间去就行。",
    "门口的公交站听说年底通车，上班方便多了。",
  };

  private static final String[] LEAK = {
    "%d栋%d室客厅天花板漏水，墙角全是水渍，刚交房就这样，质量太差了！",
    "%d栋%d室主卧天花板渗水，墙皮都鼓起来了，物业电话打不通，太气人了。",
    "%d栋%d室卫生间吊顶往下滴水，防水根本没做好，要求开发商马上维修！",
    "%d栋%d室阳台和窗框四周都在渗水，新买的家具全泡坏了，气死了。",
  };

  private ReplayFixture() {}

  /** One line of the file. */
  public record Line(String id, Instant time, String text, boolean repost) {}

  /** The call to gather that ends the burst. */
  public static final String CALL = "这么多户漏水肯定是防水偷工减料，周六上午九点售楼部门口集合，大家一起去讨说法！";

  /**
   * Writes {@code calm} calm messages {@code calmGap} apart, then {@code burst} complaints one
   * minute apart, every fifth complaint followed by a repost of it, then a call to gather.
   */
  public static List<Line> write(Path file, int calm, Duration calmGap, int burst)
      throws IOException {
    List<Line> lines = new ArrayList<>();
    Instant t = START;
    for (int i = 0; i < calm; i++) {
      lines.add(new Line("calm-" + i, t, CALM[i % CALM.length] + "（" + (i + 1) + "楼）", false));
      t = t.plus(calmGap);
    }
    for (int i = 0; i < burst; i++) {
      String text = String.format(LEAK[i % LEAK.length], 1 + i % 12, 101 + i * 7 % 2400);
      lines.add(new Line("leak-" + i, t, text, false));
      if (i % 5 == 4) {
        t = t.plusSeconds(20);
        lines.add(new Line("repost-" + i, t, text.replaceAll("[，。！]", " "), true));
      }
      t = t.plus(Duration.ofMinutes(1));
    }
    lines.add(new Line("call", t, CALL, false));
    List<String> json = new ArrayList<>();
    for (Line l : lines) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", l.id());
      m.put("source", "fixture");
      m.put("time", l.time().toString());
      m.put("author", "业主" + Math.abs(l.id().hashCode() % 997));
      m.put("text", l.text());
      json.add(Json.line(m));
    }
    Files.write(file, json, StandardCharsets.UTF_8);
    return lines;
  }
}
