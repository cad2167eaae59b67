package dev.yuqing.dashboards.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.yuqing.dashboards.AlertInbox;
import dev.yuqing.dashboards.IncidentDesk;
import dev.yuqing.dashboards.fixture.DataDir;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Over HTTPS the session cookie is Secure and the browser is told to stay on HTTPS. */
class DashboardTlsIT {
  @TempDir Path dir;

  @Test
  void sessionCookieIsSecureOverTls() throws Exception {
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    assumeTrue(Files.isExecutable(keytool), "keytool is absent from " + keytool);
    Path ks = dir.resolve("dashboard.p12");
    Process p =
        new ProcessBuilder(
                keytool.toString(),
                "-genkeypair",
                "-alias",
                "dashboard",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=127.0.0.1",
                "-ext",
                "SAN=ip:127.0.0.1",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                ks.toString(),
                "-storepass",
                "changeit",
                "-keypass",
                "changeit")
            .redirectErrorStream(true)
            .start();
    p.getInputStream().readAllBytes();
    assertThat(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0).isTrue();
    SSLContext server = TlsContexts.server(ks, "changeit".toCharArray());
    KeyStore trust = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(ks)) {
      trust.load(in, "changeit".toCharArray());
    }
    SSLContext client = TlsContexts.trusting(trust);

    IncidentDesk desk = DataDir.desk(dir);
    Dashboard d = TestDashboards.withoutPosts(5, TestDashboards.refusing(AlertInbox.class), desk);
    try (DashboardServer s = DashboardServer.start(d, "127.0.0.1", 0, server)) {
      assertThat(s.uri().getScheme()).isEqualTo("https");
      WebClient c = new WebClient(s.uri(), client);
      HttpResponse<String> r = c.login("viewer", TestDashboards.PASSWORD);
      assertThat(r.statusCode()).isEqualTo(303);
      assertThat(WebClient.setCookies(r))
          .anySatisfy(
              cookie ->
                  assertThat(cookie)
                      .startsWith(DashboardServer.SESSION_COOKIE + "=")
                      .contains("Secure", "HttpOnly", "SameSite=Strict"));
      assertThat(r.headers().firstValue("Strict-Transport-Security")).isPresent();
    }
  }
}
