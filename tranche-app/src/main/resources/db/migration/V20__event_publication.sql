-- Spring Modulith's event publication registry: a reaction that runs after its action commits
-- (issue an invoice, evaluate a release, send mail) is recorded with the action, marked completed
-- when it has run, and re-published at start if a crash came in between.
create table event_publication (
    id                     uuid primary key,
    listener_id            varchar(512) not null,
    event_type             varchar(512) not null,
    serialized_event       varchar(1000000) not null,
    publication_date       timestamp with time zone not null,
    completion_date        timestamp with time zone,
    status                 varchar(20),
    completion_attempts    integer,
    last_resubmission_date timestamp with time zone
);
create index event_publication_completion_ix on event_publication (completion_date);
