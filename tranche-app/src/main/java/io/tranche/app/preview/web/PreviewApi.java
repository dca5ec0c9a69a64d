package io.tranche.app.preview.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tranche.app.platform.Actor;
import io.tranche.app.preview.PreviewService;
import io.tranche.app.preview.PreviewView;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Hosted previews: upload a static site's zip for a part, list a project's previews. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "previews", description = "Hosted, watermarked previews of a part")
class PreviewApi {
  private final PreviewService previews;
  private final io.tranche.app.preview.PreviewUploads uploads;

  PreviewApi(PreviewService previews, io.tranche.app.preview.PreviewUploads uploads) {
    this.previews = previews;
    this.uploads = uploads;
  }

  /** A staging site to show as a preview. */
  record UpstreamPreview(
      @org.jspecify.annotations.Nullable String name,
      @org.jspecify.annotations.Nullable String upstreamUrl) {}

  @PutMapping(value = "/milestones/{milestoneId}/previews", consumes = "application/json")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Name a staging site as a preview of a part",
      description =
          "Tranche fetches the site on each viewer's behalf (GET only, no cookies); its address is"
              + " never shown to the client. Addresses on the server's own machine or private"
              + " networks are refused with preview.bad-upstream.")
  PreviewView upstream(
      Actor actor,
      @PathVariable UUID milestoneId,
      @org.springframework.web.bind.annotation.RequestBody UpstreamPreview body) {
    return uploads.upstream(
        actor,
        milestoneId,
        body.name() == null ? "Staging site" : body.name(),
        body.upstreamUrl() == null ? "" : body.upstreamUrl());
  }

  @PutMapping("/milestones/{milestoneId}/previews")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Upload a preview of a part: a site's zip, an image, a PDF or a video",
      description =
          "The body is a site's zip (at most 100 MiB, 5000 entries, 200 MiB unpacked), an image"
              + " (PNG, JPEG, GIF), a PDF or a video (MP4, QuickTime, WebM), told apart by its"
              + " content. Paths that leave the site, links and zip bombs are refused with"
              + " preview.bad-archive. A video ffmpeg cannot read is refused at once; one it reads"
              + " is answered with state PREPARING while a copy with a watermark burned in is"
              + " made, then READY (or FAILED with a problem; the members get a mail either way)."
              + " Without ffmpeg on the server a video is kept as uploaded (asUploaded, READY).")
  PreviewView upload(
      Actor actor,
      @PathVariable UUID milestoneId,
      @RequestParam(defaultValue = "Preview") String name,
      InputStream body)
      throws IOException {
    return uploads.upload(actor, milestoneId, name, body);
  }

  @GetMapping("/projects/{projectId}/previews")
  @Operation(summary = "A project's previews, oldest first")
  List<PreviewView> list(Actor actor, @PathVariable UUID projectId) {
    return previews.previews(actor, projectId);
  }
}
