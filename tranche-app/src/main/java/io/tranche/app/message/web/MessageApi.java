package io.tranche.app.message.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tranche.app.message.MessageService;
import io.tranche.app.message.MessageView;
import io.tranche.app.message.Uploads;
import io.tranche.app.platform.Actor;
import io.tranche.app.platform.Download;
import io.tranche.app.platform.Downloads;
import io.tranche.app.platform.PageOf;
import io.tranche.app.platform.Paging;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The requirements thread of a project. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "messages", description = "Requirements messages and their attachments")
class MessageApi {
  private final MessageService messages;

  MessageApi(MessageService messages) {
    this.messages = messages;
  }

  /** A message without attachments. */
  record MessageBody(@Nullable String body) {}

  @GetMapping("/projects/{projectId}/messages")
  @Operation(summary = "List a project's messages, oldest first")
  PageOf<MessageView> list(
      Actor actor,
      @PathVariable UUID projectId,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "" + Paging.DEFAULT_SIZE) int size) {
    return messages.messages(actor, projectId, new Paging(page, size));
  }

  @PostMapping(
      value = "/projects/{projectId}/messages",
      consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Post a message as the token's member")
  MessageView post(Actor actor, @PathVariable UUID projectId, @RequestBody MessageBody body) {
    return messages.post(actor, projectId, body.body() == null ? "" : body.body(), List.of());
  }

  @PostMapping(
      value = "/projects/{projectId}/messages",
      consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Post a message with attachments (multipart: body, files)")
  MessageView postWithFiles(
      Actor actor,
      @PathVariable UUID projectId,
      @RequestParam(defaultValue = "") String body,
      @RequestPart(name = "files", required = false) @Nullable List<MultipartFile> files) {
    return messages.post(actor, projectId, body, Uploads.of(files));
  }

  @GetMapping("/attachments/{attachmentId}")
  @Operation(summary = "Download an attachment")
  ResponseEntity<InputStreamResource> download(Actor actor, @PathVariable UUID attachmentId) {
    Download d = messages.download(actor, attachmentId);
    return Downloads.attachment(d.fileName(), d.contentType(), d.size(), d.content());
  }
}
