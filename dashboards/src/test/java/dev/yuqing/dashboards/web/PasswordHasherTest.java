package dev.yuqing.dashboards.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yuqing.core.config.UserConfig;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {
  private final PasswordHasher hasher = new PasswordHasher(10_000);

  @Test
  void verifiesTheRightPasswordOnly() {
    String h = hasher.hash("业主群管理2024!".toCharArray());
    assertThat(h).startsWith("pbkdf2-sha256$10000$");
    assertThat(PasswordHasher.verify("业主群管理2024!".toCharArray(), h)).isTrue();
    assertThat(PasswordHasher.verify("业主群管理2024".toCharArray(), h)).isFalse();
    assertThat(PasswordHasher.verify("".toCharArray(), h)).isFalse();
  }

  @Test
  void saltsEveryHash() {
    assertThat(hasher.hash("secret".toCharArray()))
        .isNotEqualTo(hasher.hash("secret".toCharArray()));
  }

  @Test
  void defaultHashIsAcceptedByTheConfig() {
    String h = new PasswordHasher().hash("secret".toCharArray());
    assertThat(h).startsWith("pbkdf2-sha256$" + PasswordHasher.DEFAULT_ITERATIONS + "$");
    assertThat(new UserConfig("pr", h, null).role()).isEqualTo(UserConfig.Role.VIEWER);
  }

  @Test
  void malformedHashesNeverMatch() {
    for (String bad :
        new String[] {
          null, "", "secret", "pbkdf2-sha256$x$AA==$AA==", "md5$1$AA==$AA==", "pbkdf2-sha256$10$$"
        }) {
      assertThat(PasswordHasher.verify("secret".toCharArray(), bad)).as(bad).isFalse();
    }
  }
}
