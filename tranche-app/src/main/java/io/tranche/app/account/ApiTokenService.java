package io.tranche.app.account;

import io.tranche.app.account.internal.ApiTokenRepository;
import io.tranche.app.platform.Access;
import io.tranche.app.platform.Actor;
import io.tranche.app.platform.Errors;
import io.tranche.app.platform.Secrets;
import io.tranche.app.platform.TokenScope;
import io.tranche.core.error.Validation;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens for the CLI and integrations: each acts as the member who made it, in that member's
 * workspace only; the secret is shown once and stored as its SHA-256; a token can be revoked.
 */
@Service
public class ApiTokenService {
  /** Every token starts with this, so secret scanners can recognise a leaked one. */
  public static final String PREFIX = "trn_";

  private final ApiTokenRepository tokens;
  private final Clock clock;

  ApiTokenService(ApiTokenRepository tokens, Clock clock) {
    this.tokens = tokens;
    this.clock = clock;
  }

  /** A new token; {@code secret} is the only time the token is shown. */
  public record CreatedToken(ApiTokenView token, String secret) {}

  @Transactional
  public CreatedToken create(Actor actor, String name) {
    return create(actor, name, TokenScope.FULL);
  }

  /**
   * A token with a scope: {@code READ}, {@code DELIVER} (CI: upload and submit) or {@code FULL}. A
   * token cannot have more than the request that makes it.
   */
  @Transactional
  public CreatedToken create(Actor actor, String name, TokenScope scope) {
    Access.member(actor);
    TokenScope.require(
        scope, "making a " + scope.name().toLowerCase(java.util.Locale.ROOT) + " token");
    String label = Validation.text("name", name, 100);
    String secret = Secrets.newSecret(PREFIX);
    ApiTokenView view =
        tokens.insert(
            actor.workspaceId(), actor.id(), label, scope, Secrets.hash(secret), clock.instant());
    return new CreatedToken(view, secret);
  }

  /** The member a token acts for and what it may do. */
  public record TokenHolder(Actor actor, TokenScope scope) {}

  /** The caller's own tokens, newest first. */
  @Transactional(readOnly = true)
  public List<ApiTokenView> tokens(Actor actor) {
    Access.member(actor);
    return tokens.ofMember(actor.workspaceId(), actor.id());
  }

  /** Revokes one of the caller's tokens; it stops working at once. */
  @Transactional
  public void revoke(Actor actor, UUID tokenId) {
    Access.member(actor);
    if (!tokens.revoke(actor.workspaceId(), tokenId, actor.id(), clock.instant())) {
      throw Errors.notFound("API token", tokenId);
    }
  }

  /**
   * The member a presented token acts for and its scope, if it is known and not revoked. One
   * statement, in no transaction of its own: it runs before every API request (and once a minute a
   * second one notes the token's use, which needs no transaction with the first).
   */
  public Optional<TokenHolder> authenticate(String secret) {
    if (!secret.startsWith(PREFIX) || secret.length() > 100) {
      return Optional.empty();
    }
    return tokens
        .activeMember(Secrets.hash(secret), clock.instant())
        .map(h -> new TokenHolder(h.actor(), h.scope()));
  }
}
