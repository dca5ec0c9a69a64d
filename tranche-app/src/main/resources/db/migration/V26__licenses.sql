-- Licences for delivered builds (docs/formats.md §5): the signed token, what it says, and whether
-- it was revoked. A release issues at most one licence of each edition (the unique key), so
-- concurrent release triggers issue it once; licences a member issues by hand have no milestone.
create table license (
    id             uuid primary key,
    workspace_id   uuid not null references workspace (id),
    project_id     uuid not null references project (id),
    milestone_id   uuid references milestone (id),
    edition        varchar(10) not null,
    licensee       varchar(200) not null,
    product        varchar(200) not null,
    not_before     timestamp with time zone not null,
    expires_at     timestamp with time zone not null,
    grace_seconds  bigint not null,
    machines       integer not null,
    token          varchar(4000) not null,
    issued_at      timestamp with time zone not null,
    issued_by      varchar(200) not null,
    revoked_at     timestamp with time zone,
    revoked_reason varchar(1000),
    constraint license_release_uq unique (workspace_id, milestone_id, edition)
);

create index license_project_ix on license (workspace_id, project_id);

-- The machines an app validated a licence on (SHA-256 of the id the app sends), against its limit.
create table license_activation (
    license_id    uuid not null references license (id),
    workspace_id  uuid not null references workspace (id),
    machine       varchar(64) not null,
    first_seen    timestamp with time zone not null,
    last_seen     timestamp with time zone not null,
    constraint license_activation_pk primary key (license_id, machine)
);
