-- Requirements messages with attachments, and the meeting log.

create table message (
    id            uuid primary key,
    workspace_id  uuid not null references workspace (id),
    project_id    uuid not null references project (id),
    author        varchar(80) not null,
    author_email  varchar(320) not null,
    body          varchar(20000) not null,
    created_at    timestamp with time zone not null
);
create index message_project_ix on message (project_id, created_at);

create table attachment (
    id            uuid primary key,
    workspace_id  uuid not null references workspace (id),
    project_id    uuid not null references project (id),
    message_id    uuid not null references message (id),
    file_name     varchar(200) not null,
    content_type  varchar(100) not null,
    size_bytes    bigint not null,
    sha256        char(64) not null,
    blob_key      varchar(100) not null
);
create index attachment_message_ix on attachment (message_id);

create table meeting (
    id               uuid primary key,
    workspace_id     uuid not null references workspace (id),
    project_id       uuid not null references project (id),
    held_at          timestamp with time zone not null,
    duration_minutes integer not null,
    channel          varchar(16) not null,
    attendees        varchar(2000) not null,
    notes            varchar(20000) not null,
    recording_link   varchar(1000),
    logged_by        varchar(80) not null,
    logged_at        timestamp with time zone not null,
    confirmed_by     varchar(80),
    confirmed_at     timestamp with time zone
);
create index meeting_project_ix on meeting (project_id, held_at);
