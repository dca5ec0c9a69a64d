package io.tranche.app.preview.internal;

import io.tranche.app.preview.PreviewView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What an upload cut short leaves in the preview cache (a server killed while a zip unpacked or a
 * video was being marked): temp files, preview folders no row names, and a video's upload kept
 * beside its finished copy. Nothing refers to them and nothing serves them; at start they are
 * removed once they are an hour old (an upload on another thread of this start cannot be that old).
 */
@Component
public class PreviewCacheSweep {
  private static final Logger log = LoggerFactory.getLogger(PreviewCacheSweep.class);
  private static final Duration AGE = Duration.ofHours(1);

  private final PreviewCache cache;
  private final PreviewRepository previews;
  private final Clock clock;

  PreviewCacheSweep(PreviewCache cache, PreviewRepository previews, Clock clock) {
    this.cache = cache;
    this.previews = previews;
    this.clock = clock;
  }

  @EventListener(ApplicationReadyEvent.class)
  void atStart() {
    int removed = sweep();
    if (removed > 0) {
      log.info("Removed {} leftovers of interrupted preview uploads", removed);
    }
  }

  /** Removes the leftovers older than an hour; returns how many files and folders went. */
  public int sweep() {
    Path root = cache.root();
    if (!Files.isDirectory(root)) {
      return 0;
    }
    Instant before = clock.instant().minus(AGE);
    int removed = 0;
    try (var top = Files.list(root)) {
      for (Path entry : top.toList()) {
        String name = entry.getFileName().toString();
        if (name.startsWith(".") && old(entry, before)) {
          removed += delete(entry);
        } else if (Files.isDirectory(entry) && uuid(name) != null) {
          removed += sweepWorkspace(uuid(name), entry, before);
        }
      }
    } catch (IOException e) {
      log.warn("Could not sweep the preview cache: {}", e.getMessage());
    }
    return removed;
  }

  private int sweepWorkspace(UUID workspaceId, Path dir, Instant before) throws IOException {
    int removed = 0;
    try (var previewDirs = Files.list(dir)) {
      for (Path entry : previewDirs.toList()) {
        UUID id = uuid(entry.getFileName().toString());
        var preview =
            id == null ? java.util.Optional.<PreviewView>empty() : previews.find(workspaceId, id);
        boolean orphan = preview.isEmpty();
        // a video's upload is kept only while its copy is made; a server that died just after
        // left it beside the copy
        boolean prepared = preview.map(p -> !PreviewView.PREPARING.equals(p.state())).orElse(false);
        if (orphan && old(entry, before)) {
          removed += delete(entry);
        } else if (Files.isDirectory(entry)) {
          try (var files = Files.list(entry)) {
            for (Path f : files.toList()) {
              String name = f.getFileName().toString();
              if ((name.startsWith(".") && old(f, before))
                  || (prepared && name.startsWith("upload."))) {
                removed += delete(f);
              }
            }
          }
        }
      }
    }
    return removed;
  }

  private static boolean old(Path p, Instant before) throws IOException {
    return Files.getLastModifiedTime(p).toInstant().isBefore(before);
  }

  private static int delete(Path p) throws IOException {
    int n = 0;
    try (var walk = Files.walk(p)) {
      for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(q);
        n++;
      }
    }
    return n;
  }

  private static @org.jspecify.annotations.Nullable UUID uuid(String name) {
    try {
      return UUID.fromString(name);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
