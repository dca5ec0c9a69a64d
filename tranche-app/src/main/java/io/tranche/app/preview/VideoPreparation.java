package io.tranche.app.preview;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.tranche.app.preview.internal.PreviewCache;
import io.tranche.app.preview.internal.PreviewRepository;
import io.tranche.app.preview.internal.VideoWatermark;
import io.tranche.app.project.ProjectService;
import io.tranche.core.error.DomainException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes a video preview's watermarked copy after its upload was accepted: burning the mark into
 * every frame can take minutes, longer than a browser or a proxy waits for an answer. A
 * db-scheduler task per preview (its row is written in the upload's transaction) runs ffmpeg; a
 * server that dies meanwhile picks the task up again once db-scheduler sees it dead. The preview is
 * PREPARING until the copy is in place, then READY, or FAILED with what ffmpeg said.
 */
@Component
class VideoPreparation {
  private static final Logger log = LoggerFactory.getLogger(VideoPreparation.class);

  /** The upload kept while its copy is made. */
  static final String PENDING = "upload";

  /**
   * Encodes at once per server: each ffmpeg uses two threads, and db-scheduler's other jobs (mail,
   * reminders, review periods) keep threads of their own.
   */
  static final int MAX_ENCODES = 2;

  private final PreviewRepository previews;
  private final PreviewCache cache;
  private final ProjectService projects;
  private final ObjectProvider<SchedulerClient> scheduler;
  private final Clock clock;
  private final TransactionTemplate transaction;
  private final ApplicationEventPublisher events;
  private final Duration timeout;
  private volatile String ffmpeg;

  /** Encodes at once on this server; a task that finds none free is tried again in 10 s. */
  private final Semaphore encoders = new Semaphore(MAX_ENCODES);

  private final CustomTask<String> task =
      Tasks.custom("preview-video", String.class)
          .onFailure(new FailureHandler.OnFailureRetryLater<>(Duration.ofMinutes(1)))
          .execute(this::run);

  VideoPreparation(
      PreviewRepository previews,
      PreviewCache cache,
      ProjectService projects,
      ObjectProvider<SchedulerClient> scheduler,
      Clock clock,
      TransactionTemplate transaction,
      ApplicationEventPublisher events,
      @Value("${tranche.preview.ffmpeg:ffmpeg}") String ffmpeg,
      @Value("${tranche.preview.video-timeout:10m}") Duration timeout) {
    this.previews = previews;
    this.cache = cache;
    this.projects = projects;
    this.scheduler = scheduler;
    this.clock = clock;
    this.transaction = transaction;
    this.events = events;
    this.ffmpeg = ffmpeg;
    this.timeout = timeout;
  }

  @Bean
  CustomTask<String> previewVideoTask() {
    return task;
  }

  /** One run of a preview's task: done, or tried again shortly when two encodes are running. */
  private CompletionHandler<String> run(TaskInstance<String> instance, ExecutionContext context) {
    if (!encoders.tryAcquire()) {
      return (complete, operations) ->
          operations.reschedule(complete, clock.instant().plus(Duration.ofSeconds(10)));
    }
    try {
      prepare(instance.getId(), instance.getData());
    } finally {
      encoders.release();
    }
    return new CompletionHandler.OnCompleteRemove<>();
  }

  /** The ffmpeg command this server uses for videos (a name on the PATH or a path). */
  String ffmpeg() {
    return ffmpeg;
  }

  void useFfmpeg(String command) {
    this.ffmpeg = command;
  }

  /**
   * Keeps an accepted upload ({@code upload}, already probed) in the preview's folder until its
   * copy is made.
   */
  static void keep(Path upload, Path dir, String container) throws IOException {
    Files.createDirectories(dir);
    Files.move(upload, dir.resolve(PENDING + "." + container));
  }

  /**
   * Asks for the copy of an uploaded video that needs one, in the transaction that writes the
   * preview's row (the event is handled as it is published): the task exists if and only if the
   * preview does.
   */
  @EventListener
  void uploaded(PreviewEvent.Uploaded uploaded) {
    previews
        .find(uploaded.workspaceId(), uploaded.previewId())
        .filter(p -> PreviewView.PREPARING.equals(p.state()))
        .ifPresent(
            p ->
                scheduler
                    .getObject()
                    .scheduleIfNotExists(
                        task.instance(p.id().toString(), uploaded.workspaceId().toString()),
                        clock.instant()));
  }

  /** Makes the copy of a preview that is still being prepared; does nothing for any other. */
  void prepare(String previewId, String workspaceId) {
    UUID workspace = UUID.fromString(workspaceId);
    UUID id = UUID.fromString(previewId);
    PreviewView p = previews.find(workspace, id).orElse(null);
    if (p == null || !PreviewView.PREPARING.equals(p.state())) {
      return;
    }
    Path dir = cache.dir(workspace, id);
    Path upload = pending(dir);
    Path part = null;
    try {
      if (p.revokedAt() != null) {
        // withdrawn while waiting: nobody will see it, so no copy is made
        delete(upload, null);
        return;
      }
      if (Files.isRegularFile(dir.resolve("video.mp4"))) {
        // a run that died after moving the copy into place (the move is atomic: it is whole)
        finish(workspace, p, null);
        delete(upload, null);
        return;
      }
      if (upload == null) {
        finish(workspace, p, "the uploaded file is missing");
        return;
      }
      String mark =
          "Preview of " + projects.nameOf(workspace, p.projectId()) + " - not for distribution";
      // a name of its own: an ffmpeg left running by a server killed mid-encode keeps writing its
      // file (swept once an hour old), never this run's
      part = Files.createTempFile(dir, ".video-part-", ".mp4");
      VideoWatermark.burn(ffmpeg, upload, part, mark, timeout);
      Files.move(
          part,
          dir.resolve("video.mp4"),
          StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
      finish(workspace, p, null);
      Files.deleteIfExists(upload);
    } catch (DomainException e) {
      finish(workspace, p, String.valueOf(e.args().getOrDefault("problem", e.getMessage())));
      delete(upload, part);
    } catch (IOException | UncheckedIOException e) {
      log.warn("Could not prepare video preview {}: {}", id, e.getMessage());
      finish(workspace, p, "the server could not write the copy");
      delete(upload, part);
    }
  }

  /**
   * The preview becomes READY ({@code problem} null) or FAILED, and the vendor hears of it, once: a
   * second run finds it prepared already.
   */
  private void finish(UUID workspace, PreviewView p, @Nullable String problem) {
    String said = problem == null || problem.length() <= 400 ? problem : problem.substring(0, 400);
    transaction.executeWithoutResult(
        status -> {
          String state = said == null ? PreviewView.READY : PreviewView.FAILED;
          if (previews.prepared(workspace, p.id(), state, said)) {
            events.publishEvent(
                new PreviewEvent.Prepared(
                    workspace,
                    p.projectId(),
                    "Tranche",
                    p.id(),
                    p.name(),
                    said == null,
                    said == null ? "" : said));
          }
        });
  }

  private static @Nullable Path pending(Path dir) {
    for (String container : new String[] {"mp4", "webm"}) {
      Path upload = dir.resolve(PENDING + "." + container);
      if (Files.isRegularFile(upload)) {
        return upload;
      }
    }
    return null;
  }

  private static void delete(@Nullable Path upload, @Nullable Path part) {
    try {
      if (upload != null) {
        Files.deleteIfExists(upload);
      }
      if (part != null) {
        Files.deleteIfExists(part);
      }
    } catch (IOException e) {
      // a leftover with no use; the cache sweep removes dot-files, the folder goes with the preview
    }
  }
}
