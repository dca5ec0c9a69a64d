package io.tranche.app.message;

import io.tranche.app.platform.Actor;
import io.tranche.app.platform.Download;
import io.tranche.app.platform.Downloads;
import io.tranche.app.platform.Paging;
import io.tranche.app.project.ProjectService;
import io.tranche.core.error.DomainException;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What the console's and the portal's requirements-thread pages share: the thread in the model,
 * posting from the form (errors flashed next to the field), and attachment downloads.
 */
@Component
public class ThreadPages {
  private final MessageService messages;
  private final ProjectService projects;

  ThreadPages(MessageService messages, ProjectService projects) {
    this.messages = messages;
    this.projects = projects;
  }

  /** Adds the project's thread and the attachment limit to the page's model. */
  public void show(Actor actor, UUID projectId, Model model) {
    model.addAttribute(
        "messages", messages.messages(actor, projectId, new Paging(0, Paging.MAX_SIZE)).items());
    model.addAttribute("maxBytes", messages.maxBytes());
  }

  /** Posts a message from the form; a refusal is flashed with the text kept. */
  public void post(
      Actor actor,
      UUID projectId,
      String body,
      @Nullable List<MultipartFile> files,
      RedirectAttributes redirect) {
    try {
      messages.post(actor, projectId, body, Uploads.of(files));
    } catch (DomainException e) {
      projects.requireVisible(actor, projectId);
      redirect.addFlashAttribute("errors", io.tranche.app.platform.FormMessages.of(e, "body"));
      redirect.addFlashAttribute("body", body);
    }
  }

  /** An attachment, as a download. */
  public ResponseEntity<InputStreamResource> attachment(Actor actor, UUID attachmentId) {
    Download d = messages.download(actor, attachmentId);
    return Downloads.attachment(d.fileName(), d.contentType(), d.size(), d.content());
  }
}
