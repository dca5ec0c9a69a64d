package io.tranche.app.license.internal;

import io.tranche.app.license.LicenseService;
import io.tranche.app.mail.MailAttachments;
import io.tranche.app.platform.Actor;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** The licence file ({@code license:<id>}) a licence mail carries. */
@Component
class LicenseAttachments implements MailAttachments {
  private final LicenseService licenses;

  LicenseAttachments(@Lazy LicenseService licenses) {
    this.licenses = licenses;
  }

  @Override
  public Optional<Attachment> render(UUID workspaceId, String reference) {
    if (!reference.startsWith("license:")) {
      return Optional.empty();
    }
    LicenseService.Token token =
        licenses.token(
            Actor.workspace(workspaceId, "mail"),
            UUID.fromString(reference.substring("license:".length())));
    return Optional.of(
        new Attachment(
            token.fileName(), "text/plain", token.text().getBytes(StandardCharsets.US_ASCII)));
  }
}
