package dev.yuqing.analysis;

import dev.yuqing.core.Entity;
import dev.yuqing.core.config.ProjectConfig;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Entities that matter during handover: the configured projects, developers and property companies
 * (and others that look like them), buildings and units (3栋2单元1502). Thread-safe.
 */
final class EntityExtractor {
  private static final String NUM = "(\\d{1,3}|[一二三四五六七八九十]{1,3})";
  private static final Pattern ADDRESS =
      Pattern.compile(
          "([a-z]?"
              + NUM
              + "(栋|幢|号楼|座))"
              + "(\\s*("
              + NUM
              + "单元)?\\s*(\\d{3,4}(室|房|号)?)?)?"
              + "|("
              + NUM
              + "单元\\s*\\d{3,4}(室|房)?)");
  private static final Cues ADDRESS_HINTS = Cues.of("栋|幢|号楼|座|单元");
  private static final Cues ESTATE =
      Cues.of("小区|花园|家园|公馆|华府|山庄|名郡|新村|佳苑|景苑|雅苑|嘉园|大厦|广场|公寓|国际城|新城|御府|雅居" + "|名苑|水郡|公园");
  private static final Cues DEVELOPER = Cues.of("房地产开发有限公司|房地产有限公司|置业有限公司|地产|置业|房地产");
  private static final Cues PROPERTY = Cues.of("物业服务有限公司|物业管理有限公司|物业有限公司|物业公司|物业");

  /** Characters of a name stem before its suffix (华景 in 华景物业): at most this many. */
  private static final int STEM = 4;

  /** Leading characters that are grammar, not part of a name. */
  private static final String LEAD = "的在是我住了和与及到从对把被给向往于为该本个这那其位期购买入";

  /** Name stems that are generic words, not names (小区物业, 房地产市场). */
  private static final Set<String> GENERIC =
      Set.of(
          "小区", "我们", "前期", "本小区", "该小区", "我小区", "所在", "现在", "目前", "这个", "那个", "其他", "所有", "整个",
          "老旧", "周边", "附近", "新建", "商品", "城市", "全国", "内地", "国内", "一个", "没有", "相关", "缴纳", "交纳", "收取",
          "管理", "服务", "开发", "销售", "二手", "公共", "提质", "配套", "居民", "业主", "投诉", "反映", "中国", "北京", "上海",
          "广州", "深圳");

  private final List<Named> names = new ArrayList<>();

  private record Named(String surface, Entity.Type type, String canonical) {}

  EntityExtractor(List<ProjectConfig> projects) {
    for (ProjectConfig p : projects) {
      add(p.name(), Entity.Type.PROJECT);
      p.aliases().forEach(a -> add(a, Entity.Type.PROJECT));
      p.developer().forEach(d -> add(d, Entity.Type.DEVELOPER));
      p.propertyCompany().forEach(c -> add(c, Entity.Type.PROPERTY_COMPANY));
    }
    // longest names first, so 华景物业 is not also read as 华景
    names.sort((a, b) -> b.surface.length() - a.surface.length());
  }

  private void add(String name, Entity.Type type) {
    String n = TextNormalizer.normalize(name).strip();
    if (!n.isEmpty()) {
      names.add(new Named(n, type, n));
    }
  }

  /** Entities in a normalised text, in order of kind, without duplicates. */
  List<Entity> extract(String text) {
    Set<Entity> out = new LinkedHashSet<>();
    StringBuilder masked = new StringBuilder(text);
    for (Named n : names) {
      int at = text.indexOf(n.surface);
      if (at >= 0) {
        out.add(new Entity(n.type, n.canonical));
        for (int i = text.indexOf(n.surface); i >= 0; i = text.indexOf(n.surface, i + 1)) {
          for (int k = i; k < i + n.surface.length(); k++) {
            masked.setCharAt(k, '·');
          }
        }
      }
    }
    String rest = masked.toString();
    named(PROPERTY, rest, Entity.Type.PROPERTY_COMPANY, out);
    named(DEVELOPER, rest, Entity.Type.DEVELOPER, out);
    named(ESTATE, rest, Entity.Type.PROJECT, out);
    Matcher m = ADDRESS.matcher(ADDRESS_HINTS.in(text) ? text : "");
    while (m.find()) {
      if (m.group(1) != null) {
        out.add(new Entity(Entity.Type.BUILDING, m.group(1)));
        String tail = m.group(4);
        if (tail != null && !tail.isBlank()) {
          out.add(new Entity(Entity.Type.UNIT, m.group().replace(" ", "")));
        }
      } else {
        out.add(new Entity(Entity.Type.UNIT, m.group().replace(" ", "")));
      }
    }
    return new ArrayList<>(out);
  }

  /**
   * Names ending in one of the suffixes: the suffix and the up to {@link #STEM} Chinese characters
   * before it, less leading grammar words (我是龙腾大厦 → 龙腾大厦).
   */
  private static void named(Cues suffixes, String text, Entity.Type type, Set<Entity> out) {
    int i = 0;
    while (i < text.length()) {
      String suffix = suffixes.at(text, i);
      if (suffix == null) {
        i++;
        continue;
      }
      int from = i;
      while (from > 0 && i - from < STEM && isHan(text.charAt(from - 1))) {
        from--;
      }
      while (from < i && LEAD.indexOf(text.charAt(from)) >= 0) {
        from++;
      }
      String stem = text.substring(from, i);
      if (stem.length() >= 2
          && !GENERIC.contains(stem)
          && !(stem.endsWith("区") && stem.length() <= 3)) {
        out.add(new Entity(type, stem + suffix));
      }
      i += suffix.length();
    }
  }

  private static boolean isHan(char c) {
    return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
  }
}
