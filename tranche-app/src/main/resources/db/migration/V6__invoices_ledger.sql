-- Invoices with gapless numbers per workspace and year, payments, and the double-entry ledger.

alter table workspace add column invoice_prefix varchar(20) default '' not null;
alter table workspace add column payment_terms_days integer default 14 not null;
alter table project add column tax_rate_bp integer default 0 not null;

create table invoice_counter (
    workspace_id  uuid not null references workspace (id),
    invoice_year  integer not null,
    last_seq      bigint not null,
    constraint invoice_counter_pk primary key (workspace_id, invoice_year)
);

create table invoice (
    id              uuid primary key,
    workspace_id    uuid not null references workspace (id),
    project_id      uuid not null references project (id),
    client_id       uuid not null references client (id),
    milestone_id    uuid references milestone (id),
    number          varchar(40),
    state           varchar(16) not null,
    currency        char(3) not null,
    issued_on       date,
    due_on          date,
    paid_minor      bigint not null,
    credited_minor  bigint not null,
    created_at      timestamp with time zone not null,
    constraint invoice_number_uq unique (workspace_id, number)
);
create index invoice_project_ix on invoice (project_id);

create table invoice_line (
    invoice_id   uuid not null references invoice (id),
    position_no  integer not null,
    description  varchar(1000) not null,
    quantity     bigint not null,
    unit_minor   bigint not null,
    tax_bp       integer not null,
    constraint invoice_line_pk primary key (invoice_id, position_no)
);

create table payment (
    id            uuid primary key,
    workspace_id  uuid not null references workspace (id),
    invoice_id    uuid not null references invoice (id),
    client_id     uuid not null references client (id),
    channel       varchar(16) not null,
    amount_minor  bigint not null,
    currency      char(3) not null,
    status        varchar(16) not null,
    received_on   date not null,
    reference     varchar(200),
    recorded_by   varchar(80) not null,
    created_at    timestamp with time zone not null
);
create index payment_invoice_ix on payment (invoice_id);

create table ledger_transaction (
    id            uuid primary key,
    workspace_id  uuid not null references workspace (id),
    kind          varchar(40) not null,
    reference     uuid not null,
    occurred_at   timestamp with time zone not null
);
create index ledger_transaction_ref_ix on ledger_transaction (reference);

create table ledger_posting (
    transaction_id  uuid not null references ledger_transaction (id),
    position_no     integer not null,
    workspace_id    uuid not null references workspace (id),
    account         varchar(80) not null,
    amount_minor    bigint not null,
    currency        char(3) not null,
    constraint ledger_posting_pk primary key (transaction_id, position_no)
);
create index ledger_posting_account_ix on ledger_posting (workspace_id, account);
