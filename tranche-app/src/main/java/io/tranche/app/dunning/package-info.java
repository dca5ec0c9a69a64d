/**
 * Dunning: nobody has to remember to chase a payment. A recurring pass (db-scheduler, one node per
 * due time) takes each due step of the invoice's plan once — a friendly reminder before the due
 * date, reminders after it, the late fee as an invoice of its own, stop-work, and the demand letter
 * — and payment lifts stop-work. Plans are kept per workspace, client and contract.
 */
@ApplicationModule(
    allowedDependencies = {"evidence", "invoice", "mail", "platform", "project", "workspace"})
@NullMarked
package io.tranche.app.dunning;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
