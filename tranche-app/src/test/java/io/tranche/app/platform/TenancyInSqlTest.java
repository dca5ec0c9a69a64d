package io.tranche.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Tenancy in SQL: every statement the application writes on a table with a {@code workspace_id}
 * column names the workspace, unless its method says why not with {@link CrossWorkspace}. The
 * tables come from the migrations, the statements from the sources, so a new table or a new
 * statement is checked without anyone listing it here.
 */
class TenancyInSqlTest {
  private static final Path MAIN = Path.of("src/main/java");
  private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
  private static final Pattern CREATE =
      Pattern.compile("create table (\\w+) \\((.*?)\\n\\);", Pattern.DOTALL);
  private static final Pattern ADD_WORKSPACE =
      Pattern.compile("alter table (\\w+) add column workspace_id");
  private static final Pattern STATEMENT =
      Pattern.compile(
          "\\.sql\\(\\s*(?:\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\]|\\\\.)*)\")", Pattern.DOTALL);
  private static final Pattern TABLE =
      Pattern.compile("\\b(?:from|join|update|into)\\s+(\\w+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern MEMBER =
      Pattern.compile(
          "\\n  (?:@\\w+(?:\\([^)]*\\))?\\s+)*(?:public |protected |private )?[^\\n=;]*?\\b(\\w+)\\(");

  @Test
  void everyStatementOnAWorkspaceTableNamesTheWorkspaceOrSaysWhyNot() throws IOException {
    Set<String> tenantTables = tenantTables();
    assertThat(tenantTables).contains("invoice", "milestone", "payment", "artifact_release");
    List<String> unscoped = new ArrayList<>();
    int checked = 0;
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String source = Files.readString(file);
        Matcher m = STATEMENT.matcher(source);
        while (m.find()) {
          String sql = (m.group(1) != null ? m.group(1) : m.group(2)).toLowerCase(Locale.ROOT);
          Set<String> touched = new TreeSet<>();
          Matcher t = TABLE.matcher(sql);
          while (t.find()) {
            if (tenantTables.contains(t.group(1))) {
              touched.add(t.group(1));
            }
          }
          if (touched.isEmpty()) {
            continue;
          }
          checked++;
          if (sql.contains("workspace_id") || crossWorkspace(source, m.start())) {
            continue;
          }
          unscoped.add(
              MAIN.relativize(file)
                  + ":"
                  + (source.substring(0, m.start()).split("\n", -1).length)
                  + " "
                  + touched
                  + " "
                  + sql.strip().replaceAll("\\s+", " "));
        }
      }
    }
    assertThat(checked).as("statements on workspace tables found").isGreaterThan(100);
    assertThat(unscoped)
        .as("statements on workspace tables without the workspace predicate or @CrossWorkspace")
        .isEmpty();
  }

  @Test
  void theCheckSeesAMissingPredicateAndTheAnnotation() {
    String source =
        """
        class R {
          public void a(UUID id) {
            jdbc.sql("select * from invoice where id = ?").param(id);
          }

          @CrossWorkspace("a token names its workspace")
          public void b(String hash) {
            jdbc.sql("select * from invoice where token = ?").param(hash);
          }
        }
        """;
    int first = source.indexOf(".sql(");
    int second = source.indexOf(".sql(", first + 1);
    assertThat(crossWorkspace(source, first)).isFalse();
    assertThat(crossWorkspace(source, second)).isTrue();
  }

  /** Whether the class member that holds the statement at {@code at} is marked cross-workspace. */
  private static boolean crossWorkspace(String source, int at) {
    Matcher member = MEMBER.matcher(source);
    int start = -1;
    while (member.find() && member.start() < at) {
      start = member.start();
    }
    if (start < 0) {
      return false;
    }
    int previousEnd = source.lastIndexOf("\n  }", start);
    String head = source.substring(Math.max(previousEnd, 0), at);
    int declaration = head.lastIndexOf('(');
    return head.substring(0, Math.max(declaration, 0)).contains("@CrossWorkspace(");
  }

  private static Set<String> tenantTables() throws IOException {
    Set<String> tables = new TreeSet<>();
    try (Stream<Path> files = Files.list(MIGRATIONS)) {
      for (Path file : files.toList()) {
        String sql = Files.readString(file).toLowerCase(Locale.ROOT);
        Matcher create = CREATE.matcher(sql);
        while (create.find()) {
          if (create.group(2).contains("workspace_id")) {
            tables.add(create.group(1));
          }
        }
        Matcher added = ADD_WORKSPACE.matcher(sql);
        while (added.find()) {
          tables.add(added.group(1));
        }
      }
    }
    return tables;
  }
}
