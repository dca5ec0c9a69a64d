package io.tranche.app.contract.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import io.tranche.app.contract.AcceptanceService;
import io.tranche.app.mail.MailService;
import io.tranche.app.platform.BaseUrl;
import io.tranche.app.platform.Jobs;
import io.tranche.app.project.ProjectService;
import io.tranche.app.project.UnderReview;
import io.tranche.core.milestone.MilestoneState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs review periods: for every submitted part (and the released final part awaiting sign-off) it
 * mails the client a reminder halfway through the contract's review days and one more a day before
 * the end, and when the whole period passed in silence it records deemed acceptance (or deemed
 * sign-off). Each milestone is handled in its own transaction; a reminder is counted before it is
 * queued, so a second node or a rerun sends none twice.
 */
@Component
public class ReviewPeriods {
  private static final Logger log = LoggerFactory.getLogger(ReviewPeriods.class);
  private static final int BATCH = 200;

  private final io.tranche.app.project.MilestoneReviews milestones;
  private final ProjectService projects;
  private final AcceptanceService acceptances;
  private final MailService mail;
  private final BaseUrl baseUrl;
  private final TransactionTemplate transaction;
  private final Clock clock;

  ReviewPeriods(
      io.tranche.app.project.MilestoneReviews milestones,
      ProjectService projects,
      AcceptanceService acceptances,
      MailService mail,
      BaseUrl baseUrl,
      TransactionTemplate transaction,
      Clock clock) {
    this.milestones = milestones;
    this.projects = projects;
    this.acceptances = acceptances;
    this.mail = mail;
    this.baseUrl = baseUrl;
    this.transaction = transaction;
    this.clock = clock;
  }

  @Bean
  RecurringTask<Void> reviewPeriodSweep(
      @Value("${tranche.review.sweep-interval:10m}") Duration every) {
    return Jobs.every("review-periods", every, this::sweep);
  }

  /** One pass over every review under way; returns how many reminders and decisions it made. */
  public int sweep() {
    Instant now = clock.instant();
    int acted = 0;
    // a review of at least one day is halfway after 12 hours at the earliest
    Instant startedBefore = now.minus(Duration.ofHours(12));
    UnderReview last = null;
    while (true) {
      List<UnderReview> page = milestones.underReview(startedBefore, last, BATCH);
      for (UnderReview review : page) {
        try {
          Boolean done = transaction.execute(tx -> step(review, now));
          acted += Boolean.TRUE.equals(done) ? 1 : 0;
        } catch (RuntimeException e) {
          log.warn("review step for milestone {} failed; retried on the next pass", review.id(), e);
        }
      }
      if (page.size() < BATCH) {
        return acted;
      }
      last = page.get(page.size() - 1);
    }
  }

  private boolean step(UnderReview review, Instant now) {
    io.tranche.app.project.ProjectStage stage =
        projects.stageOf(review.workspaceId(), review.projectId());
    int days = stage.reviewDays();
    Instant ends = review.startedAt().plus(Duration.ofDays(days));
    if (!now.isBefore(ends)) {
      return acceptances.deem(review, days);
    }
    Instant halfway = review.startedAt().plus(Duration.ofDays(days).dividedBy(2));
    Instant lastDay = ends.minus(Duration.ofDays(1));
    boolean secondDue = !now.isBefore(lastDay) && review.reminders() < 2;
    boolean firstDue = !now.isBefore(halfway) && review.reminders() < 1;
    if (!firstDue && !secondDue) {
      return false;
    }
    if (!milestones.countReminder(review.workspaceId(), review.id(), review.reminders())) {
      return false;
    }
    if (firstDue && secondDue) {
      // a one-day review: halfway and the last day are the same reminder
      milestones.countReminder(review.workspaceId(), review.id(), review.reminders() + 1);
    }
    remind(review, stage.format(ends));
    return true;
  }

  private void remind(UnderReview review, String ends) {
    mail.send(
        review.workspaceId(),
        projects.contactEmails(review.workspaceId(), review.projectId()),
        "review-reminder",
        Map.of(
            "signOff", review.state() == MilestoneState.RELEASED,
            "milestone", review.name(),
            "project", projects.nameOf(review.workspaceId(), review.projectId()),
            "ends", ends,
            "link", baseUrl.portal(review.workspaceId(), "/portal/milestones/" + review.id())));
  }
}
