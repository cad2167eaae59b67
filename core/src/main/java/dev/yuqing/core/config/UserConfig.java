package dev.yuqing.core.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.yuqing.core.LowerCaseNamed;

/**
 * A dashboard user.
 *
 * @param name login name
 * @param passwordHash {@code pbkdf2-sha256$<iterations>$<salt>$<hash>} as printed by {@code yuqing
 *     user hash}; never the password itself
 * @param role viewer (reads everything) or admin (also acknowledges and resolves alerts)
 */
public record UserConfig(String name, String passwordHash, Role role) {
  public UserConfig {
    name = Check.required("name", name);
    if (!name.matches("[\\p{L}\\p{N}._@-]{1,64}")) {
      throw new IllegalArgumentException(
          "name: letters, digits, '.', '_', '@' or '-' only, 1..64 characters: '" + name + "'");
    }
    passwordHash = Check.required("passwordHash", passwordHash);
    if (!passwordHash.matches("pbkdf2-sha256\\$\\d+\\$[A-Za-z0-9+/=]+\\$[A-Za-z0-9+/=]+")) {
      throw new IllegalArgumentException(
          "passwordHash: not a hash from 'yuqing user hash' (pbkdf2-sha256$iterations$salt$hash)");
    }
    role = role == null ? Role.VIEWER : role;
  }

  /** What a user may do. */
  public enum Role implements LowerCaseNamed {
    /** Reads the dashboard, searches, opens posts and alerts. */
    VIEWER,
    /** Also acknowledges and resolves alerts. */
    ADMIN;

    @JsonCreator
    public static Role parse(String s) {
      return LowerCaseNamed.byName(Role.class, "role", s);
    }
  }
}
