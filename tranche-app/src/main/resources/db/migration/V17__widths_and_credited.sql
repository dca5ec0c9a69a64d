-- One rule for file names allows 255 characters: attachment names were stored in 200.
alter table attachment alter column file_name type varchar(255);
-- A payment's reference holds a provider's payment id (Stripe ids are up to 255 characters).
alter table payment alter column reference type varchar(255);
-- Invoices that credit notes alone settled were marked PAID before CREDITED existed.
-- Their milestones, moved to PAID by those credit notes, go back to INVOICED (a credit note is not a
-- payment); a milestone released since keeps its release.
update milestone set state = 'INVOICED', version = version + 1
 where state = 'PAID'
   and id in (select milestone_id from invoice
               where state = 'PAID' and paid_minor = 0 and credited_minor > 0
                 and milestone_id is not null);
update invoice set state = 'CREDITED'
 where state = 'PAID' and paid_minor = 0 and credited_minor > 0;
