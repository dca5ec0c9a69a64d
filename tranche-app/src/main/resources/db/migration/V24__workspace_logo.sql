-- A workspace's logo, as its owner uploaded it and Tranche re-encoded it (a PNG of at most 600 x 200
-- pixels, without the upload's metadata): shown on its pages, in its mails and on its PDFs. The
-- workspace row keeps the logo's SHA-256, so a page knows there is one without reading it.
alter table workspace add column logo_sha256 varchar(64);

create table workspace_logo (
    workspace_id uuid primary key references workspace (id),
    png          bytea not null,
    sha256       varchar(64) not null,
    updated_at   timestamp with time zone not null
);
