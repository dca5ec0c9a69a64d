-- A video's watermarked copy is made in the background once its upload is accepted (burning the
-- mark into every frame can take minutes, longer than a browser or a proxy waits for an answer):
-- until the copy is ready the preview is PREPARING, and FAILED keeps what ffmpeg said. Every other
-- preview is READY when its row is written.
alter table preview add column state varchar(16) default 'READY' not null
    check (state in ('READY', 'PREPARING', 'FAILED'));
alter table preview add column problem varchar(400);
