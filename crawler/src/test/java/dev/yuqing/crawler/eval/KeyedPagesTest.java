package dev.yuqing.crawler.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyedPagesTest {
  @TempDir Path dir;

  private void write(String relative, String text) throws IOException {
    Path p = dir.resolve(relative);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }

  @Test
  void aCwceFolderGivesBodyAuthorAndTheDayWhereTheKeyKnowsIt() throws IOException {
    write("original/a.html", "<p>正文</p>");
    write("cleaned/a.txt", "正文");
    write("author/a.txt", "陈立\n");
    write("date/a.txt", "2005-8-12 16:12:21");
    write("original/b.html", "<p>正文</p>");
    write("cleaned/b.txt", "正文");
    write("author/b.txt", "UNKNOWN");
    write("date/b.txt", "1998-3");
    List<KeyedPage> pages = KeyedPages.cwce(dir);
    assertThat(pages)
        .extracting(KeyedPage::name)
        .containsExactly("original/a.html", "original/b.html");
    assertThat(pages.get(0).authors()).containsExactly("陈立");
    assertThat(pages.get(0).day()).isEqualTo(LocalDate.of(2005, 8, 12));
    assertThat(pages.get(1).authors()).isNull();
    assertThat(pages.get(1).day()).isNull(); // a month is not a day
  }

  @Test
  void aMissingKeyNamesTheFile() throws IOException {
    write("original/a.html", "<p>正文</p>");
    assertThatThrownBy(() -> KeyedPages.cwce(dir)).hasMessageContaining("cleaned/a.txt");
    assertThatThrownBy(() -> KeyedPages.cwce(dir.resolve("nowhere")))
        .hasMessageContaining("original/");
  }

  @Test
  void jsonLinesNameTheLineThatIsWrong() throws IOException {
    write("p/a.html", "<p>正文</p>");
    write(
        "key.jsonl",
        "{\"file\":\"p/a.html\",\"title\":\"标题\",\"title_alt\":[\"标题二\"],\"body_must_contain\":[\"正文\"],"
            + "\"author\":\"陈立\",\"publish_time\":\"2019-09-07 15:10:53\"}\n\n{\"file\":\"p/none.html\"}\n");
    assertThatThrownBy(() -> KeyedPages.jsonl(dir.resolve("key.jsonl")))
        .hasMessageContaining("key.jsonl:3")
        .hasMessageContaining("none.html");
    write(
        "key.jsonl",
        "{\"file\":\"p/a.html\",\"title\":\"标题\",\"publish_time\":\"2019-09-07T15:10:53\"}\nnot json\n");
    assertThatThrownBy(() -> KeyedPages.jsonl(dir.resolve("key.jsonl")))
        .hasMessageContaining("key.jsonl:2");
    write(
        "key.jsonl",
        "{\"file\":\"p/a.html\",\"title\":\"标题\",\"title_alt\":[\"标题二\"],\"publish_time\":\"2019-09-07T15:10:53\"}\n");
    KeyedPage k = KeyedPages.jsonl(dir.resolve("key.jsonl")).get(0);
    assertThat(k.titles()).containsExactly("标题", "标题二");
    assertThat(k.minute()).isEqualTo("2019-09-07 15:10");
    assertThat(k.body()).isNull();
  }
}
