package io.tranche.app.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a repository method whose statement on a workspace's table does not carry the workspace
 * predicate, and says why. Every other statement on a table with a {@code workspace_id} column
 * names the workspace in its SQL ({@code TenancyInSqlTest} checks it). The reasons are few: a
 * lookup by a secret or a provider's reference that is what finds the workspace (a token, a payment
 * intent), and system jobs that sweep every workspace (the mail dispatcher, stale uploads).
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.METHOD)
public @interface CrossWorkspace {
  /** Why the statement is not scoped to one workspace. */
  String value();
}
