package io.tranche.app.signing;

import io.tranche.app.platform.KeyRing;
import io.tranche.app.signing.internal.SigningKeyRepository;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each workspace's Ed25519 signing key: made on first use, the private part stored wrapped by the
 * key-encryption key (bound to the workspace), the public part published with a fingerprint.
 */
@Service
public class SigningKeys {
  private final SigningKeyRepository keys;
  private final KeyRing keyRing;
  private final Clock clock;
  private final TransactionTemplate separately;

  SigningKeys(
      SigningKeyRepository keys,
      KeyRing keyRing,
      Clock clock,
      PlatformTransactionManager transactions) {
    this.keys = keys;
    this.keyRing = keyRing;
    this.clock = clock;
    this.separately = new TransactionTemplate(transactions);
    this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** Makes a new workspace's key pair, in the transaction that creates the workspace. */
  @Transactional
  public void createFor(UUID workspaceId) {
    create(workspaceId);
  }

  /** A workspace's public key and its fingerprint. */
  public record PublicSigningKey(String algorithm, String publicKey, String fingerprint) {}

  @Transactional
  public PublicSigningKey publicKeyOf(UUID workspaceId) {
    PublicKey key = publicKey(workspaceId);
    return new PublicSigningKey(
        "Ed25519", Base64.getEncoder().encodeToString(key.getEncoded()), fingerprint(key));
  }

  @Transactional
  public PublicKey publicKey(UUID workspaceId) {
    return decodePublic(stored(workspaceId).publicKey());
  }

  /** The private key, unwrapped for one signing operation; never stored unwrapped, never logged. */
  @Transactional
  public PrivateKey privateKey(UUID workspaceId) {
    byte[] pkcs8 = keyRing.unwrap(stored(workspaceId).privateKeyWrapped(), context(workspaceId));
    try {
      return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the stored signing key is not an Ed25519 key", e);
    } finally {
      Arrays.fill(pkcs8, (byte) 0);
    }
  }

  /**
   * The fingerprint people compare: SHA-256 of the raw 32-byte public key, hex in groups of four.
   */
  public static String fingerprint(PublicKey key) {
    return io.tranche.vault.Receipts.fingerprint(key);
  }

  public static PublicKey decodePublic(String base64) {
    try {
      return KeyFactory.getInstance("Ed25519")
          .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("not an Ed25519 public key", e);
    }
  }

  /**
   * The stored key; a workspace made before keys existed gets one in a transaction of its own, so
   * that reading (in a read-only transaction) can still create it.
   */
  private SigningKeyRepository.StoredKey stored(UUID workspaceId) {
    return keys.find(workspaceId)
        .orElseGet(() -> separately.execute(status -> create(workspaceId)));
  }

  private SigningKeyRepository.StoredKey create(UUID workspaceId) {
    try {
      KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
      byte[] pkcs8 = pair.getPrivate().getEncoded();
      keys.insertIfAbsent(
          workspaceId,
          Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()),
          keyRing.wrap(pkcs8, context(workspaceId)),
          clock.instant());
      Arrays.fill(pkcs8, (byte) 0);
      return keys.find(workspaceId).orElseThrow();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 is part of every JDK 15+", e);
    }
  }

  private static String context(UUID workspaceId) {
    return "workspace-signing-key:" + workspaceId;
  }
}
