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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * A service that grows past ~300 lines or 7 collaborators has two jobs (STYLE.md): every
 * {@code @Service} is held to both. Configuration values ({@code @Value}) are settings, not
 * collaborators.
 */
class ServiceSizeTest {
  static final int MAX_LINES = 300;
  static final int MAX_COLLABORATORS = 7;

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
      // beans the service is given; configuration values (@Value) are settings, not collaborators
      int collaborators =
          c.getConstructors().stream()
              .mapToInt(
                  k ->
                      (int)
                          k.getParameters().stream()
                              .filter(p -> !p.isAnnotatedWith(Value.class))
                              .count())
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
      if (lines > MAX_LINES) {
        problems.add(c.getSimpleName() + " has " + lines + " lines (at most " + MAX_LINES + ")");
      }
    }
    assertThat(services).as("the check sees the services").isGreaterThan(15);
    assertThat(problems).isEmpty();
  }
}
