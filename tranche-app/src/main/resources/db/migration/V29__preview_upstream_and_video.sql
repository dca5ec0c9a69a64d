-- Two more kinds of preview: a staging site the vendor runs (UPSTREAM: Tranche fetches it on the
-- viewer's behalf; its address is kept here and never shown to the client) and a VIDEO, kept as a
-- copy with a watermark burned in, or as uploaded when the server has no ffmpeg (as_uploaded).
alter table preview add column upstream_url varchar(2000);
alter table preview add column as_uploaded boolean default false not null;

-- A viewer's pass into a preview: browsers send no session cookie with the requests a sandboxed
-- page makes (it is an opaque origin), so the signed-in entry /…/previews/<id>/ issues a short-lived
-- pass and redirects to /preview/<pass>/…, under which the page's own files load. Only the hash is
-- kept; link_hash names the share link it came through (revoking the links ends these passes).
create table preview_grant (
    token_hash    varchar(64) primary key,
    workspace_id  uuid not null references workspace (id),
    preview_id    uuid not null references preview (id),
    viewer        varchar(200) not null,
    viewer_email  varchar(320),
    link_hash     varchar(64),
    created_at    timestamp with time zone not null,
    expires_at    timestamp with time zone not null
);

create index preview_grant_preview_ix on preview_grant (workspace_id, preview_id, expires_at);
