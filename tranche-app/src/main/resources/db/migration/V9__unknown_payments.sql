-- Payments whose outcome the provider has not told yet (UNKNOWN) are checked on a backoff schedule.
alter table payment add column next_check_at timestamp with time zone;
alter table payment add column check_attempts integer default 0 not null;
