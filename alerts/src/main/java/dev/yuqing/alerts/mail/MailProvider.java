package dev.yuqing.alerts.mail;

/**
 * Names Jakarta Mail's stream provider for the whole JVM. Without the name, Jakarta Mail 2.1 looks
 * the provider up through {@link java.util.ServiceLoader} on every header it encodes and every body
 * part it writes (jakartaee/mail-api#861), and inside a Flink task the context class loader makes
 * each lookup scan every jar on the class path. With the name set, the lookup is one {@code
 * Class.forName} through the context class loader.
 *
 * <p>The name is a JVM-wide system property, and Jakarta Mail fails (it does not fall back) when a
 * context class loader cannot load the named class. So only code that owns its JVM calls {@link
 * #pin}: the yuqing CLI does at start. A library does not, and neither does the job on a shared
 * Flink cluster, where other jobs' mail code may run in the same task manager; there it can be set
 * with {@code -Djakarta.mail.util.StreamProvider=org.eclipse.angus.mail.util.MailStreamProvider} in
 * {@code env.java.opts.taskmanager} when every job on the cluster ships Angus Mail.
 */
public final class MailProvider {
  static final String PROPERTY = "jakarta.mail.util.StreamProvider";
  static final String ANGUS = "org.eclipse.angus.mail.util.MailStreamProvider";

  private MailProvider() {}

  /**
   * Names Angus Mail's provider unless a name is set already or Angus Mail is not on this class
   * path.
   */
  public static void pin() {
    if (System.getProperty(PROPERTY) != null) {
      return;
    }
    try {
      Class.forName(ANGUS, false, MailProvider.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      return; // another implementation: leave the lookup to Jakarta Mail
    }
    System.setProperty(PROPERTY, ANGUS);
  }
}
