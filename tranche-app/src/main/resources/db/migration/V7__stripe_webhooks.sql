-- Payment provider events, deduplicated by their id (kept at least 30 days), and provider
-- references on payments so one payment reported by two events is recorded once.

create table provider_event (
    event_id      varchar(255) primary key,
    provider      varchar(16) not null,
    type          varchar(80) not null,
    status        varchar(16) not null,
    reason        varchar(500),
    received_at   timestamp with time zone not null
);
create index provider_event_received_ix on provider_event (received_at);

alter table payment add column provider_ref varchar(255);
create unique index payment_provider_ref_uq on payment (channel, provider_ref);
