-- Previews: a static site (SITE, unpacked by SiteArchive), an image (IMAGE) or a PDF (PDF) uploaded
-- for a part, kept in the data directory's preview cache and served with a watermark naming the
-- viewer to the project's people.
create table preview (
    id            uuid primary key,
    workspace_id  uuid not null references workspace (id),
    project_id    uuid not null references project (id),
    milestone_id  uuid not null references milestone (id),
    name          varchar(200) not null,
    kind          varchar(10) not null,
    files         integer not null,
    bytes         bigint not null,
    created_at    timestamp with time zone not null,
    created_by    varchar(200) not null,
    revoked_at    timestamp with time zone
);

create index preview_project_ix on preview (workspace_id, project_id);

-- Links to a preview that a member hands out: they work only for the project's signed-in people,
-- until they expire (7 days by default) or are revoked. Only the token's hash is kept.
create table preview_link (
    token_hash    varchar(64) primary key,
    workspace_id  uuid not null references workspace (id),
    preview_id    uuid not null references preview (id),
    created_at    timestamp with time zone not null,
    created_by    varchar(200) not null,
    expires_at    timestamp with time zone not null,
    revoked_at    timestamp with time zone
);

-- Who opened which preview, first and last: the acceptance a client signs names the previews of the
-- part they opened (each view is also an evidence entry).
create table preview_view (
    preview_id       uuid not null references preview (id),
    workspace_id     uuid not null references workspace (id),
    viewer           varchar(200) not null,
    first_viewed_at  timestamp with time zone not null,
    last_viewed_at   timestamp with time zone not null,
    constraint preview_view_pk primary key (preview_id, viewer)
);
