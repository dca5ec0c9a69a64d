-- Invoice and receipt PDFs, rendered once per distinct content and kept in blob storage: a download
-- streams the stored file instead of rendering again. content_sha256 is the SHA-256 of the XHTML
-- the PDF was rendered from, so a document whose content changed (a payment) renders anew.
create table rendered_document (
    workspace_id    uuid not null,
    subject_id      uuid not null,
    content_sha256  char(64) not null,
    blob_key        varchar(300) not null,
    size_bytes      bigint not null,
    created_at      timestamp with time zone not null,
    constraint rendered_document_pk primary key (subject_id, content_sha256)
);
