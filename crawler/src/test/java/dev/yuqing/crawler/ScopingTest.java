package dev.yuqing.crawler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yuqing.analysis.TextNormalizer;
import dev.yuqing.core.Script;
import dev.yuqing.core.config.ProjectConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScopingTest {
  private final List<ProjectConfig> projects =
      List.of(
          new ProjectConfig("翡翠湾", List.of("Emerald Bay"), List.of("华景地产"), List.of("华景物业")),
          new ProjectConfig("锦绣园", null, null, null));

  @Test
  void aPostIsAboutTheProjectsItNamesByAnyOfTheirNames() {
    Scoper s = new Scoper(projects, false);
    assertThat(s.mentioned("华景物业又涨物业费了")).containsExactly("翡翠湾");
    assertThat(s.mentioned("emerald  bay 的业主看过来")).containsExactly("翡翠湾");
    assertThat(s.mentioned("锦绣园和翡翠湾都延期了")).containsExactly("翡翠湾", "锦绣园");
    // traditional script names the same project
    assertThat(s.mentioned("翡翠灣業主反映漏水")).containsExactly("翡翠湾");
    // and full-width Latin (the names are compared as analysis reads them)
    assertThat(s.mentioned("ＥＭＥＲＡＬＤ　ＢＡＹ的业主")).containsExactly("翡翠湾");
    assertThat(s.mentioned("华景物流园开业")).isEmpty();
  }

  @Test
  void sourceProjectsTagEveryPostAndUnscopedPostsAreDroppedUnlessKept() {
    Scoper drop = new Scoper(projects, false);
    assertThat(drop.scope(List.of("翡翠湾"), null, "电梯坏了")).contains(List.of("翡翠湾"));
    assertThat(drop.scope(List.of(), null, "电梯坏了")).isEmpty();
    assertThat(drop.scope(List.of(), "锦绣园", "电梯坏了")).contains(List.of("锦绣园"));
    assertThat(new Scoper(projects, true).scope(List.of(), null, "电梯坏了")).contains(List.of());
  }

  @Test
  void searchKeywordsAreEveryNameOfTheSourcesProjects() {
    Scoper s = new Scoper(projects, false);
    assertThat(s.keywords(List.of("锦绣园"))).containsOnlyKeys("锦绣园");
    assertThat(s.keywords(List.of()))
        .containsKeys("翡翠湾", "Emerald Bay", "华景地产", "华景物业", "锦绣园")
        .containsEntry("华景物业", "翡翠湾");
  }

  @Test
  void traditionalTextIsKeptWithItsSimplifiedForm() {
    String trad = "翡翠灣業主反映：交房後衛生間漏水，物業遲遲不來維修。";
    assertThat(TextNormalizer.simplified(trad)).isEqualTo("翡翠湾业主反映：交房后卫生间漏水，物业迟迟不来维修。");
    assertThat(TextNormalizer.script(trad)).isEqualTo(Script.TRADITIONAL);
    assertThat(TextNormalizer.script("翡翠湾业主反映：交房后卫生间漏水。")).isEqualTo(Script.SIMPLIFIED);
  }
}
