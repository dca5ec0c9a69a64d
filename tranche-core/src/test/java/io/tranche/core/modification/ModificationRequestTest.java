package io.tranche.core.modification;

import static io.tranche.core.DomainAssertions.assertCode;
import static org.assertj.core.api.Assertions.assertThat;

import io.tranche.core.project.ProjectId;
import io.tranche.core.workspace.WorkspaceId;
import org.junit.jupiter.api.Test;

class ModificationRequestTest {
  private static ModificationRequest filed(boolean inWindow) {
    return ModificationRequest.file(
        WorkspaceId.random(),
        ProjectId.random(),
        1,
        "The logo is blurry",
        "Home page header",
        "A sharp logo at 2x",
        inWindow);
  }

  @Test
  void aMinorRequestRunsToTheClientsConfirmation() {
    ModificationRequest r = filed(true).classify(ModificationKind.MINOR);
    ModificationRequest confirmed = r.start().done().confirm();
    assertThat(confirmed.status()).isEqualTo(ModificationStatus.CONFIRMED);
    assertCode(r::done, "modification.illegal-move");
    assertCode(() -> r.start().confirm(), "modification.illegal-move");
  }

  @Test
  void aChangeOrderIsQuotedThenSigned() {
    ModificationRequest r = filed(true).classify(ModificationKind.CHANGE_ORDER);
    assertThat(r.quoted().signed().status()).isEqualTo(ModificationStatus.SIGNED);
    assertCode(r::start, "modification.illegal-move");
    assertCode(r::signed, "modification.illegal-move");
  }

  @Test
  void afterTheWindowOnlyChangeOrders() {
    ModificationRequest late = filed(false);
    assertThat(late.kind()).isEqualTo(ModificationKind.CHANGE_ORDER);
    assertCode(() -> late.classify(ModificationKind.MINOR), "modification.illegal-move");
    ModificationRequest unclassified =
        new ModificationRequest(
            late.id(),
            late.workspaceId(),
            late.projectId(),
            1,
            late.what(),
            late.location(),
            late.expected(),
            false,
            null,
            ModificationStatus.OPEN);
    assertCode(() -> unclassified.classify(ModificationKind.MINOR), "modification.outside-window");
  }

  @Test
  void classifiesOnlyOnce() {
    ModificationRequest r = filed(true).classify(ModificationKind.MINOR);
    assertCode(() -> r.classify(ModificationKind.CHANGE_ORDER), "modification.illegal-move");
  }

  @Test
  void refusesABlankRequestNamingTheField() {
    assertCode(
        () ->
            ModificationRequest.file(
                WorkspaceId.random(), ProjectId.random(), 1, " ", "", "x", true),
        "validation.required");
  }
}
