package dev.yuqing.alerts.mail;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.util.StreamProvider;
import org.junit.jupiter.api.Test;

class MailProviderTest {
  @Test
  void theNamedProviderIsAngusOnThisClassPath() throws Exception {
    // an upgrade that renames the class would silently bring back the slow lookup
    Class<?> c = Class.forName(MailProvider.ANGUS);
    assertTrue(StreamProvider.class.isAssignableFrom(c), c + " is not a StreamProvider");
    MailProvider.pin();
    assertTrue(
        StreamProvider.provider()
            .getClass()
            .getName()
            .equals(System.getProperty(MailProvider.PROPERTY)));
  }
}
