package io.tranche.app.workspace;

import io.tranche.app.platform.Access;
import io.tranche.app.platform.Actor;
import io.tranche.app.workspace.internal.LogoImage;
import io.tranche.app.workspace.internal.LogoRepository;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The business's logo: the owner uploads or removes it on the settings page; pages, mails and PDFs
 * of the workspace show it. What is kept is {@link LogoImage}'s re-encoded PNG, never the upload.
 */
@Service
public class WorkspaceLogos {
  /** A logo as kept: a PNG and its SHA-256 (also its version). */
  public record Logo(byte[] png, String sha256) {
    /** The logo as a {@code data:} URI, for documents rendered without a server to ask. */
    public String dataUri() {
      return "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
    }
  }

  private final LogoRepository logos;
  private final Clock clock;

  WorkspaceLogos(LogoRepository logos, Clock clock) {
    this.logos = logos;
    this.clock = clock;
  }

  /** The owner replaces the logo; reads at most one byte beyond the limit of the upload. */
  @Transactional
  public Logo upload(Actor actor, InputStream upload) {
    Access.owner(actor);
    byte[] bytes;
    try {
      bytes = upload.readNBytes(LogoImage.MAX_BYTES + 1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] png = LogoImage.normalise(bytes);
    String sha256 = sha256(png);
    logos.save(actor.workspaceId(), png, sha256, clock.instant());
    return new Logo(png, sha256);
  }

  /** The owner removes the logo; pages, mails and PDFs show the business name alone again. */
  @Transactional
  public void remove(Actor actor) {
    Access.owner(actor);
    logos.remove(actor.workspaceId());
  }

  /** The logo of the caller's workspace (members and the workspace's client contacts alike). */
  @Transactional(readOnly = true)
  public Optional<Logo> current(Actor actor) {
    return of(actor.workspaceId());
  }

  /** A workspace's logo, for its mails and documents. */
  @Transactional(readOnly = true)
  public Optional<Logo> of(UUID workspaceId) {
    return logos.find(workspaceId).map(l -> new Logo(l.png(), l.sha256()));
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
