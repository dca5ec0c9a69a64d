-- Why a milestone's latest dispute was opened, and how it was resolved: what both sides read.
-- (Each opening and resolution is also in the evidence log, with its text.)
alter table milestone add column dispute_reason varchar(2000);
alter table milestone add column dispute_outcome varchar(2000);
