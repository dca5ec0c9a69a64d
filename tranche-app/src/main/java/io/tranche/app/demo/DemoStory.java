package io.tranche.app.demo;

import io.tranche.app.artifact.ArtifactService;
import io.tranche.app.contract.AcceptanceService;
import io.tranche.app.contract.SignedBy;
import io.tranche.app.invoice.InvoiceService;
import io.tranche.app.invoice.InvoiceView;
import io.tranche.app.invoice.PaymentService;
import io.tranche.app.platform.Actor;
import io.tranche.app.platform.Paging;
import io.tranche.app.project.MilestoneService;
import io.tranche.app.project.MilestoneView;
import io.tranche.app.workspace.WorkspaceService;
import io.tranche.core.contract.SignatureRequest;
import io.tranche.core.milestone.MilestoneAction;
import io.tranche.core.milestone.MilestoneState;
import io.tranche.core.money.Money;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.stereotype.Component;

/**
 * The demo project's story so far, told through the same services people use, each step once: the
 * deposit was paid (its receipt issued); the prototype was delivered, accepted by the client, paid
 * and so released; the final build is delivered, sealed, and accepted at the final demo, so its
 * invoice is due: paying it unlocks {@value #FINAL_BUILD}. Each step looks at where the project
 * stands first, so telling it again changes nothing.
 */
@Component
class DemoStory {
  static final String PROTOTYPE = "acme-prototype.zip";
  static final String FINAL_BUILD = "final-build.zip";

  private final MilestoneService milestones;
  private final ArtifactService artifacts;
  private final AcceptanceService acceptances;
  private final InvoiceService invoices;
  private final PaymentService payments;
  private final WorkspaceService workspaces;

  DemoStory(
      MilestoneService milestones,
      ArtifactService artifacts,
      AcceptanceService acceptances,
      InvoiceService invoices,
      PaymentService payments,
      WorkspaceService workspaces) {
    this.milestones = milestones;
    this.artifacts = artifacts;
    this.acceptances = acceptances;
    this.invoices = invoices;
    this.payments = payments;
    this.workspaces = workspaces;
  }

  void tell(Actor owner, Actor client, UUID projectId) {
    payInFull(owner, projectId, plan(owner, projectId).get(0), "SEPA transfer ACME-0001");
    deliver(owner, projectId, 1, PROTOTYPE, "Prototype");
    accept(owner, client, projectId, 1);
    payInFull(owner, projectId, plan(owner, projectId).get(1), "SEPA transfer ACME-0002");
    deliver(owner, projectId, 2, FINAL_BUILD, "Version 1.0");
    accept(owner, client, projectId, 2);
  }

  private List<MilestoneView> plan(Actor owner, UUID projectId) {
    return milestones.milestones(owner, projectId, new Paging(0, Paging.MAX_SIZE)).items();
  }

  /** Records the bank transfer of what is open on the milestone's invoice, if anything is. */
  private void payInFull(Actor owner, UUID projectId, MilestoneView part, String reference) {
    invoices.invoices(owner, projectId, new Paging(0, Paging.MAX_SIZE)).items().stream()
        .filter(i -> part.id().equals(i.milestoneId()))
        .filter(i -> i.open().amountMinor() > 0)
        .findFirst()
        .ifPresent(
            (InvoiceView i) ->
                payments.recordPayment(
                    owner,
                    i.id(),
                    Money.of(i.open().amountMinor(), i.open().currency()),
                    workspaces.today(owner.workspaceId()),
                    reference));
  }

  /** Starts a planned part, uploads its sealed build and submits it for review. */
  private void deliver(Actor owner, UUID projectId, int index, String file, String version) {
    MilestoneView part = plan(owner, projectId).get(index);
    if (part.state() != MilestoneState.PLANNED) {
      return;
    }
    milestones.transition(owner, part.id(), MilestoneAction.START);
    artifacts.upload(
        owner, part.id(), file, "application/zip", new ByteArrayInputStream(build(version)));
    milestones.transition(owner, part.id(), MilestoneAction.SUBMIT);
  }

  /** The client reads the acceptance document of a submitted part and signs it. */
  private void accept(Actor owner, Actor client, UUID projectId, int index) {
    MilestoneView part = plan(owner, projectId).get(index);
    if (part.state() != MilestoneState.SUBMITTED) {
      return;
    }
    String hash = acceptances.open(client, part.id()).documentHash();
    acceptances.sign(
        client,
        part.id(),
        new SignatureRequest("Chris Client", true, hash),
        new SignedBy("127.0.0.1", "demo seeder"));
  }

  /** A small real zip: the demo shop's front page in the given version. */
  static byte[] build(String version) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("index.html"));
      zip.write(
          ("<!DOCTYPE html><title>Acme Bakery</title><h1>Acme Bakery web shop</h1><p>"
                  + version
                  + "</p>\n")
              .getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
