package dev.yuqing.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yuqing.core.config.ProjectConfig;
import dev.yuqing.crawler.Scoper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A replayed post is put in scope the way the crawler scopes a crawled one. */
class NormaliserScopeTest {
  private static final List<ProjectConfig> PROJECTS =
      List.of(
          new ProjectConfig("翡翠湾", List.of("Emerald Bay"), List.of("华景地产"), List.of("华景物业")),
          new ProjectConfig("锦绣园", null, null, null));

  @Test
  void aPostIsInScopeOfTheProjectsItNamesAsTheCrawlerReadsThem() {
    Normaliser.Scope scope = Normaliser.Scope.of(PROJECTS, null);
    Scoper scoper = new Scoper(PROJECTS, false);
    for (String text :
        List.of("翡翠灣業主反映漏水", "ＥＭＥＲＡＬＤ　ＢＡＹ的业主看过来", "emerald  bay 的业主", "锦绣园和華景物業都不管", "华景物流园开业")) {
      assertThat(scope.match(text)).as(text).isEqualTo(scoper.mentioned(text));
    }
    assertThat(scope.match("锦绣园和華景物業都不管")).containsExactly("翡翠湾", "锦绣园");
    assertThat(scope.match("华景物流园开业")).isEmpty();
  }

  @Test
  void postsNamingNoProjectGoToTheFallback() {
    assertThat(Normaliser.Scope.of(PROJECTS, "默认").match("电梯坏了")).containsExactly("默认");
    assertThat(Normaliser.Scope.everything("锦绣园").match("翡翠湾漏水")).containsExactly("锦绣园");
  }
}
