package io.tranche.core.error;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A stable, unique error code: a slug such as {@code milestone.illegal-transition}, its kind and a
 * message template with named {@code {placeholders}}.
 *
 * <p>Codes are part of the public contract; never change a published one, add a new one instead.
 */
public record ErrorCode(String slug, ErrorKind kind, String template) {
  private static final Pattern SLUG = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+");

  public ErrorCode {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(template, "template");
    if (slug == null || !SLUG.matcher(slug).matches()) {
      throw new IllegalArgumentException("error code slug must look like 'area.problem': " + slug);
    }
  }
}
