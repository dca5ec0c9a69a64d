-- The evidence log: append-only entries hash-chained per workspace, signed checkpoints, and the
-- workspaces' Ed25519 signing keys (private part wrapped by the key-encryption key).

create table workspace_key (
    workspace_id        uuid primary key references workspace (id),
    algorithm           varchar(16) not null,
    public_key          varchar(200) not null,
    private_key_wrapped varchar(400) not null,
    created_at          timestamp with time zone not null
);

-- One row per workspace, locked while appending, so entries get gapless sequence numbers.
create table evidence_head (
    workspace_id  uuid primary key references workspace (id),
    last_seq      bigint not null,
    last_hash     char(64) not null
);

create table evidence_entry (
    workspace_id  uuid not null references workspace (id),
    seq           bigint not null,
    occurred_at   timestamp with time zone not null,
    actor         varchar(80) not null,
    project_id    uuid,
    type          varchar(80) not null,
    payload       varchar(100000) not null,
    prev_hash     char(64) not null,
    hash          char(64) not null,
    constraint evidence_entry_pk primary key (workspace_id, seq)
);
create index evidence_entry_project_ix on evidence_entry (project_id, seq);

create table evidence_checkpoint (
    workspace_id  uuid not null references workspace (id),
    seq           bigint not null,
    chain_hash    char(64) not null,
    signed_at     timestamp with time zone not null,
    signature     varchar(200) not null,
    constraint evidence_checkpoint_pk primary key (workspace_id, seq)
);

-- Workspaces made before the evidence log get an empty chain head.
insert into evidence_head (workspace_id, last_seq, last_hash)
select id, 0, '0000000000000000000000000000000000000000000000000000000000000000' from workspace;
