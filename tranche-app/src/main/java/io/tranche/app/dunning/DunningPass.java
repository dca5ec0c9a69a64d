package io.tranche.app.dunning;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import io.tranche.app.dunning.internal.DunningRepository;
import io.tranche.app.dunning.internal.PlanJson;
import io.tranche.app.platform.Jobs;
import io.tranche.core.dunning.DunningPlan;
import io.tranche.core.dunning.DunningSchedule;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The dunning pass: walks every unpaid invoice a batch at a time (keyset by id, so memory does not
 * grow with their number; three statements a batch however many invoices it holds), works out each
 * one's due steps from its plan and the day in its workspace's time zone, and takes each in its own
 * transaction ({@link DunningSteps}). It runs on the recurring-job scheduler, on one node per due
 * time; a step already taken is never taken again, so a pass that overlaps another, or follows a
 * week offline, sends each missed reminder once, in order.
 */
@Configuration
public class DunningPass {
  private static final Logger log = LoggerFactory.getLogger(DunningPass.class);

  /** How many invoices a batch holds. */
  static final int BATCH = 500;

  private final DunningRepository repository;
  private final DunningSteps steps;
  private final Clock clock;
  private final Duration interval;

  DunningPass(
      DunningRepository repository,
      DunningSteps steps,
      Clock clock,
      @Value("${tranche.dunning.interval:15m}") Duration interval) {
    this.repository = repository;
    this.steps = steps;
    this.clock = clock;
    this.interval = interval;
  }

  @Bean
  RecurringTask<Void> dunningJob() {
    return Jobs.every("dunning", interval, this::run);
  }

  /** What a pass did: invoices looked at, steps taken. */
  public record Result(int invoices, int steps) {}

  /** One pass over every unpaid invoice. */
  public Result run() {
    return run(c -> true);
  }

  /**
   * A pass that takes steps only for the invoices {@code only} accepts (tests keep to their own
   * workspace in a shared database; the walk itself is the same).
   */
  Result run(java.util.function.Predicate<DunningRepository.Candidate> only) {
    // the latest "today" anywhere, and the furthest a pre-due reminder looks ahead
    LocalDate until = clock.instant().atZone(ZoneOffset.ofHours(14)).toLocalDate().plusDays(30);
    int seen = 0;
    int taken = 0;
    @Nullable UUID after = null;
    while (true) {
      List<DunningRepository.Candidate> batch = repository.unpaid(until, after, BATCH);
      if (batch.isEmpty()) {
        break;
      }
      after = batch.get(batch.size() - 1).id();
      seen += batch.size();
      taken += batch(batch.stream().filter(only).toList());
      if (batch.size() < BATCH) {
        break;
      }
    }
    if (taken > 0) {
      log.info("Dunning pass: {} unpaid invoices, {} steps taken", seen, taken);
    }
    return new Result(seen, taken);
  }

  private int batch(List<DunningRepository.Candidate> batch) {
    if (batch.isEmpty()) {
      return 0;
    }
    Map<UUID, Set<Integer>> done = repository.taken(batch);
    DunningRepository.Plans plans =
        repository.plans(
            batch.stream()
                .map(DunningRepository.Candidate::workspaceId)
                .collect(Collectors.toSet()));
    Map<String, DunningPlan> parsed = new HashMap<>();
    int taken = 0;
    for (DunningRepository.Candidate c : batch) {
      if (c.disputed()) {
        continue; // a dispute freezes dunning until it is resolved
      }
      DunningPlan plan =
          DunningPlan.resolve(
              parse(parsed, plans.projects().get(c.projectId())),
              parse(parsed, plans.clients().get(c.clientId())),
              parse(parsed, plans.workspaces().get(c.workspaceId())));
      LocalDate today = clock.instant().atZone(ZoneId.of(c.timeZone())).toLocalDate();
      Set<Integer> taken0 = done.getOrDefault(c.id(), Set.of());
      if (today.isAfter(c.dueOn()) && !taken0.contains(DunningSteps.OVERDUE)) {
        try {
          steps.overdue(c);
        } catch (RuntimeException e) {
          log.warn("Noting invoice {} overdue failed: {}", c.id(), e.toString());
        }
      }
      for (DunningSchedule.Step step : DunningSchedule.due(plan, c.dueOn(), today, taken0)) {
        try {
          if (steps.take(c, plan, step, today)) {
            taken++;
          }
        } catch (RuntimeException e) {
          // one invoice's trouble does not stop the others; the step is tried again next pass
          log.warn("Dunning step {} of invoice {} failed: {}", step.number(), c.id(), e.toString());
          break;
        }
      }
    }
    return taken;
  }

  private static @Nullable DunningPlan parse(
      Map<String, DunningPlan> parsed, @Nullable String json) {
    return json == null ? null : parsed.computeIfAbsent(json, PlanJson::read);
  }
}
