package dev.yuqing.core.config;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The web dashboard ({@code yuqing serve}).
 *
 * @param users who may log in; passwords are stored only as hashes made by {@code yuqing user hash}
 * @param bind address to listen on (default 127.0.0.1: put a reverse proxy in front to publish it)
 * @param port port to listen on (default 8080; {@code --port} overrides it)
 * @param tls serve HTTPS from a PKCS#12 key store; null: plain HTTP
 * @param secureCookies mark the session cookie Secure (default: true when {@code tls} is set; set
 *     it true when a TLS reverse proxy is in front)
 * @param sessionTimeout a session unused this long must log in again (default 8h)
 * @param maxLoginFailures failed logins per user name or client address before a lockout (default
 *     5)
 * @param loginLockout how long failures count and how long a lockout lasts (default 15m)
 * @param refreshInterval how often the overview refreshes itself (default 30s)
 */
public record DashboardConfig(
    List<UserConfig> users,
    String bind,
    Integer port,
    TlsConfig tls,
    Boolean secureCookies,
    Duration sessionTimeout,
    Integer maxLoginFailures,
    Duration loginLockout,
    Duration refreshInterval) {

  public static final DashboardConfig DEFAULT =
      new DashboardConfig(null, null, null, null, null, null, null, null, null);

  public DashboardConfig {
    users = users == null ? List.of() : List.copyOf(users);
    Set<String> names = new HashSet<>();
    for (int i = 0; i < users.size(); i++) {
      if (!names.add(users.get(i).name())) {
        throw new IllegalArgumentException(
            "users[" + i + "].name: duplicate user '" + users.get(i).name() + "'");
      }
    }
    bind = bind == null || bind.isBlank() ? "127.0.0.1" : bind.strip();
    port = Check.atLeast("port", port, 8080, 0);
    if (port > 65535) {
      throw new IllegalArgumentException("port: must be 0..65535, got " + port);
    }
    secureCookies = secureCookies == null ? tls != null : secureCookies;
    sessionTimeout = Check.positive("sessionTimeout", sessionTimeout, Duration.ofHours(8));
    maxLoginFailures = Check.atLeast("maxLoginFailures", maxLoginFailures, 5, 1);
    loginLockout = Check.positive("loginLockout", loginLockout, Duration.ofMinutes(15));
    refreshInterval = Check.positive("refreshInterval", refreshInterval, Duration.ofSeconds(30));
  }

  public Optional<UserConfig> user(String name) {
    return users.stream().filter(u -> u.name().equals(name)).findFirst();
  }
}
