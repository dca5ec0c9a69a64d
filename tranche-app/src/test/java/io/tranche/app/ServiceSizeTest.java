package io.tranche.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Service;

/**
 * A service that grows past ~300 lines or 7 collaborators has two jobs (STYLE.md): every
 * {@code @Service} is held to both. The few that are still larger are listed with the size they
 * have now, as a ceiling that may only come down; a new service gets no such entry.
 */
class ServiceSizeTest {
  static final int MAX_LINES = 300;
  static final int MAX_COLLABORATORS = 7;

  /** Known debt: lines each may have at most until it is split. Shrink, never grow. */
  static final Map<String, Integer> CEILINGS = Map.of();

  @Test
  void servicesStaySmall() throws IOException {
    JavaClasses classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.tranche.app");
    List<String> problems = new ArrayList<>();
    int services = 0;
    for (JavaClass c : classes) {
      if (!c.isAnnotatedWith(Service.class) || c.isNestedClass()) {
        continue;
      }
      services++;
      int collaborators =
          c.getConstructors().stream()
              .mapToInt(k -> k.getRawParameterTypes().size())
              .max()
              .orElse(0);
      if (collaborators > MAX_COLLABORATORS) {
        problems.add(c.getSimpleName() + " has " + collaborators + " collaborators");
      }
      Path source = Path.of("src/main/java", c.getName().replace('.', '/') + ".java");
      long lines;
      try (var stream = Files.lines(source)) {
        lines = stream.count();
      }
      int allowed = CEILINGS.getOrDefault(c.getSimpleName(), MAX_LINES);
      if (lines > allowed) {
        problems.add(c.getSimpleName() + " has " + lines + " lines (at most " + allowed + ")");
      }
    }
    assertThat(services).as("the check sees the services").isGreaterThan(15);
    assertThat(problems).isEmpty();
  }
}
