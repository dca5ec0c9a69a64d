-- Who signs a contract first: the client (then the vendor countersigns) or the vendor.
alter table workspace add column signing_order varchar(16) default 'CLIENT_FIRST' not null;
