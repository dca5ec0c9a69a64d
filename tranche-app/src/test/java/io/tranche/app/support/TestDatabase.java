package io.tranche.app.support;

import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The database of an integration test run: PostgreSQL when {@code -Dtranche.test.db.url=…} is given
 * (scripts/test creates a fresh database for it), otherwise an in-memory H2 in PostgreSQL mode,
 * fresh for each Spring context.
 */
public final class TestDatabase {
  private TestDatabase() {}

  public static boolean isPostgres() {
    return !System.getProperty("tranche.test.db.url", "").isBlank();
  }

  public static void register(DynamicPropertyRegistry registry) {
    if (isPostgres()) {
      registry.add("spring.datasource.url", () -> System.getProperty("tranche.test.db.url"));
      registry.add(
          "spring.datasource.username", () -> System.getProperty("tranche.test.db.user", ""));
      registry.add(
          "spring.datasource.password", () -> System.getProperty("tranche.test.db.password", ""));
    } else {
      String name = "tranche-" + UUID.randomUUID();
      registry.add(
          "spring.datasource.url",
          () ->
              "jdbc:h2:mem:"
                  + name
                  + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
      registry.add("spring.datasource.username", () -> "sa");
      registry.add("spring.datasource.password", () -> "");
    }
  }
}
