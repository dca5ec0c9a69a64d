package io.tranche.app.message;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.multipart.MultipartFile;

/** Multipart files of a form or API call as {@link Upload}s. */
public final class Uploads {
  private Uploads() {}

  /** The files sent; an empty file input of a browser form (no name, no bytes) is skipped. */
  public static List<Upload> of(@Nullable List<MultipartFile> files) {
    if (files == null) {
      return List.of();
    }
    return files.stream()
        .filter(f -> !(f.isEmpty() && isBlank(f.getOriginalFilename())))
        .map(
            f ->
                new Upload(
                    f.getOriginalFilename() == null ? "" : f.getOriginalFilename(),
                    f::getInputStream))
        .toList();
  }

  private static boolean isBlank(@Nullable String s) {
    return s == null || s.isBlank();
  }
}
