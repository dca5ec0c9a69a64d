package io.tranche.app.invoice.internal;

import io.tranche.app.contract.DeliveredWork;
import io.tranche.app.invoice.InvoiceView;
import io.tranche.app.platform.Actor;
import io.tranche.app.project.MilestoneService;
import io.tranche.app.project.ProjectService;
import io.tranche.app.project.ProjectView;
import io.tranche.app.workspace.ClientService;
import io.tranche.app.workspace.ClientView;
import io.tranche.app.workspace.SettingsService;
import io.tranche.app.workspace.WorkspaceLogos;
import io.tranche.app.workspace.WorkspaceSettings;
import io.tranche.core.milestone.Milestone;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Who an invoice or receipt is from and for, as the documents print them: both businesses with
 * address and tax id, the project, the milestone it bills and what paying it unlocks.
 */
@Component
public class DocumentParties {
  private final SettingsService settings;
  private final ClientService clients;
  private final ProjectService projects;
  private final MilestoneService milestones;
  private final DeliveredWork delivered;
  private final WorkspaceLogos logos;

  DocumentParties(
      SettingsService settings,
      ClientService clients,
      ProjectService projects,
      MilestoneService milestones,
      DeliveredWork delivered,
      WorkspaceLogos logos) {
    this.logos = logos;
    this.settings = settings;
    this.clients = clients;
    this.projects = projects;
    this.milestones = milestones;
    this.delivered = delivered;
  }

  /** The parties of an invoice the caller may see. */
  public InvoicePdf.Parties of(Actor actor, InvoiceView invoice) {
    WorkspaceSettings vendor = settings.settings(actor.workspaceId());
    ProjectView project = projects.project(actor, invoice.projectId());
    ClientView client = clients.addressee(actor, invoice.clientId());
    String milestone = null;
    List<String> unlocked = List.of();
    if (invoice.milestoneId() != null) {
      milestone =
          milestones
              .find(actor.workspaceId(), invoice.milestoneId())
              .map(Milestone::name)
              .orElse(null);
      unlocked =
          delivered.of(actor.workspaceId(), invoice.milestoneId()).stream()
              .map(DeliveredWork.Deliverable::name)
              .toList();
    }
    return new InvoicePdf.Parties(
        new InvoicePdf.Party(vendor.name(), vendor.address(), vendor.taxId()),
        new InvoicePdf.Party(client.name(), client.address(), client.taxId()),
        project.name(),
        milestone,
        unlocked,
        logos.of(actor.workspaceId()).map(WorkspaceLogos.Logo::dataUri).orElse(null));
  }
}
