package dev.yuqing.crawler.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ChatExportTest {
  private final ChatExport parser =
      new ChatExport(
          new Dates(
              Clock.fixed(Instant.parse("2024-05-03T02:00:00Z"), ZoneOffset.UTC),
              ZoneId.of("Asia/Shanghai")));

  @Test
  void readsAQqExportWithMultiLineMessages() {
    String qq =
        """
        消息记录（此消息记录为文本格式，不支持重新导入）

        ================================================================
        消息分组:我的群聊
        ================================================================
        消息对象:翡翠湾业主维权群
        ================================================================

        2024-05-01 20:15:03 【群主】张女士(10001234)
        各位业主，3号楼漏水的情况大家统计一下：
        1. 楼层和户号
        2. 漏水位置

        2024-05-01 20:16:40 李先生<li@example.com>
        1502，卫生间和客厅都渗水

        2024-05-01 20:16:40 李先生<li@example.com>
        [图片]

        2024-05-01 20:16:40 李先生<li@example.com>
        照片发群里了

        2024-05-01 20:30:00 王阿姨(10009999)
        王阿姨 撤回了一条消息

        2024-05-01 20:31:12 王阿姨(10009999)
        周六上午九点售楼部门口集合
        2024-05-04 09:00 不见不散
        """;
    ChatExport.Chat c = parser.parse(qq, "auto");
    assertThat(c.format()).isEqualTo("qq");
    assertThat(c.group()).isEqualTo("翡翠湾业主维权群");
    assertThat(c.messages())
        .extracting(ChatExport.Message::sender)
        .containsExactly("张女士", "李先生", "李先生", "王阿姨");
    ChatExport.Message first = c.messages().get(0);
    assertThat(first.text()).isEqualTo("各位业主，3号楼漏水的情况大家统计一下：\n1. 楼层和户号\n2. 漏水位置");
    assertThat(first.at()).isEqualTo(Instant.parse("2024-05-01T12:15:03Z"));
    // the [图片] between them is skipped, but it still counts: the two kept messages differ
    assertThat(c.messages().get(1).occurrence()).isZero();
    assertThat(c.messages().get(2).occurrence()).isEqualTo(1);
    // a line with a date but no seconds inside a message is text, not a new message
    assertThat(c.messages().get(3).text()).isEqualTo("周六上午九点售楼部门口集合\n2024-05-04 09:00 不见不散");
  }

  @Test
  void readsWeChatExportLayouts() {
    String timeFirst =
        """
        2024-05-02 08:00:01 物业小刘
        各位业主早上好，今天上午电梯维保，请走楼梯。

        2024-05-02 08:05:33 业主赵
        又维保？上周刚坏过
        """;
    String senderFirst =
        """
        物业小刘 2024-05-02 08:00:01
        各位业主早上好，今天上午电梯维保，请走楼梯。
        业主赵 (2024-05-02 08:05:33):
        又维保？上周刚坏过
        """;
    String oneLine =
        """
        [2024-05-02 08:00:01] 物业小刘: 各位业主早上好，今天上午电梯维保，请走楼梯。
        [2024-05-02 08:05:33] 业主赵：又维保？上周刚坏过
        """;
    for (String export : new String[] {timeFirst, senderFirst, oneLine}) {
      ChatExport.Chat c = parser.parse(export, "wechat");
      assertThat(c.messages()).as(export).hasSize(2);
      assertThat(c.messages().get(0).sender()).isEqualTo("物业小刘");
      assertThat(c.messages().get(1).sender()).isEqualTo("业主赵");
      assertThat(c.messages().get(1).text()).isEqualTo("又维保？上周刚坏过");
      assertThat(c.messages().get(1).at()).isEqualTo(Instant.parse("2024-05-02T00:05:33Z"));
    }
  }

  @Test
  void textThatIsNoExportYieldsNothing() {
    assertThat(parser.parse("这不是聊天记录\n只是一段文字", "auto").messages()).isEmpty();
  }
}
