package io.tranche.core.evidence;

import io.tranche.core.workspace.WorkspaceId;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A signed statement that a workspace's evidence log had {@code sequence} entries ending in {@code
 * chainHash} at time {@code at}: Ed25519 over the canonical JSON of {@code
 * {"at","hash","seq","workspace"}}.
 */
public record Checkpoint(
    WorkspaceId workspaceId, long sequence, String chainHash, Instant at, String signature) {
  public Checkpoint {
    Objects.requireNonNull(workspaceId, "workspaceId");
    Objects.requireNonNull(chainHash, "chainHash");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(signature, "signature");
  }

  /** Signs the head of a chain with the workspace's Ed25519 private key. */
  public static Checkpoint sign(
      WorkspaceId workspaceId, EvidenceChain.Head head, Instant at, PrivateKey key) {
    Instant time = at.truncatedTo(ChronoUnit.MILLIS);
    try {
      Signature signer = Signature.getInstance("Ed25519");
      signer.initSign(key);
      signer.update(message(workspaceId, head.sequence(), head.hash(), time));
      return new Checkpoint(
          workspaceId,
          head.sequence(),
          head.hash(),
          time,
          Base64.getUrlEncoder().withoutPadding().encodeToString(signer.sign()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign a checkpoint", e);
    }
  }

  /** Whether the signature is the workspace key's over this checkpoint's content. */
  public boolean verify(PublicKey key) {
    try {
      Signature verifier = Signature.getInstance("Ed25519");
      verifier.initVerify(key);
      verifier.update(message(workspaceId, sequence, chainHash, at));
      return verifier.verify(Base64.getUrlDecoder().decode(signature));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }

  private static byte[] message(WorkspaceId workspaceId, long sequence, String hash, Instant at) {
    Map<String, Object> content = new LinkedHashMap<>();
    content.put("workspace", workspaceId.toString());
    content.put("seq", sequence);
    content.put("hash", hash);
    content.put("at", at.truncatedTo(ChronoUnit.MILLIS).toString());
    return CanonicalJson.write(content).getBytes(StandardCharsets.UTF_8);
  }
}
