package io.tranche.app.account;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sign-in limits: how many attempts per {@code window} one account and one client address may make,
 * for password logins and for magic-link requests.
 */
@ConfigurationProperties("tranche.rate-limit")
public record RateLimitProperties(
    int loginPerAccountAndIp,
    int loginPerIp,
    int magicLinkPerAccount,
    int magicLinkPerIp,
    Duration window) {}
