package io.tranche.app.license.web;

import io.tranche.app.license.LicenseService;
import io.tranche.app.license.LicenseView;
import io.tranche.app.platform.Actor;
import io.tranche.app.platform.FormMessages;
import io.tranche.core.error.DomainException;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Licence files for the console and the portal, and revocation from the console. */
@Controller
class LicensePages {
  private final LicenseService licenses;

  LicensePages(LicenseService licenses) {
    this.licenses = licenses;
  }

  @GetMapping({"/console/licenses/{licenseId}/token", "/portal/licenses/{licenseId}/token"})
  ResponseEntity<byte[]> token(Actor actor, @PathVariable UUID licenseId) {
    return LicenseApi.file(licenses.token(actor, licenseId));
  }

  @PostMapping("/console/projects/{projectId}/licenses")
  String issue(
      Actor actor,
      @PathVariable UUID projectId,
      @RequestParam(defaultValue = "") String edition,
      RedirectAttributes redirect) {
    try {
      licenses.issue(actor, projectId, edition);
      redirect.addFlashAttribute("saved", "Licence issued and mailed to the client.");
    } catch (DomainException e) {
      refusedOrThrow(e, redirect);
    }
    return "redirect:/console/projects/" + projectId + "/deliverables";
  }

  @PostMapping("/console/licenses/{licenseId}/revocation")
  String revoke(
      Actor actor,
      @PathVariable UUID licenseId,
      @RequestParam(defaultValue = "") String reason,
      RedirectAttributes redirect) {
    UUID project;
    try {
      LicenseView l = licenses.revoke(actor, licenseId, reason);
      project = l.projectId();
      redirect.addFlashAttribute("saved", "Licence revoked: apps that check online refuse it now.");
    } catch (DomainException e) {
      refusedOrThrow(e, redirect);
      project = licenses.projectOf(actor, licenseId);
    }
    return "redirect:/console/projects/" + project + "/deliverables";
  }

  /** A form's refusal shows on the page; what the caller may not see is answered as such. */
  private static void refusedOrThrow(DomainException e, RedirectAttributes redirect) {
    if (e.code().kind() != io.tranche.core.error.ErrorKind.INVALID
        && e.code().kind() != io.tranche.core.error.ErrorKind.CONFLICT) {
      throw e;
    }
    redirect.addFlashAttribute("error", FormMessages.message(e));
  }
}
