package dev.yuqing.crawler.fetch;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes page bytes to text. Order of evidence: a byte-order mark; then what the page claims (the
 * HTTP header, else a meta tag or XML declaration) — but claims are checked against the bytes,
 * because Chinese sites often lie (pages declaring gb2312 that are UTF-8, or the reverse). Bytes
 * that are valid UTF-8 with non-ASCII content are UTF-8 whatever is claimed; otherwise the claimed
 * CJK charset is kept unless GB18030 or Big5 decodes into clearly more common Chinese characters.
 *
 * <p>gb2312 and gbk are decoded as their superset GB18030, big5 as Big5-HKSCS. Pure functions.
 */
public final class Charsets {
  private Charsets() {}

  static final Charset GB18030 = Charset.forName("GB18030");
  static final Charset BIG5 = Charset.forName("Big5-HKSCS");
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  private static final Pattern HEADER_CHARSET =
      Pattern.compile("charset\\s*=\\s*[\"']?([\\w.:-]+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern META_CHARSET =
      Pattern.compile("<meta[^>]+?charset\\s*=\\s*[\"']?\\s*([\\w.:-]+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern XML_ENCODING =
      Pattern.compile("<\\?xml[^>]+encoding\\s*=\\s*[\"']([\\w.:-]+)", Pattern.CASE_INSENSITIVE);

  /**
   * Characters frequent in Chinese text, simplified and traditional. A wrong decoding of GBK as
   * Big5 (or the reverse) yields valid but rare characters, so the share of these tells them apart.
   */
  private static final String COMMON =
      "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种"
          + "面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业"
          + "本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么"
          + "利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入"
          + "常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决"
          + "西被干做必战先回则任取据处府研房业主楼小区交物漏水问题们说这个吗呢吧啊"
          + "這為個國時來們過說產種後學經進著電裡現實兩體機當點從業應開還關與樣間數麼質氣變條沒結問題黨"
          + "員總設長頭資邊級圖統較將組見計別論運農幾區強決則據處們嗎呢區樓業漏";

  private static final java.util.Set<Integer> COMMON_SET =
      COMMON.codePoints().boxed().collect(java.util.stream.Collectors.toUnmodifiableSet());

  /** Decodes {@code bytes}; {@code contentType} is the HTTP Content-Type header or null. */
  public static FetchResponse.Decoded decode(byte[] bytes, String contentType) {
    if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
      return new FetchResponse.Decoded(
          new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8),
          StandardCharsets.UTF_8,
          "bom");
    }
    if (startsWith(bytes, 0xFF, 0xFE)) {
      return new FetchResponse.Decoded(
          new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE),
          StandardCharsets.UTF_16LE,
          "bom");
    }
    if (startsWith(bytes, 0xFE, 0xFF)) {
      return new FetchResponse.Decoded(
          new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE),
          StandardCharsets.UTF_16BE,
          "bom");
    }
    Charset header = contentType == null ? null : find(HEADER_CHARSET, contentType);
    Charset claimed = header;
    String how = "header";
    if (claimed == null) {
      String head = new String(bytes, 0, Math.min(bytes.length, 8192), StandardCharsets.ISO_8859_1);
      claimed = find(META_CHARSET, head);
      if (claimed == null) {
        claimed = find(XML_ENCODING, head);
      }
      how = "meta";
    }
    boolean ascii = isAscii(bytes);
    if (ascii) {
      Charset cs = claimed == null ? StandardCharsets.UTF_8 : claimed;
      return new FetchResponse.Decoded(
          new String(bytes, cs), cs, claimed == null ? "default" : how);
    }
    String utf8 = strictUtf8(bytes);
    if (utf8 != null) {
      boolean claimedUtf8 = StandardCharsets.UTF_8.equals(claimed);
      return new FetchResponse.Decoded(utf8, StandardCharsets.UTF_8, claimedUtf8 ? how : "sniffed");
    }
    // Not UTF-8: trust a CJK claim unless another CJK decoding is clearly more Chinese.
    List<Charset> candidates = List.of(GB18030, BIG5);
    Charset best = null;
    double bestScore = Double.NEGATIVE_INFINITY;
    String bestText = null;
    for (Charset cs : candidates) {
      String text = new String(bytes, cs);
      double score = score(text);
      if (cs.equals(claimed)) {
        score += 0.15; // the claim breaks near-ties
      }
      if (score > bestScore) {
        best = cs;
        bestScore = score;
        bestText = text;
      }
    }
    if (claimed != null && !candidates.contains(claimed) && bestScore < 0.3) {
      // A Latin page (windows-1252 and friends) that is not UTF-8: believe its claim.
      return new FetchResponse.Decoded(new String(bytes, claimed), claimed, how);
    }
    if (bestScore < 0.1 && claimed == null) {
      return new FetchResponse.Decoded(new String(bytes, WINDOWS_1252), WINDOWS_1252, "sniffed");
    }
    return new FetchResponse.Decoded(bestText, best, best.equals(claimed) ? how : "sniffed");
  }

  /** Share of common Chinese characters among the CJK ones, minus replacement characters. */
  static double score(String text) {
    int cjk = 0;
    int common = 0;
    int bad = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == 0xFFFD) {
        bad++;
      } else if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
        cjk++;
        if (COMMON_SET.contains(cp)) {
          common++;
        }
      } else if (cp >= 0xE000 && cp <= 0xF8FF) {
        bad++; // private use area: a sign of the wrong table
      }
    }
    if (cjk + bad == 0) {
      return 0;
    }
    return (double) common / Math.max(1, cjk) - 3.0 * bad / (cjk + bad);
  }

  /** Maps a charset label as pages write it to the charset that decodes it right. */
  public static Charset forLabel(String label) {
    if (label == null) {
      return null;
    }
    String l = label.strip().toLowerCase(Locale.ROOT);
    switch (l) {
      case "gb2312", "gbk", "x-gbk", "gb_2312-80", "cp936", "euc-cn", "gb18030", "hz-gb-2312":
        return GB18030;
      case "big5", "big5-hkscs", "cp950", "x-windows-950", "x-x-big5":
        return BIG5;
      case "utf8", "utf-8", "unicode-1-1-utf-8":
        return StandardCharsets.UTF_8;
      case "iso-8859-1", "latin1", "us-ascii", "ascii":
        return WINDOWS_1252; // what browsers do (WHATWG Encoding)
      default:
        try {
          return Charset.forName(l);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
          return null;
        }
    }
  }

  private static Charset find(Pattern p, String s) {
    Matcher m = p.matcher(s);
    return m.find() ? forLabel(m.group(1)) : null;
  }

  private static boolean startsWith(byte[] b, int... prefix) {
    if (b.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((b[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean isAscii(byte[] b) {
    for (byte x : b) {
      if (x < 0) {
        return false;
      }
    }
    return true;
  }

  /** The text if the bytes are valid UTF-8 (a truncated last character is forgiven), else null. */
  static String strictUtf8(byte[] bytes) {
    int end = bytes.length;
    // A body cut at the size limit may end inside a character.
    int back = 0;
    while (back < 3 && end - back - 1 >= 0 && (bytes[end - back - 1] & 0xC0) == 0x80) {
      back++;
    }
    if (end - back - 1 >= 0 && (bytes[end - back - 1] & 0xC0) == 0xC0) {
      int lead = bytes[end - back - 1] & 0xFF;
      int need = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : 1;
      if (back < need) {
        end = end - back - 1;
      }
    }
    try {
      CharBuffer cb =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes, 0, end));
      return cb.toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
