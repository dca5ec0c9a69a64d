/**
 * Signing in: members by password (Argon2id), client contacts by magic link, integrations by API
 * token; the first owner's setup link; rate limits; and the security rules of every route.
 */
@ApplicationModule(allowedDependencies = {"mail", "platform", "project", "workspace"})
@NullMarked
package io.tranche.app.account;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
