-- Sealed artifacts of milestone deliverables. A row is written (SEALING) before the upload streams,
-- naming its blob, so a crash or a cut connection can be cleaned up; it becomes visible (SEALED)
-- only once the ciphertext is committed to storage. While it streams, the uploading node renews
-- heartbeat_at; a SEALING row whose heartbeat stopped belongs to a dead upload.
create table artifact (
    id                 uuid primary key,
    workspace_id       uuid not null references workspace (id),
    project_id         uuid not null references project (id),
    milestone_id       uuid not null references milestone (id),
    name               varchar(255) not null,
    media_type         varchar(255) not null,
    state              varchar(16) not null,
    blob_key           varchar(200) not null,
    wrapped_key        varchar(1000) not null,
    key_commitment     char(64) not null,
    plaintext_size     bigint,
    plaintext_sha256   char(64),
    ciphertext_size    bigint,
    ciphertext_sha256  char(64),
    uploaded_by        varchar(200) not null,
    created_at         timestamp with time zone not null,
    heartbeat_at       timestamp with time zone not null,
    sealed_at          timestamp with time zone,
    receipt_jws        varchar(8000),
    receipt_at         timestamp with time zone
);
create index artifact_milestone_ix on artifact (milestone_id, created_at);
create index artifact_project_ix on artifact (project_id, created_at);
create index artifact_state_ix on artifact (state, heartbeat_at);

-- A milestone's artifacts are released once: the primary key makes concurrent releases one.
create table artifact_release (
    milestone_id        uuid primary key references milestone (id),
    workspace_id        uuid not null references workspace (id),
    project_id          uuid not null references project (id),
    reason              varchar(16) not null,
    actor               varchar(200) not null,
    released_at         timestamp with time zone not null,
    -- money taken back after the hand-over: a refund or a chargeback (recorded, shown; the release stands)
    reversal            varchar(16),
    reversed_after_at   timestamp with time zone
);

-- Short-lived download tokens (stored hashed); every use re-checks the release state.
create table download_token (
    token_hash    char(64) primary key,
    artifact_id   uuid not null references artifact (id) on delete cascade,
    workspace_id  uuid not null references workspace (id),
    kind          varchar(16) not null,
    actor         varchar(200) not null,
    expires_at    timestamp with time zone not null
);
create index download_token_expiry_ix on download_token (expires_at);
