-- Dates people read (invoice and due dates, quote validity, review ends) are in the workspace's
-- time zone.
alter table workspace add column time_zone varchar(64) default 'UTC' not null;
