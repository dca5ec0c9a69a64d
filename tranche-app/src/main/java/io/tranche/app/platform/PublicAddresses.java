package io.tranche.app.platform;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Whether a host a member names (a staging site for a preview, a webhook endpoint) is on the public
 * internet: Tranche fetches and posts on its own behalf, so an address on this machine or its
 * private networks (loopback, RFC 1918, link-local such as cloud metadata, unique-local IPv6,
 * carrier-grade NAT) would let a member reach the server's neighbours.
 */
public final class PublicAddresses {
  private PublicAddresses() {}

  /** The host's addresses are all public; false when one is not. */
  public static boolean isPublic(String host) throws UnknownHostException {
    for (InetAddress a : InetAddress.getAllByName(host)) {
      byte[] b = a.getAddress();
      boolean uniqueLocal = b.length == 16 && (b[0] & 0xfe) == 0xfc;
      boolean carrierNat = b.length == 4 && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64;
      if (a.isLoopbackAddress()
          || a.isAnyLocalAddress()
          || a.isLinkLocalAddress()
          || a.isSiteLocalAddress()
          || a.isMulticastAddress()
          || uniqueLocal
          || carrierNat) {
        return false;
      }
    }
    return true;
  }
}
