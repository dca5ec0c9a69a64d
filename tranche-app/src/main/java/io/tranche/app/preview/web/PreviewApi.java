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
@Tag(name = "previews", description = "Hosted, watermarked previews of a static site")
class PreviewApi {
  private final PreviewService previews;

  PreviewApi(PreviewService previews) {
    this.previews = previews;
  }

  @PutMapping("/milestones/{milestoneId}/previews")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Upload a static site's zip as a preview of a part",
      description =
          "The body is the zip (application/zip; at most 100 MiB, 5000 entries, 200 MiB unpacked); paths that"
              + " leave the site, links and zip bombs are refused with preview.bad-archive.")
  PreviewView upload(
      Actor actor,
      @PathVariable UUID milestoneId,
      @RequestParam(defaultValue = "Preview") String name,
      InputStream body)
      throws IOException {
    return previews.upload(actor, milestoneId, name, body);
  }

  @GetMapping("/projects/{projectId}/previews")
  @Operation(summary = "A project's previews, oldest first")
  List<PreviewView> list(Actor actor, @PathVariable UUID projectId) {
    return previews.previews(actor, projectId);
  }
}
