/**
 * Each workspace's Ed25519 signing key: made once, private part wrapped at rest, public part
 * published.
 */
@NullMarked
package io.tranche.app.signing;

import org.jspecify.annotations.NullMarked;
