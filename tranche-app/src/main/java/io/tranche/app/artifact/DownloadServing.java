package io.tranche.app.artifact;

import io.tranche.app.artifact.ArtifactService.Kind;
import io.tranche.app.artifact.ArtifactService.Servable;
import io.tranche.app.artifact.internal.ArtifactRepository;
import io.tranche.app.artifact.internal.ArtifactRepository.StoredArtifact;
import io.tranche.app.artifact.internal.BlobChannel;
import io.tranche.app.platform.Actor;
import io.tranche.app.platform.KeyRing;
import io.tranche.app.platform.Secrets;
import io.tranche.app.storage.BlobStore;
import io.tranche.app.workspace.ClientService;
import io.tranche.app.workspace.WorkspaceService;
import io.tranche.core.error.DomainException;
import io.tranche.vault.DataKey;
import io.tranche.vault.Sealing;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Serves a download token: what it opens is re-checked now against its holder (still a member, or
 * still a contact of the project) and the release state, so a refund before release or a removed
 * contact opens nothing. Plaintext ranges decrypt only the segments they need.
 */
@Service
public class DownloadServing {
  private final ArtifactRepository artifacts;
  private final ArtifactService reads;
  private final WorkspaceService workspaces;
  private final ClientService clients;
  private final KeyRing keyRing;
  private final BlobStore blobs;
  private final Clock clock;

  DownloadServing(
      ArtifactRepository artifacts,
      ArtifactService reads,
      WorkspaceService workspaces,
      ClientService clients,
      KeyRing keyRing,
      BlobStore blobs,
      Clock clock) {
    this.artifacts = artifacts;
    this.reads = reads;
    this.workspaces = workspaces;
    this.clients = clients;
    this.keyRing = keyRing;
    this.blobs = blobs;
    this.clock = clock;
  }

  /**
   * What a download token opens, re-checked now against the release state: an expired or unknown
   * token, or one whose permission has gone (e.g. a refund before release), opens nothing.
   */
  @Transactional(readOnly = true)
  public Servable serve(String token) {
    ArtifactRepository.Token t =
        artifacts
            .token(Secrets.hash(token))
            .filter(x -> x.expiresAt().isAfter(clock.instant()))
            .orElseThrow(() -> new DomainException(ArtifactErrors.TOKEN_EXPIRED, Map.of()));
    // the person the link was made for must still be who they were: a removed member or a
    // contact taken off the project opens nothing
    Actor holder =
        holder(t.actor())
            .filter(x -> x.workspaceId().equals(t.workspaceId()))
            .orElseThrow(() -> new DomainException(ArtifactErrors.TOKEN_EXPIRED, Map.of()));
    StoredArtifact a;
    try {
      a = reads.load(holder, t.artifactId());
    } catch (DomainException e) {
      throw new DomainException(ArtifactErrors.TOKEN_EXPIRED, Map.of());
    }
    Kind kind = Kind.valueOf(t.kind());
    reads.requireMay(holder.isMember(), kind, a);
    if (kind == Kind.CIPHERTEXT) {
      return new Servable(
          a.name() + ".sealed",
          "application/octet-stream",
          a.ciphertextSize(),
          (from, length, out) -> {
            try (InputStream in = blobs.open(a.blobKey(), from)) {
              copy(in, out, length);
            }
          });
    }
    DataKey key = ArtifactKeys.unwrap(keyRing, a);
    String artifactId = a.id().toString();
    return new Servable(
        a.name(),
        a.mediaType(),
        a.plaintextSize(),
        (from, length, out) -> {
          if (from == 0 && length == a.plaintextSize()) {
            try (InputStream in = blobs.open(a.blobKey())) {
              Sealing.open(key, artifactId, in, out);
            }
            return;
          }
          try (SeekableByteChannel plain =
              Sealing.openSeekable(
                  key, artifactId, new BlobChannel(blobs, a.blobKey(), a.ciphertextSize()))) {
            plain.position(from);
            ByteBuffer buffer = ByteBuffer.allocate(256 * 1024);
            long left = length;
            while (left > 0) {
              buffer.clear().limit((int) Math.min(buffer.capacity(), left));
              int n = plain.read(buffer);
              if (n < 0) {
                throw new IOException("the ciphertext ended early");
              }
              out.write(buffer.array(), 0, n);
              left -= n;
            }
          }
        });
  }

  private Optional<Actor> holder(String label) {
    int colon = label.indexOf(':');
    if (colon < 0) {
      return Optional.empty();
    }
    UUID id;
    try {
      id = UUID.fromString(label.substring(colon + 1));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    return switch (label.substring(0, colon)) {
      case "member" -> workspaces.memberActor(id);
      case "contact" -> clients.contactActor(id);
      default -> Optional.empty();
    };
  }

  private static void copy(InputStream in, OutputStream out, long length) throws IOException {
    byte[] buffer = new byte[256 * 1024];
    long left = length;
    while (left > 0) {
      int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
      if (n < 0) {
        throw new IOException("the blob ended early");
      }
      out.write(buffer, 0, n);
      left -= n;
    }
  }
}
