package dev.yuqing.dashboards.web;

import dev.yuqing.core.config.DashboardConfig;
import dev.yuqing.core.config.ProjectConfig;
import dev.yuqing.core.config.UserConfig;
import dev.yuqing.core.config.UserConfig.Role;
import dev.yuqing.dashboards.AlertInbox;
import dev.yuqing.dashboards.IncidentDesk;
import dev.yuqing.dashboards.fixture.DataDir;
import dev.yuqing.dashboards.insight.Insights;
import dev.yuqing.index.PostIndex;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The users and the data-less dashboard of the HTTP-level tests: an admin and a viewer, and parts
 * that record any call and fail it, to prove that a refused request never reaches data.
 */
final class TestDashboards {
  static final String PASSWORD = "翡翠湾-交房-2024";

  /** Each call a {@link #refusing} part got, as {@code Type.method}. */
  static final List<String> touched = new CopyOnWriteArrayList<>();

  private TestDashboards() {}

  @SuppressWarnings("unchecked")
  static <T> T refusing(Class<T> type) {
    return (T)
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (proxy, method, args) -> {
              if (method.getName().equals("close")) {
                return null;
              }
              touched.add(type.getSimpleName() + "." + method.getName());
              throw new UnsupportedOperationException("no data in this test");
            });
  }

  /** "admin" and "viewer", both with {@link #PASSWORD}; logins lock after {@code maxFailures}. */
  static DashboardConfig config(int maxFailures) {
    PasswordHasher h = new PasswordHasher(1000);
    return new DashboardConfig(
        List.of(
            new UserConfig("admin", h.hash(PASSWORD.toCharArray()), Role.ADMIN),
            new UserConfig("viewer", h.hash(PASSWORD.toCharArray()), Role.VIEWER)),
        null,
        null,
        null,
        null,
        null,
        maxFailures,
        Duration.ofMinutes(15),
        null);
  }

  /**
   * A dashboard of 翡翠湾 whose index and insights refuse every call; alerts come from {@code alerts}.
   */
  static Dashboard withoutPosts(int maxFailures, AlertInbox alerts, IncidentDesk desk) {
    return new Dashboard(
        config(maxFailures),
        List.of(new ProjectConfig("翡翠湾", null, null, null)),
        refusing(PostIndex.class),
        refusing(Insights.class),
        alerts,
        desk,
        Clock.systemUTC(),
        DataDir.CHINA,
        null,
        null);
  }
}
