package io.tranche.app.dunning;

import io.tranche.app.dunning.internal.DunningRepository;
import io.tranche.app.dunning.internal.PlanJson;
import io.tranche.app.platform.Access;
import io.tranche.app.platform.Actor;
import io.tranche.app.platform.Errors;
import io.tranche.app.project.ProjectService;
import io.tranche.app.workspace.ClientService;
import io.tranche.core.dunning.DunningPlan;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dunning plans members keep: the workspace's, and a client's or a contract's own where they
 * differ (the contract's winning over the client's over the workspace's, the built-in plan under
 * them all).
 */
@Service
public class DunningPlans {
  /** What a plan applies to. */
  public enum Scope {
    WORKSPACE,
    CLIENT,
    CONTRACT
  }

  /**
   * The plan that applies at a scope, and whether it is set there ({@code own}) or comes from the
   * scope above ({@code from}: CLIENT, WORKSPACE or DEFAULT).
   */
  public record PlanView(Scope scope, UUID scopeId, boolean own, String from, DunningPlan plan) {
    /** The plan as plain values, for the API's JSON. */
    public Map<String, Object> planJson() {
      return PlanJson.map(plan);
    }
  }

  private final DunningRepository repository;
  private final ClientService clients;
  private final ProjectService projects;
  private final Clock clock;

  DunningPlans(
      DunningRepository repository, ClientService clients, ProjectService projects, Clock clock) {
    this.repository = repository;
    this.clients = clients;
    this.projects = projects;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public PlanView plan(Actor actor, Scope scope, UUID scopeId) {
    Access.member(actor);
    UUID id = check(actor, scope, scopeId);
    UUID ws = actor.workspaceId();
    @Nullable String own = repository.plan(ws, scope.name(), id).orElse(null);
    if (own != null) {
      return new PlanView(scope, id, true, scope.name(), PlanJson.read(own));
    }
    if (scope == Scope.CONTRACT) {
      UUID client = projects.clientOf(ws, repository.projectOfContract(ws, id).orElseThrow());
      var ofClient = repository.plan(ws, Scope.CLIENT.name(), client);
      if (ofClient.isPresent()) {
        return new PlanView(scope, id, false, "CLIENT", PlanJson.read(ofClient.get()));
      }
    }
    if (scope != Scope.WORKSPACE) {
      var ofWorkspace = repository.plan(ws, Scope.WORKSPACE.name(), ws);
      if (ofWorkspace.isPresent()) {
        return new PlanView(scope, id, false, "WORKSPACE", PlanJson.read(ofWorkspace.get()));
      }
    }
    return new PlanView(scope, id, false, "DEFAULT", DunningPlan.DEFAULT);
  }

  /** Sets the plan of a scope (every refused field reported at once; nothing saved then). */
  @Transactional
  public PlanView save(Actor actor, Scope scope, UUID scopeId, PlanInput input) {
    Access.member(actor);
    UUID id = check(actor, scope, scopeId);
    DunningPlan plan = input.toPlan();
    repository.savePlan(
        actor.workspaceId(),
        scope.name(),
        id,
        PlanJson.write(plan),
        clock.instant(),
        actor.label());
    return plan(actor, scope, id);
  }

  /** Drops a client's or contract's own plan (the one above applies again). */
  @Transactional
  public PlanView reset(Actor actor, Scope scope, UUID scopeId) {
    Access.member(actor);
    UUID id = check(actor, scope, scopeId);
    repository.deletePlan(actor.workspaceId(), scope.name(), id);
    return plan(actor, scope, id);
  }

  /** The scope's id, checked to be the caller's: the workspace itself, a client, a contract. */
  private UUID check(Actor actor, Scope scope, UUID scopeId) {
    switch (scope) {
      case WORKSPACE -> {
        return actor.workspaceId();
      }
      case CLIENT -> {
        return clients.client(actor, scopeId).id();
      }
      default -> {
        UUID project =
            repository
                .projectOfContract(actor.workspaceId(), scopeId)
                .orElseThrow(Errors.notFoundSupplier("contract", scopeId));
        projects.requireVisible(actor, project);
        return scopeId;
      }
    }
  }
}
