/**
 * Dunning: the plan a workspace (or a client, or a contract) follows when an invoice goes unpaid —
 * a friendly reminder before the due date, reminders on chosen days after it, a late fee,
 * stop-work, and the demand letter — and the schedule that says which steps are due on a given day.
 */
@NullMarked
package io.tranche.core.dunning;

import org.jspecify.annotations.NullMarked;
