package io.tranche.app.contract.internal;

import io.tranche.app.contract.ContractService;
import io.tranche.app.mail.MailAttachments;
import io.tranche.app.platform.Actor;
import io.tranche.app.platform.Download;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The signed contract PDF ({@code contract:<id>}) a mail carries, rendered when it is sent. */
@Component
class ContractAttachments implements MailAttachments {
  private final ContractService contracts;

  ContractAttachments(ContractService contracts) {
    this.contracts = contracts;
  }

  @Override
  public Optional<Attachment> render(UUID workspaceId, String reference) {
    if (!reference.startsWith("contract:")) {
      return Optional.empty();
    }
    UUID id = UUID.fromString(reference.substring("contract:".length()));
    Actor workspace = Actor.workspace(workspaceId, "mail");
    Download pdf = contracts.pdf(workspace, id);
    return Optional.of(new Attachment(pdf.fileName(), pdf.contentType(), pdf.readAll()));
  }
}
