package io.tranche.app.invoice;

import io.tranche.app.platform.MoneyJson;

/**
 * A project's exposure: value handed over (released milestones) minus money received; within the
 * credit limit when exposure ≤ limit. This is what release rules check.
 */
public record ExposureView(
    MoneyJson released,
    MoneyJson received,
    MoneyJson exposure,
    MoneyJson creditLimit,
    boolean withinLimit) {}
