-- The lifecycle engine: the signed contract is the plan, review periods, sign-off, the
-- modification window and its requests, and scoped API tokens.

-- a workspace may let work start before a contract is signed (signing still applies the plan)
alter table workspace add column work_before_contract boolean default false not null;

-- a quote version made after a contract was signed amends that contract
alter table quote add column amends uuid;

-- when the project's first contract was completed; from then on the plan changes by amendment
alter table project add column contract_signed_at timestamp with time zone;
-- the contract's review and modification terms, copied at signature
alter table project add column review_days integer default 7 not null;
alter table project add column modification_days integer default 7 not null;
-- sign-off of the final delivery (signed or deemed) and the modification window it opens
alter table project add column signed_off_at timestamp with time zone;
alter table project add column window_ends_at timestamp with time zone;
alter table project add column window_closed_at timestamp with time zone;

-- the review period of submitted work: when it began and how many reminders went out
alter table milestone add column review_started_at timestamp with time zone;
alter table milestone add column review_reminders integer default 0 not null;
-- the client's reason for the latest request for changes, shown to the vendor
alter table milestone add column change_reason varchar(5000);
create index milestone_review_ix on milestone (state, review_started_at);

create table modification_request (
    id              uuid primary key,
    workspace_id    uuid not null references workspace (id),
    project_id      uuid not null references project (id),
    number          integer not null,
    what            varchar(2000) not null,
    location        varchar(2000) not null,
    expected        varchar(5000) not null,
    filed_by        varchar(80) not null,
    filed_at        timestamp with time zone not null,
    in_window       boolean not null,
    kind            varchar(16),
    status          varchar(16) not null,
    quote_id        uuid,
    message_id      uuid,
    version         integer not null,
    updated_at      timestamp with time zone not null,
    constraint modification_request_no_uq unique (project_id, number)
);
create index modification_request_ws_ix on modification_request (workspace_id, project_id);

-- what an API token may do: read, deliver (upload and submit) or full
alter table api_token add column scope varchar(16) default 'full' not null;
