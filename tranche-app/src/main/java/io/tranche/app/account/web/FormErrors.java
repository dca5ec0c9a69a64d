package io.tranche.app.account.web;

import io.tranche.core.error.DomainException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.ui.Model;

/** Puts a refusal next to its field on a page: the model's {@code errors} map, by field. */
final class FormErrors {
  private FormErrors() {}

  static void add(Model model, DomainException e, String fallbackField) {
    Map<String, String> errors = new LinkedHashMap<>();
    errors.put(e.field() == null ? fallbackField : e.field(), e.getMessage());
    model.addAttribute("errors", errors);
    model.addAttribute("errorCode", e.code().slug());
  }
}
