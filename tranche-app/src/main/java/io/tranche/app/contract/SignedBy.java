package io.tranche.app.contract;

/** Where a signature came from: the signer's network address and browser, as the request said. */
public record SignedBy(String ip, String userAgent) {
  public SignedBy {
    ip = ip == null ? "unknown" : ip.length() > 64 ? ip.substring(0, 64) : ip;
    userAgent =
        userAgent == null
            ? "unknown"
            : userAgent.length() > 500 ? userAgent.substring(0, 500) : userAgent;
  }
}
