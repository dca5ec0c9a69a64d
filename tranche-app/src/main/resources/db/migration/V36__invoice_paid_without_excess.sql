-- An invoice's paid amount used to include what a payment brought beyond what was open; the
-- ledger booked that excess as the client's credit, so it was counted twice (on the invoice and as
-- credit), and a refund of the payment reopened the invoice by the whole amount while the credit
-- stayed. Paid now counts only what settled the invoice: take each payment's excess back out.
-- A payment that settled part of an invoice has a receivable posting in its 'payment.received'
-- transaction; a payment kept wholly as credit (the invoice no longer asked) has none and never
-- counted on the invoice.
update invoice set paid_minor = paid_minor - coalesce((
    select -sum(c.amount_minor)
    from payment p
    join ledger_transaction t on t.reference = p.id and t.kind = 'payment.received'
    join ledger_posting c on c.transaction_id = t.id and c.account like 'CLIENT_CREDIT:%'
    where p.invoice_id = invoice.id
      and exists (
        select 1 from ledger_posting r
        where r.transaction_id = t.id and r.account like 'RECEIVABLE:%' and r.amount_minor <> 0)
), 0)
where exists (
    select 1 from payment p
    join ledger_transaction t on t.reference = p.id and t.kind = 'payment.received'
    join ledger_posting c on c.transaction_id = t.id and c.account like 'CLIENT_CREDIT:%'
    where p.invoice_id = invoice.id and c.amount_minor <> 0);
