-- The address of whoever opened a preview, for the vendor's view log (the evidence keeps the label).
alter table preview_view add column viewer_email varchar(320);
