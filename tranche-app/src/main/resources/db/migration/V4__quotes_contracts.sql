-- Quotes (one row per version), who has seen which document, signatures, and contracts.

create table quote (
    id             uuid primary key,
    workspace_id   uuid not null references workspace (id),
    project_id     uuid not null references project (id),
    quote_no       uuid not null,
    version        integer not null,
    status         varchar(24) not null,
    content        varchar(200000) not null,
    document_hash  char(64) not null,
    valid_until    date not null,
    change_comment varchar(5000),
    created_at     timestamp with time zone not null,
    sent_at        timestamp with time zone,
    constraint quote_version_uq unique (quote_no, version)
);
create index quote_project_ix on quote (project_id, created_at);

create table document_view (
    id             uuid primary key,
    workspace_id   uuid not null references workspace (id),
    document_kind  varchar(16) not null,
    document_id    uuid not null,
    document_hash  char(64) not null,
    viewer         varchar(80) not null,
    viewed_at      timestamp with time zone not null
);
create index document_view_ix on document_view (document_id, viewer);

create table signature (
    id             uuid primary key,
    workspace_id   uuid not null references workspace (id),
    project_id     uuid not null references project (id),
    document_kind  varchar(16) not null,
    document_id    uuid not null,
    document_hash  char(64) not null,
    signer         varchar(80) not null,
    signer_email   varchar(320) not null,
    signer_role    varchar(8) not null,
    typed_name     varchar(200) not null,
    consent_text   varchar(1000) not null,
    ip             varchar(64) not null,
    user_agent     varchar(500) not null,
    signed_at      timestamp with time zone not null,
    constraint signature_once_uq unique (document_kind, document_id, signer_role)
);

create table contract (
    id             uuid primary key,
    workspace_id   uuid not null references workspace (id),
    project_id     uuid not null references project (id),
    quote_id       uuid not null references quote (id),
    document_hash  char(64) not null,
    status         varchar(24) not null,
    pdf_blob_key   varchar(100),
    pdf_sha256     char(64),
    created_at     timestamp with time zone not null,
    completed_at   timestamp with time zone,
    constraint contract_quote_uq unique (quote_id)
);
