-- What a provider gave back of a confirmed payment. A payment refunded in full is REFUNDED; a part
-- leaves it CONFIRMED. Providers report refunds as a running total (Stripe's amount_refunded), so
-- the total is kept to book only what is new.
alter table payment add column refunded_minor bigint default 0 not null;
