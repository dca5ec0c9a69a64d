-- A claimed idempotency key carries a lease: a claim whose request died with its server (a crash,
-- a kill) can be claimed again by a retry once locked_until has passed. claim_id names the current
-- claim: only its holder may store the response, in the transaction of the request's work.
alter table idempotency_key add column locked_until timestamp with time zone;
alter table idempotency_key add column claim_id uuid;
-- claims left over from before leases existed are free to be claimed again
update idempotency_key set locked_until = created_at where status = 'IN_PROGRESS';
