package io.tranche.app.invoice.internal;

import io.tranche.app.invoice.InvoiceDocuments;
import io.tranche.app.mail.MailAttachments;
import io.tranche.app.platform.Actor;
import io.tranche.app.platform.Download;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The invoice ({@code invoice:<id>}), credit note ({@code creditnote:<id>}) and receipt ({@code
 * receipt:<payment id>}) PDFs a mail carries, rendered when it is sent, as the workspace's own
 * documents.
 */
@Component
class InvoiceAttachments implements MailAttachments {
  private final InvoiceDocuments documents;

  InvoiceAttachments(InvoiceDocuments documents) {
    this.documents = documents;
  }

  @Override
  public Optional<Attachment> render(UUID workspaceId, String reference) {
    int colon = reference.indexOf(':');
    String kind = reference.substring(0, colon);
    UUID id = UUID.fromString(reference.substring(colon + 1));
    Actor workspace = Actor.workspace(workspaceId, "mail");
    Download pdf;
    switch (kind) {
      case "invoice" -> pdf = documents.invoicePdf(workspace, id);
      case "receipt" -> pdf = documents.receiptPdf(workspace, id);
      case "creditnote" -> pdf = documents.creditNotePdf(workspace, id);
      default -> {
        return Optional.empty();
      }
    }
    return Optional.of(new Attachment(pdf.fileName(), pdf.contentType(), pdf.readAll()));
  }
}
