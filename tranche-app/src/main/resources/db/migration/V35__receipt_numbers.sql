-- Receipts get numbers of their own, per workspace and year without gaps (R-2026-0001), given when
-- a payment counts and its receipt is issued. Payments confirmed before this keep none (their
-- receipts name the payment's id, as they did).
create table receipt_counter (
    workspace_id  uuid not null references workspace (id),
    receipt_year  integer not null,
    last_seq      bigint not null,
    constraint receipt_counter_pk primary key (workspace_id, receipt_year)
);

alter table payment add column receipt_number varchar(40);
create unique index payment_receipt_number_uq on payment (workspace_id, receipt_number);
