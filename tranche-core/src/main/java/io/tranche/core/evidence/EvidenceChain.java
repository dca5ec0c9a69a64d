package io.tranche.core.evidence;

import io.tranche.core.workspace.WorkspaceId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The hash chain of the evidence log.
 *
 * <p>Design note: each entry's hash is SHA-256 over the canonical JSON ({@link CanonicalJson}) of
 * {@code {"actor","at","payload","prev","project","seq","type","workspace"}}, where {@code prev} is
 * the previous entry's hash (64 zeros for the first) and {@code at} is ISO-8601 UTC truncated to
 * milliseconds. Changing any field of an entry changes its hash; deleting or reordering entries
 * breaks the {@code prev} links or the sequence. Signed checkpoints ({@link Checkpoint}) pin the
 * chain's head, so truncating the log after a checkpoint is detected too. This is the construction
 * of Crosby and Wallach's "Efficient Data Structures for Tamper-Evident Logging" (2009), linear
 * form.
 */
public final class EvidenceChain {
  /** The previous hash of a workspace's first entry. */
  public static final String GENESIS = "0".repeat(64);

  private EvidenceChain() {}

  /** The next entry after {@code head} (or the first, when head is null). */
  public static EvidenceEntry append(
      WorkspaceId workspaceId,
      @Nullable Head head,
      Instant at,
      String actor,
      @Nullable UUID projectId,
      String type,
      Map<String, ?> payload) {
    long sequence = head == null ? 1 : head.sequence() + 1;
    String previous = head == null ? GENESIS : head.hash();
    Instant time = at.truncatedTo(ChronoUnit.MILLIS);
    String json = CanonicalJson.write(payload);
    return new EvidenceEntry(
        workspaceId,
        sequence,
        time,
        actor,
        projectId,
        type,
        json,
        previous,
        hash(workspaceId, sequence, time, actor, projectId, type, json, previous));
  }

  /** The hash of an entry's content, as defined in the class comment. */
  public static String hash(
      WorkspaceId workspaceId,
      long sequence,
      Instant at,
      String actor,
      @Nullable UUID projectId,
      String type,
      String payload,
      String previousHash) {
    Map<String, Object> content = new LinkedHashMap<>();
    content.put("workspace", workspaceId.toString());
    content.put("seq", sequence);
    content.put("at", at.truncatedTo(ChronoUnit.MILLIS).toString());
    content.put("actor", actor);
    content.put("project", projectId == null ? null : projectId.toString());
    content.put("type", type);
    content.put("payload", payload);
    content.put("prev", previousHash);
    return sha256(CanonicalJson.write(content));
  }

  /** Lower-case hex SHA-256 of a string's UTF-8 bytes. */
  public static String sha256(String text) {
    return sha256(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Lower-case hex SHA-256 of bytes. */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** The last entry of a chain: its sequence and hash. */
  public record Head(long sequence, String hash) {}
}
