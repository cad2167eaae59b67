package dev.yuqing.crawler.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * Refuses hosts that resolve into loopback, private, link-local, carrier-grade NAT, unique-local or
 * unspecified ranges, so that a public page cannot redirect the crawler into the intranet (SSRF).
 * Checked before every hop of a fetch.
 */
final class AddressGuard {
  private AddressGuard() {}

  /** Throws when the URL's host is, or resolves to, a non-public address. */
  static void check(URI url) throws FetchException {
    check(url, AddressGuard::isPrivate);
  }

  /** As {@link #check(URI)} with another notion of private (tests). */
  static void check(URI url, java.util.function.Predicate<InetAddress> isPrivate)
      throws FetchException {
    String host = url.getHost();
    if (host == null) {
      throw new FetchException(FetchException.Reason.IO, url, "URL has no host");
    }
    InetAddress[] all;
    try {
      all = InetAddress.getAllByName(host);
    } catch (UnknownHostException e) {
      throw new FetchException(FetchException.Reason.IO, url, "unknown host " + host, e);
    }
    for (InetAddress a : all) {
      if (isPrivate.test(a)) {
        throw new FetchException(
            FetchException.Reason.PRIVATE_ADDRESS,
            url,
            "refused: "
                + host
                + " is a private or loopback address ("
                + a.getHostAddress()
                + "); set allowPrivateNetwork on the source to allow it");
      }
    }
  }

  static boolean isPrivate(InetAddress a) {
    if (a.isLoopbackAddress()
        || a.isAnyLocalAddress()
        || a.isLinkLocalAddress()
        || a.isSiteLocalAddress()
        || a.isMulticastAddress()) {
      return true;
    }
    byte[] b = a.getAddress();
    if (a instanceof Inet4Address) {
      int b0 = b[0] & 0xFF;
      int b1 = b[1] & 0xFF;
      return b0 == 0 // "this" network
          || (b0 == 100 && b1 >= 64 && b1 <= 127) // carrier-grade NAT
          || (b0 == 192 && b1 == 0 && (b[2] & 0xFF) == 0) // IETF protocol assignments
          || (b0 == 198 && (b1 == 18 || b1 == 19)) // benchmarking
          || b0 >= 240; // reserved, broadcast
    }
    if (a instanceof Inet6Address) {
      int b0 = b[0] & 0xFF;
      if ((b0 & 0xFE) == 0xFC) {
        return true; // unique local fc00::/7
      }
      // IPv4-mapped ::ffff:a.b.c.d: judge the embedded IPv4 address
      boolean mapped = true;
      for (int i = 0; i < 10; i++) {
        mapped &= b[i] == 0;
      }
      if (mapped && (b[10] & 0xFF) == 0xFF && (b[11] & 0xFF) == 0xFF) {
        try {
          return isPrivate(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
        } catch (UnknownHostException e) {
          return true;
        }
      }
    }
    return false;
  }
}
