package dev.yuqing.core.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

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
  public enum Role {
    /** Reads the dashboard, searches, opens posts and alerts. */
    VIEWER,
    /** Also acknowledges and resolves alerts. */
    ADMIN;

    @JsonValue
    public String json() {
      return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Role parse(String s) {
      try {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException notAConstant) {
        // no cause: the loader reports the first IllegalArgumentException it finds
        throw new IllegalArgumentException("unknown role '" + s + "' (known: viewer, admin)");
      }
    }
  }
}
