-- Idempotency keys of state-changing API calls: the first response is kept (at least 72 hours)
-- and replayed for a retry with the same key and body.
create table idempotency_key (
    scope          varchar(80) not null,
    idem_key       varchar(255) not null,
    request_hash   char(64) not null,
    status         varchar(16) not null,
    response_code  integer,
    response_type  varchar(200),
    response_body  varchar(1000000),
    created_at     timestamp with time zone not null,
    constraint idempotency_key_pk primary key (scope, idem_key)
);
create index idempotency_key_created_ix on idempotency_key (created_at);
