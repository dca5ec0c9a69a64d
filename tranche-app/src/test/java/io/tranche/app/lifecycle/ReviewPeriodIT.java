package io.tranche.app.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.tranche.app.contract.internal.ReviewPeriods;
import io.tranche.app.project.MilestoneService;
import io.tranche.app.project.ProjectService;
import io.tranche.app.support.Fixtures.World;
import io.tranche.app.support.IntegrationTest;
import io.tranche.app.support.Sessions;
import io.tranche.app.support.TestMail;
import io.tranche.core.milestone.MilestoneAction;
import io.tranche.core.milestone.MilestoneState;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Review periods over simulated days: reminders halfway and a day before the end, deemed acceptance
 * after a silent period (which invoices the part per the plan), the final part included; changes
 * asked with a reason reach the vendor.
 */
class ReviewPeriodIT extends IntegrationTest {
  @Autowired MilestoneService milestones;
  @Autowired ProjectService projects;
  @Autowired ReviewPeriods reviews;

  private MilestoneState state(World world, UUID milestone) {
    return milestones.milestone(world.owner(), milestone).state();
  }

  private long outbox(World world, String subject) {
    return jdbc.sql("select count(*) from mail_outbox where recipient = ? and subject like ?")
        .params(world.contact().email(), subject + "%")
        .query(Long.class)
        .single();
  }

  private List<String> evidence(World world) {
    return jdbc.sql("select type from evidence_entry where workspace_id = ? order by seq")
        .param(world.owner().workspaceId())
        .query(String.class)
        .list();
  }

  @Test
  void silenceForTheWholePeriodAcceptsTheWorkAfterTwoReminders() {
    World world = fixtures.world("silent");
    fixtures.signedContract(world);
    UUID prototype = world.milestones().get(1).id();
    milestones.transition(world.owner(), prototype, MilestoneAction.START);
    milestones.transition(world.owner(), prototype, MilestoneAction.SUBMIT);

    clock.advance(Duration.ofDays(3).plusHours(12).plusMinutes(1));
    reviews.sweep();
    reviews.sweep();
    assertThat(outbox(world, "Reminder: Prototype of ")).isEqualTo(1);
    assertThat(state(world, prototype)).isEqualTo(MilestoneState.SUBMITTED);

    clock.advance(Duration.ofDays(2).plusHours(12));
    reviews.sweep();
    reviews.sweep();
    assertThat(outbox(world, "Reminder: Prototype of ")).isEqualTo(2);
    assertThat(state(world, prototype)).isEqualTo(MilestoneState.SUBMITTED);

    clock.advance(Duration.ofDays(1));
    reviews.sweep();
    assertThat(state(world, prototype))
        .as("deemed accepted, and invoiced on acceptance per the plan")
        .isEqualTo(MilestoneState.INVOICED);
    List<String> log = evidence(world);
    int deemed = log.indexOf("milestone.deemed-accepted");
    assertThat(deemed).isPositive();
    assertThat(log.subList(deemed, log.size()))
        .as("the decision first, then what it causes")
        .startsWith("milestone.deemed-accepted", "milestone.accept", "invoice.issued");
    String payload =
        jdbc.sql(
                "select payload from evidence_entry where workspace_id = ? and type = 'milestone.deemed-accepted'")
            .param(world.owner().workspaceId())
            .query(String.class)
            .single();
    assertThat(payload).contains("\"remindersSent\":2").contains("\"reviewDays\":7");
    assertThat(TestMail.awaitMailTo(world.contact().email(), "is now accepted")).isNotNull();
    reviews.sweep();
    assertThat(
            jdbc.sql(
                    "select count(*) from evidence_entry where workspace_id = ? and type = 'milestone.deemed-accepted'")
                .param(world.owner().workspaceId())
                .query(Long.class)
                .single())
        .as("once")
        .isEqualTo(1);
  }

  @Test
  void theFinalDemoIsReviewedAndASilentSignOffOpensTheWindow() throws Exception {
    World world = fixtures.world("final-review");
    fixtures.signedContract(world);
    UUID fin = fixtures.submittedArtifact(world).milestoneId();
    // broken promise 8: the final demo offers the review form, and is not invoiced yet
    String page =
        mvc.perform(
                get("/portal/milestones/" + fin)
                    .with(authentication(Sessions.of(world.contactActor()))))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("id=\"accept-form\"").contains("id=\"changes-form\"");
    assertThat(state(world, fin)).isEqualTo(MilestoneState.SUBMITTED);

    clock.advance(Duration.ofDays(7).plusMinutes(1));
    reviews.sweep();
    assertThat(state(world, fin)).isEqualTo(MilestoneState.INVOICED);
    fixtures.payInFull(world, fin);
    assertThat(state(world, fin)).isEqualTo(MilestoneState.RELEASED);
    assertThat(projects.stage(world.owner(), world.project().id()).signedOffAt()).isNull();

    clock.advance(Duration.ofDays(7).plusMinutes(1));
    reviews.sweep();
    var stage = projects.stage(world.owner(), world.project().id());
    assertThat(stage.signedOffAt()).as("deemed signed off").isNotNull();
    assertThat(stage.windowEndsAt()).isEqualTo(stage.signedOffAt().plus(Duration.ofDays(7)));
    assertThat(evidence(world)).contains("project.deemed-signed-off");
  }

  @Test
  void changesAskedWithAReasonReachTheVendor() throws Exception {
    World world = fixtures.world("changes");
    UUID prototype = world.milestones().get(1).id();
    milestones.transition(world.owner(), prototype, MilestoneAction.START);
    milestones.transition(world.owner(), prototype, MilestoneAction.SUBMIT);
    mvc.perform(
            post("/portal/milestones/" + prototype + "/changes")
                .param("comment", "The basket loses items on reload")
                .with(csrf())
                .with(authentication(Sessions.of(world.contactActor()))))
        .andExpect(status().is3xxRedirection());
    assertThat(state(world, prototype)).isEqualTo(MilestoneState.CHANGES_REQUESTED);
    var mail = TestMail.awaitMailTo(world.ownerEmail(), "The client asks for changes");
    assertThat(TestMail.text(mail)).contains("The basket loses items on reload");
    String console =
        mvc.perform(
                get("/console/projects/" + world.project().id())
                    .with(authentication(Sessions.of(world.owner()))))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(console).contains("The basket loses items on reload");
    // the period stops while the vendor works on the changes
    clock.advance(Duration.ofDays(30));
    reviews.sweep();
    assertThat(state(world, prototype)).isEqualTo(MilestoneState.CHANGES_REQUESTED);
  }
}
