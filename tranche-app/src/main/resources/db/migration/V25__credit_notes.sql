-- Credit notes as documents: each has a number of its own series (gapless per workspace and year),
-- names the invoice it corrects and why, and keeps what it takes back at each tax rate.
create table credit_note_counter (
    workspace_id  uuid not null references workspace (id),
    note_year     integer not null,
    last_seq      bigint not null,
    constraint credit_note_counter_pk primary key (workspace_id, note_year)
);

create table credit_note (
    id            uuid primary key,
    workspace_id  uuid not null references workspace (id),
    invoice_id    uuid not null references invoice (id),
    number        varchar(40) not null,
    issued_on     date not null,
    reason        varchar(1000) not null,
    currency      char(3) not null,
    created_at    timestamp with time zone not null,
    constraint credit_note_number_uq unique (workspace_id, number)
);

create index credit_note_invoice_ix on credit_note (workspace_id, invoice_id);

create table credit_note_share (
    credit_note_id  uuid not null references credit_note (id),
    workspace_id    uuid not null references workspace (id),
    tax_bp          integer not null,
    net_minor       bigint not null,
    tax_minor       bigint not null,
    constraint credit_note_share_pk primary key (credit_note_id, tax_bp)
);
