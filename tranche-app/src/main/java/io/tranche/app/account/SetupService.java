package io.tranche.app.account;

import io.tranche.app.account.internal.SetupTokenRepository;
import io.tranche.app.platform.Actor;
import io.tranche.app.platform.BaseUrl;
import io.tranche.app.platform.Secrets;
import io.tranche.app.workspace.WorkspaceService;
import io.tranche.core.error.DomainException;
import io.tranche.core.error.Validation;
import io.tranche.core.workspace.Member;
import io.tranche.core.workspace.Workspace;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The first start: while no workspace exists, each start issues a one-time setup link (printed to
 * the console, never logged) that creates the first workspace and its owner.
 */
@Service
public class SetupService {
  public static final int PASSWORD_MIN = 12;
  public static final int PASSWORD_MAX = 200;

  private final SetupTokenRepository tokens;
  private final WorkspaceService workspaces;
  private final PasswordEncoder passwords;
  private final BaseUrl baseUrl;
  private final Clock clock;

  SetupService(
      SetupTokenRepository tokens,
      WorkspaceService workspaces,
      PasswordEncoder passwords,
      BaseUrl baseUrl,
      Clock clock) {
    this.tokens = tokens;
    this.workspaces = workspaces;
    this.passwords = passwords;
    this.baseUrl = baseUrl;
    this.clock = clock;
  }

  /** A fresh setup link if no workspace exists yet; replaces any earlier unused one. */
  @Transactional
  public Optional<String> issueLinkIfNoWorkspace() {
    if (workspaces.anyWorkspace()) {
      return Optional.empty();
    }
    String token = Secrets.newSecret("");
    tokens.replace(Secrets.hash(token), clock.instant());
    return Optional.of(baseUrl.get() + "/setup?token=" + token);
  }

  @Transactional(readOnly = true)
  public boolean isUsable(String token) {
    return tokens.isUsable(Secrets.hash(token));
  }

  /** Creates the first workspace and its owner, using the setup token up. */
  @Transactional
  public Actor complete(
      String token, String workspaceName, String ownerName, String email, String password) {
    if (!tokens.isUsable(Secrets.hash(token))) {
      throw DomainException.field(AccountErrors.SETUP_INVALID, "token", Map.of());
    }
    Validation.text("workspaceName", workspaceName, Workspace.NAME_MAX);
    Member owner =
        workspaces.createWithOwner(workspaceName, ownerName, email, hashPassword(password));
    if (!tokens.markUsed(Secrets.hash(token), clock.instant())) {
      throw DomainException.field(AccountErrors.SETUP_INVALID, "token", Map.of());
    }
    return workspaces.memberActor(owner.id().value()).orElseThrow();
  }

  /** Checks a new password's length and hashes it with Argon2id. */
  public String hashPassword(String password) {
    if (password == null || password.length() < PASSWORD_MIN || password.length() > PASSWORD_MAX) {
      throw DomainException.field(
          AccountErrors.WEAK_PASSWORD, "password", Map.of("min", PASSWORD_MIN));
    }
    return passwords.encode(password);
  }
}
