package dev.yuqing.crawler.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yuqing.core.SharedData;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CharsetsTest {
  private static final String SIMP = "业主们反映交房后卫生间漏水、墙面开裂，物业迟迟不来维修。";
  private static final String TRAD = "業主們反映交房後衛生間漏水、牆面開裂，物業遲遲不來維修。";

  private static byte[] html(String text, String meta, Charset cs) {
    String m = meta == null ? "" : "<meta charset=\"" + meta + "\">";
    return ("<html><head>" + m + "</head><body><p>" + text + "</p></body></html>").getBytes(cs);
  }

  @ParameterizedTest(name = "bytes {1}, header {2}, meta {3}")
  @CsvSource(
      nullValues = "-",
      value = {
        "simp, UTF-8, text/html; charset=utf-8, -, UTF-8",
        "simp, GBK, text/html; charset=gbk, -, GB18030",
        "simp, GB18030, -, gb18030, GB18030",
        "simp, GBK, -, gb2312, GB18030",
        "simp, GBK, text/html; charset=utf-8, -, GB18030", // header lies
        "simp, UTF-8, text/html; charset=gb2312, gb2312, UTF-8", // header and meta lie
        "simp, GBK, -, -, GB18030", // nothing said
        "trad, Big5, -, big5, Big5-HKSCS",
        "trad, Big5, text/html; charset=utf-8, -, Big5-HKSCS", // header lies
        "trad, Big5, -, -, Big5-HKSCS", // nothing said
        "trad, Big5, -, gb2312, Big5-HKSCS", // meta lies
        "trad, UTF-8, -, big5, UTF-8",
      })
  void decodesWhatTheBytesAreWhateverIsClaimed(
      String which, String actual, String header, String meta, String expected) {
    String text = which.equals("simp") ? SIMP : TRAD;
    FetchResponse.Decoded d = Charsets.decode(html(text, meta, Charset.forName(actual)), header);
    assertThat(d.text()).contains(text);
    assertThat(d.charset().name()).isEqualTo(expected);
  }

  @Test
  void aByteOrderMarkWins() {
    byte[] body = html(SIMP, "gbk", StandardCharsets.UTF_8);
    byte[] withBom = new byte[body.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(body, 0, withBom, 3, body.length);
    FetchResponse.Decoded d = Charsets.decode(withBom, "text/html; charset=gbk");
    assertThat(d.how()).isEqualTo("bom");
    assertThat(d.text()).startsWith("<html>").contains(SIMP);
  }

  @Test
  void aBodyCutInsideACharacterIsStillUtf8() {
    byte[] body = SIMP.getBytes(StandardCharsets.UTF_8);
    byte[] cut = java.util.Arrays.copyOf(body, body.length - 1);
    assertThat(Charsets.decode(cut, null).charset()).isEqualTo(StandardCharsets.UTF_8);
  }

  @Test
  void theRealGb2312PagesOfTheSharedDataDecode() throws Exception {
    Path p = SharedData.file("pages/jsoup_htmltests/baidu-cn-home.html").orElse(null);
    Assumptions.assumeTrue(p != null, SharedData.missingReason("pages/jsoup_htmltests"));
    FetchResponse.Decoded d = Charsets.decode(Files.readAllBytes(p), null);
    assertThat(d.charset().name()).isEqualTo("GB18030");
    assertThat(d.text()).contains("百度");
  }

  @Test
  void sharedPagesThatDeclareGb2312ButAreUtf8DecodeAsUtf8() throws Exception {
    Path p = SharedData.file("pages/GeneralNewsExtractor/tests/163/9.html").orElse(null);
    Assumptions.assumeTrue(p != null, SharedData.missingReason("pages/GeneralNewsExtractor"));
    FetchResponse.Decoded d = Charsets.decode(Files.readAllBytes(p), null);
    assertThat(d.charset()).isEqualTo(StandardCharsets.UTF_8);
    assertThat(d.how()).isEqualTo("sniffed");
    assertThat(d.text()).contains("京沪高速施工就将进入第二阶段");
  }
}
