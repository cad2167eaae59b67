package dev.yuqing.crawler.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class FeedParserTest {
  private final FeedParser parser =
      new FeedParser(
          new Dates(
              Clock.fixed(Instant.parse("2024-05-03T02:00:00Z"), ZoneOffset.UTC),
              ZoneId.of("Asia/Shanghai")));

  @Test
  void readsRss2WithContentEncodedAndRelativeLinks() {
    Feed f =
        parser.parse(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
                 xmlns:dc="http://purl.org/dc/elements/1.1/">
            <channel><title>房产频道</title>
              <item>
                <title>翡翠湾交房 &amp; 业主维权</title>
                <link>/news/1.html</link>
                <dc:creator>周明</dc:creator>
                <pubDate>Thu, 02 May 2024 08:30:00 +0800</pubDate>
                <description>摘要</description>
                <content:encoded><![CDATA[<p>第一段。</p><p>第二段<b>加粗</b>。</p>]]></content:encoded>
              </item>
            </channel></rss>
            """,
            "https://news.example.com/rss.xml");
    assertThat(f.title()).isEqualTo("房产频道");
    Feed.Item i = f.items().get(0);
    assertThat(i.title()).isEqualTo("翡翠湾交房 & 业主维权");
    assertThat(i.link()).isEqualTo("https://news.example.com/news/1.html");
    assertThat(i.author()).isEqualTo("周明");
    assertThat(i.publishedAt()).isEqualTo(Instant.parse("2024-05-02T00:30:00Z"));
    assertThat(i.summary()).isEqualTo("第一段。\n第二段加粗。");
  }

  @Test
  void readsAtom() {
    Feed f =
        parser.parse(
            """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom">
              <title>业主之声</title>
              <entry>
                <title type="html">电梯故障 &lt;b&gt;三天&lt;/b&gt; 未修</title>
                <link rel="alternate" href="https://bbs.example.com/t/9"/>
                <link rel="edit" href="https://bbs.example.com/edit/9"/>
                <id>tag:bbs.example.com,2024:9</id>
                <updated>2024-05-02T09:00:00+08:00</updated>
                <published>2024-05-01T20:00:00+08:00</published>
                <author><name>李先生</name></author>
                <summary>电梯又坏了。</summary>
              </entry>
            </feed>
            """,
            "https://bbs.example.com/atom.xml");
    Feed.Item i = f.items().get(0);
    assertThat(i.title()).isEqualTo("电梯故障 三天 未修");
    assertThat(i.link()).isEqualTo("https://bbs.example.com/t/9");
    assertThat(i.id()).isEqualTo("tag:bbs.example.com,2024:9");
    assertThat(i.author()).isEqualTo("李先生");
    assertThat(i.publishedAt()).isEqualTo(Instant.parse("2024-05-01T12:00:00Z"));
    assertThat(i.updated()).isEqualTo("2024-05-02T09:00:00+08:00");
  }

  @Test
  void aWebPageIsNotAFeed() {
    assertThatThrownBy(() -> parser.parse("<html><body><p>hi</p></body></html>", "http://x/"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not an RSS or Atom feed");
  }
}
