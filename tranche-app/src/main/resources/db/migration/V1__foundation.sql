-- Foundation: workspaces, members, clients, contacts, projects, milestones, accounts, mail, sessions.
-- One set of migrations for H2 (MODE=PostgreSQL) and PostgreSQL: keep to the SQL both understand.

create table workspace (
    id          uuid primary key,
    name        varchar(200) not null,
    created_at  timestamp with time zone not null
);

create table member (
    id            uuid primary key,
    workspace_id  uuid not null references workspace (id),
    email         varchar(320) not null,
    name          varchar(200) not null,
    password_hash varchar(200) not null,
    role          varchar(16) not null,
    created_at    timestamp with time zone not null,
    constraint member_email_uq unique (email)
);

create table client (
    id            uuid primary key,
    workspace_id  uuid not null references workspace (id),
    name          varchar(200) not null,
    billing_email varchar(320),
    created_at    timestamp with time zone not null
);
create index client_workspace_ix on client (workspace_id);

create table contact (
    id            uuid primary key,
    workspace_id  uuid not null references workspace (id),
    client_id     uuid not null references client (id),
    name          varchar(200) not null,
    email         varchar(320) not null,
    created_at    timestamp with time zone not null,
    constraint contact_email_per_client_uq unique (client_id, email)
);
create index contact_email_ix on contact (email);
create index contact_workspace_ix on contact (workspace_id);

create table project (
    id                  uuid primary key,
    workspace_id        uuid not null references workspace (id),
    client_id           uuid not null references client (id),
    name                varchar(200) not null,
    type                varchar(16) not null,
    currency            char(3) not null,
    credit_limit_minor  bigint not null,
    created_at          timestamp with time zone not null
);
create index project_workspace_ix on project (workspace_id);

create table project_contact (
    project_id  uuid not null references project (id),
    contact_id  uuid not null references contact (id),
    primary key (project_id, contact_id)
);

create table milestone (
    id            uuid primary key,
    workspace_id  uuid not null references workspace (id),
    project_id    uuid not null references project (id),
    position_no   integer not null,
    name          varchar(200) not null,
    amount_minor  bigint not null,
    currency      char(3) not null,
    payment_trigger varchar(24) not null,
    state         varchar(24) not null,
    disputed      boolean not null,
    version       integer not null,
    updated_at    timestamp with time zone not null,
    constraint milestone_position_uq unique (project_id, position_no)
);

create table milestone_transition (
    id            uuid primary key,
    workspace_id  uuid not null references workspace (id),
    milestone_id  uuid not null references milestone (id),
    action        varchar(24) not null,
    from_state    varchar(24) not null,
    to_state      varchar(24) not null,
    disputed      boolean not null,
    actor         varchar(80) not null,
    occurred_at   timestamp with time zone not null
);
create index milestone_transition_ix on milestone_transition (milestone_id, occurred_at);

create table api_token (
    id            uuid primary key,
    workspace_id  uuid not null references workspace (id),
    member_id     uuid not null references member (id),
    name          varchar(100) not null,
    token_hash    char(64) not null,
    created_at    timestamp with time zone not null,
    last_used_at  timestamp with time zone,
    revoked_at    timestamp with time zone,
    constraint api_token_hash_uq unique (token_hash)
);

create table magic_link (
    id          uuid primary key,
    contact_id  uuid not null references contact (id),
    token_hash  char(64) not null,
    created_at  timestamp with time zone not null,
    expires_at  timestamp with time zone not null,
    used_at     timestamp with time zone,
    constraint magic_link_hash_uq unique (token_hash)
);

create table setup_token (
    token_hash  char(64) primary key,
    created_at  timestamp with time zone not null,
    used_at     timestamp with time zone
);

create table mail_outbox (
    id              uuid primary key,
    workspace_id    uuid references workspace (id),
    recipient       varchar(320) not null,
    subject         varchar(300) not null,
    body            varchar(100000) not null,
    status          varchar(16) not null,
    attempts        integer not null,
    created_at      timestamp with time zone not null,
    next_attempt_at timestamp with time zone not null,
    sent_at         timestamp with time zone,
    last_error      varchar(500)
);
create index mail_outbox_due_ix on mail_outbox (status, next_attempt_at);

-- Spring Session JDBC (its own schema, written for both databases).
create table spring_session (
    primary_id            char(36) not null,
    session_id            char(36) not null,
    creation_time         bigint not null,
    last_access_time      bigint not null,
    max_inactive_interval integer not null,
    expiry_time           bigint not null,
    principal_name        varchar(100),
    constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36) not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id)
        references spring_session (primary_id) on delete cascade
);
