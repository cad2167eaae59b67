package dev.yuqing.alerts.mail;

/**
 * Names Jakarta Mail's stream provider once, for the whole JVM. Without the name, Jakarta Mail 2.1
 * looks the provider up through {@link java.util.ServiceLoader} on every header it encodes and
 * every body part it writes (jakartaee/mail-api#861), and inside a Flink task the context class
 * loader makes each lookup scan every jar on the class path: about a quarter of the CPU the alert
 * service spent per mail in {@code yuqing bench stream}. With the name set, the lookup is a {@code
 * Class.forName} through the same context class loader, and falls back to the service loader when
 * that class is not there. A name someone set already is kept.
 */
public final class MailProvider {
  static final String PROPERTY = "jakarta.mail.util.StreamProvider";
  static final String ANGUS = "org.eclipse.angus.mail.util.MailStreamProvider";

  private MailProvider() {}

  /** Sets the provider's class name unless it is set; cheap, call before composing a message. */
  public static void pin() {
    if (System.getProperty(PROPERTY) == null) {
      System.setProperty(PROPERTY, ANGUS);
    }
  }
}
