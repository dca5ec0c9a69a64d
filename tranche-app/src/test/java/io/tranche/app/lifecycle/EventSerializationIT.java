package io.tranche.app.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.tranche.app.artifact.ArtifactEvent;
import io.tranche.app.contract.AgreementEvent;
import io.tranche.app.contract.DeliveredWork;
import io.tranche.app.contract.SignatureView;
import io.tranche.app.invoice.InvoiceEvent;
import io.tranche.app.modification.ModificationEvent;
import io.tranche.app.project.MilestoneMoved;
import io.tranche.app.support.IntegrationTest;
import io.tranche.core.milestone.MilestoneAction;
import io.tranche.core.milestone.MilestoneId;
import io.tranche.core.milestone.MilestoneState;
import io.tranche.core.milestone.MilestoneTransitioned;
import io.tranche.core.modification.ModificationRequest;
import io.tranche.core.money.Money;
import io.tranche.core.project.ProjectId;
import io.tranche.core.workspace.WorkspaceId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.events.core.EventSerializer;

/**
 * Every event a reaction listens to survives the event publication registry's serializer: what a
 * crash left outstanding is read back as the same event when it is re-published at start.
 */
class EventSerializationIT extends IntegrationTest {
  @Autowired EventSerializer serializer;

  @Test
  void everyReactedToEventReadsBackAsItWasWritten() {
    UUID ws = UUID.randomUUID();
    UUID project = UUID.randomUUID();
    UUID id = UUID.randomUUID();
    Instant at = Instant.parse("2026-11-30T10:00:00Z");
    Money money = Money.parse("1000.00", "EUR");
    SignatureView signature =
        new SignatureView(
            "CLIENT", "contact:x", "c@x.test", "Chris", "h", "consent", "192.0.2.1", "ua", at);
    List<DeliveredWork.Deliverable> files =
        List.of(new DeliveredWork.Deliverable(id, "build.zip", 12, "sha", "receipt"));
    List<Object> events =
        List.of(
            new MilestoneMoved(
                new MilestoneTransitioned(
                    new WorkspaceId(ws),
                    new ProjectId(project),
                    new MilestoneId(id),
                    MilestoneAction.SUBMIT,
                    MilestoneState.IN_PROGRESS,
                    MilestoneState.SUBMITTED,
                    false,
                    at),
                "member:x"),
            new InvoiceEvent.InvoiceIssued(
                ws, project, "system", id, "2026-0001", money, LocalDate.of(2026, 12, 14)),
            new InvoiceEvent.PaymentReceived(ws, project, "member:x", id, id, money, "bank", null),
            new InvoiceEvent.PaymentRefunded(
                ws, project, "system:stripe", id, id, money, "evt_1", money),
            new InvoiceEvent.PaymentChargedBack(
                ws, project, "system:stripe", id, id, money, "dp_1", "evt_2"),
            new ArtifactEvent.Released(
                ws,
                project,
                "system",
                id,
                "paid",
                null,
                List.of(new ArtifactEvent.ReleasedArtifact(id, "commitment"))),
            new AgreementEvent.QuoteSent(ws, project, "member:x", id, "hash", 2, id),
            new AgreementEvent.QuoteViewed(ws, project, "contact:x", id, "hash", 2, true),
            new AgreementEvent.QuoteSigned(ws, project, "contact:x", id, "hash", 2, signature, id),
            new AgreementEvent.ContractCompleted(
                ws, project, "member:x", id, "hash", id, signature, "pdf", null),
            new AgreementEvent.ChangesRequested(
                ws, project, "contact:x", id, "h", "Prototype", "why"),
            new AgreementEvent.AcceptanceSigned(
                ws, project, "contact:x", id, "h", signature, files, List.of("Shop prototype")),
            new AgreementEvent.SignedOff(ws, project, "contact:x", id, "h", signature, files, at),
            new AgreementEvent.Deemed(ws, project, id, "h", at, 7, 2, files, null),
            new ModificationEvent.Filed(
                ModificationRequest.file(
                    new WorkspaceId(ws),
                    new ProjectId(project),
                    1,
                    "what",
                    "where",
                    "expected",
                    true),
                "contact:x",
                null),
            new ModificationEvent.WindowClosed(ws, project, at, 3));
    for (Object event : events) {
      Object stored = serializer.serialize(event);
      Object back = serializer.deserialize(stored, event.getClass());
      assertThat(back).as(event.getClass().getName() + " from " + stored).isEqualTo(event);
    }
  }

  @Test
  void aRefundRecordedBeforeRefundsHadACreditPartReadsBackWithNone() {
    UUID id = UUID.randomUUID();
    var event =
        new InvoiceEvent.PaymentRefunded(
            id, id, "system:stripe", id, id, Money.parse("10.00", "EUR"), "evt_1", null);
    String stored = String.valueOf(serializer.serialize(event)).replace(",\"fromCredit\":null", "");
    assertThat(stored).doesNotContain("fromCredit");
    Object back = serializer.deserialize(stored, InvoiceEvent.PaymentRefunded.class);
    assertThat(back).isEqualTo(event);
    assertThat(((InvoiceEvent.PaymentRefunded) back).onInvoice())
        .isEqualTo(Money.parse("10.00", "EUR"));
  }
}
