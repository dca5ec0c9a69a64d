-- A receipt says what was paid on its invoice so far and what was still open: as they stood when
-- the payment was posted, not when the receipt is downloaded. Receipts issued before this keep
-- none and show the invoice as it stands.
alter table payment add column receipt_paid_minor bigint;
alter table payment add column receipt_open_minor bigint;
