-- Who an invoice is from and for, as it was issued: both businesses' names, addresses and tax ids,
-- the vendor's logo, the project and part, what paying it unlocks and how to pay. The invoice, its
-- receipts and its credit notes show these for good; settings changed later do not rewrite them.
-- Invoices issued before this table have no row and show the current details.
create table invoice_parties (
    invoice_id    uuid primary key references invoice (id),
    workspace_id  uuid not null references workspace (id),
    snapshot      varchar(1000000) not null
);
