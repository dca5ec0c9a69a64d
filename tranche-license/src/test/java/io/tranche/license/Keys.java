package io.tranche.license;

import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.HexFormat;

/** The RFC 8032 test keys (section 7.1, tests 1 and 2): published on purpose, for tests only. */
final class Keys {
  static final String SEED_1 = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
  static final String PUBLIC_1 = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
  static final String SEED_2 = "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb";
  static final String PUBLIC_2 = "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c";

  private Keys() {}

  static PrivateKey privateKey(String seedHex) throws Exception {
    return KeyFactory.getInstance("Ed25519")
        .generatePrivate(
            new EdECPrivateKeySpec(NamedParameterSpec.ED25519, HexFormat.of().parseHex(seedHex)));
  }

  static PublicKey publicKey(String rawHex) {
    return LicenseVerifier.publicKey(
        java.util.Base64.getEncoder().encodeToString(HexFormat.of().parseHex(rawHex)));
  }
}
