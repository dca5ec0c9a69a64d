package io.tranche.app.preview.internal;

import java.nio.file.Path;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where previews live, ready to serve: {@code <data-dir>/previews/<workspace>/<preview>/}, holding
 * an unpacked site, an image or PDF ({@code original}) or a video ({@code video.mp4} / {@code
 * video.webm}). Uploads stream into temp files in the root first.
 */
@Component
public class PreviewCache {
  private final Path root;

  PreviewCache(@Value("${tranche.data-dir}") String dataDir) {
    this.root = Path.of(dataDir, "previews");
  }

  public Path root() {
    return root;
  }

  public Path dir(UUID workspaceId, UUID previewId) {
    return root.resolve(workspaceId.toString()).resolve(previewId.toString());
  }
}
