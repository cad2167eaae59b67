package dev.yuqing.dashboards.web;

import dev.yuqing.core.config.UserConfig.Role;
import java.time.Instant;

/**
 * A logged-in user's session.
 *
 * @param id the secret cookie value (256 random bits)
 * @param user login name
 * @param role what the user may do
 * @param csrfToken secret that every state-changing request must echo (form field or header)
 * @param createdAt when the user logged in
 * @param lastSeen the latest request; the session expires an idle timeout after it
 */
public record Session(
    String id, String user, Role role, String csrfToken, Instant createdAt, Instant lastSeen) {

  public boolean admin() {
    return role == Role.ADMIN;
  }

  Session touch(Instant at) {
    return new Session(id, user, role, csrfToken, createdAt, at);
  }
}
