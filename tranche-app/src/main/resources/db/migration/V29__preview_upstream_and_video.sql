-- Two more kinds of preview: a staging site the vendor runs (UPSTREAM: Tranche fetches it on the
-- viewer's behalf; its address is kept here and never shown to the client) and a VIDEO, kept as a
-- copy with a watermark burned in, or as uploaded when the server has no ffmpeg (as_uploaded).
alter table preview add column upstream_url varchar(2000);
alter table preview add column as_uploaded boolean default false not null;
