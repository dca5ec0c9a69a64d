-- Outbound webhooks: endpoints members register (events they take, a signing secret; the previous
-- secret keeps signing until previous_until after a rotation) and the outbox of deliveries, one per
-- endpoint and event (the event id is the idempotency key receivers see).
create table webhook_endpoint (
    id               uuid primary key,
    workspace_id     uuid not null references workspace (id),
    url              varchar(2000) not null,
    events           varchar(1000) not null,
    secret           varchar(100) not null,
    previous_secret  varchar(100),
    previous_until   timestamp with time zone,
    created_at       timestamp with time zone not null,
    created_by       varchar(200) not null,
    disabled_at      timestamp with time zone
);
create index webhook_endpoint_workspace_ix on webhook_endpoint (workspace_id);

create table webhook_delivery (
    id               uuid primary key,
    workspace_id     uuid not null references workspace (id),
    endpoint_id      uuid not null references webhook_endpoint (id),
    event_id         uuid not null,
    event_type       varchar(40) not null,
    payload          varchar(20000) not null,
    status           varchar(10) not null,
    attempts         integer not null,
    next_attempt_at  timestamp with time zone not null,
    delivered_at     timestamp with time zone,
    last_status      integer,
    last_error       varchar(300),
    created_at       timestamp with time zone not null,
    constraint webhook_delivery_event_uq unique (endpoint_id, event_id)
);
create index webhook_delivery_due_ix on webhook_delivery (status, next_attempt_at);
create index webhook_delivery_workspace_ix on webhook_delivery (workspace_id, created_at);
