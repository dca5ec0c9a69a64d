package io.tranche.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.tranche.app.artifact.ArtifactService;
import io.tranche.app.artifact.ArtifactView;
import io.tranche.app.platform.Actor;
import io.tranche.app.platform.Paging;
import io.tranche.app.project.MilestoneService;
import io.tranche.app.project.MilestoneView;
import io.tranche.app.project.ProjectService;
import io.tranche.app.support.IntegrationTest;
import io.tranche.app.workspace.WorkspaceService;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** {@code --demo}'s workspace: its logins work, and its final delivery waits sealed, once. */
class DemoSeederIT extends IntegrationTest {
  @Autowired DemoSeeder seeder;
  @Autowired TransactionTemplate transaction;
  @Autowired WorkspaceService workspaces;
  @Autowired ProjectService projects;
  @Autowired MilestoneService milestones;
  @Autowired ArtifactService artifacts;

  @Test
  void seedsAProjectWhoseFinalDeliveryIsSealedWithItsReceiptAndDoesSoOnce() {
    for (int run = 0; run < 2; run++) {
      String token = transaction.execute(s -> seeder.seed());
      assertThat(token).startsWith("trn_");
      seeder.deliverBuild();
    }
    Actor owner =
        workspaces
            .memberLogin(DemoSeeder.OWNER_EMAIL)
            .map(WorkspaceService.MemberLogin::actor)
            .orElseThrow();
    var project =
        projects.projects(owner, new Paging(0, Paging.MAX_SIZE)).items().stream()
            .filter(p -> p.name().equals(DemoSeeder.PROJECT))
            .findFirst()
            .orElseThrow();
    List<MilestoneView> plan =
        milestones.milestones(owner, project.id(), new Paging(0, Paging.MAX_SIZE)).items();
    MilestoneView last = plan.get(plan.size() - 1);
    List<ArtifactView> delivered = artifacts.artifacts(owner, last.id());
    assertThat(delivered).hasSize(1);
    assertThat(delivered.get(0).name()).isEqualTo("acme-web-shop-1.0.zip");
    assertThat(delivered.get(0).receiptIssuedAt()).isNotNull();
    assertThat(delivered.get(0).released()).isFalse();
    assertThat(artifacts.receipt(owner, delivered.get(0).id())).contains(".");
  }
}
