package io.tranche.app.contract;

import jakarta.servlet.http.HttpServletRequest;

/** Where a signature came from: the signer's network address and browser, as the request said. */
public record SignedBy(String ip, String userAgent) {
  /** The address and browser of the request that carries the signature. */
  public static SignedBy of(HttpServletRequest request) {
    return new SignedBy(request.getRemoteAddr(), request.getHeader("User-Agent"));
  }

  public SignedBy {
    ip = ip == null ? "unknown" : ip.length() > 64 ? ip.substring(0, 64) : ip;
    userAgent =
        userAgent == null
            ? "unknown"
            : userAgent.length() > 500 ? userAgent.substring(0, 500) : userAgent;
  }
}
