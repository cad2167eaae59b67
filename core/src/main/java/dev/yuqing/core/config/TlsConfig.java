package dev.yuqing.core.config;

/**
 * HTTPS for the dashboard.
 *
 * @param keystore path to a PKCS#12 key store holding the server key and certificate chain
 * @param passwordEnv environment variable holding the key store password (default
 *     YUQING_TLS_PASSWORD)
 */
public record TlsConfig(String keystore, String passwordEnv) {
  public TlsConfig {
    keystore = Check.required("keystore", keystore);
    passwordEnv =
        Check.envName("passwordEnv", passwordEnv == null ? "YUQING_TLS_PASSWORD" : passwordEnv);
  }
}
