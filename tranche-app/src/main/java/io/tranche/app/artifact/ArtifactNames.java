package io.tranche.app.artifact;

import io.tranche.core.error.DomainException;
import io.tranche.core.message.Attachments;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** An artifact's file name and media type, as an upload gives them. */
final class ArtifactNames {
  private static final Pattern MEDIA_TYPE =
      Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]{0,126}/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}");

  private ArtifactNames() {}

  /** An artifact's name, by the one rule for file names ({@link Attachments#nameProblem}). */
  static String fileName(@Nullable String name) {
    String n = Attachments.normalName(name);
    Attachments.nameProblem(n)
        .ifPresent(
            problem -> {
              throw DomainException.field(
                  ArtifactErrors.BAD_NAME, "name", Map.of("problem", problem));
            });
    return n;
  }

  static String mediaType(@Nullable String contentType) {
    if (contentType == null) {
      return "application/octet-stream";
    }
    String t = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    return MEDIA_TYPE.matcher(t).matches() ? t : "application/octet-stream";
  }
}
