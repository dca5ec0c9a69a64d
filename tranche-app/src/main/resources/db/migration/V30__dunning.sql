-- Dunning plans: the workspace's (scope WORKSPACE, scope_id = the workspace), a client's (CLIENT)
-- or a contract's (CONTRACT), the most specific winning. The plan itself is a small JSON document
-- (stages with their days and words, the pre-due reminder, stop-work stage, late fee).
create table dunning_plan (
    workspace_id  uuid not null references workspace (id),
    scope         varchar(10) not null,
    scope_id      uuid not null,
    plan          varchar(30000) not null,
    updated_at    timestamp with time zone not null,
    updated_by    varchar(200) not null,
    constraint dunning_plan_pk primary key (workspace_id, scope, scope_id)
);

-- Each dunning step taken for an invoice, once (the primary key is what makes two nodes, or a
-- restarted one, take a step exactly once): 0 is the friendly pre-due reminder, 1.. the stages.
create table dunning_step (
    workspace_id    uuid not null references workspace (id),
    invoice_id      uuid not null references invoice (id),
    step            integer not null,
    due_on          date not null,
    taken_at        timestamp with time zone not null,
    late_fee_invoice_id uuid references invoice (id),
    stop_work       boolean not null,
    demand_letter   boolean not null,
    channel         varchar(10) default 'EMAIL' not null,
    constraint dunning_step_pk primary key (invoice_id, step)
);
create index dunning_step_workspace_ix on dunning_step (workspace_id, invoice_id);

-- A project in stop-work because of an overdue invoice; lifted_at is set when it is paid (or no
-- longer owed). One row per project and invoice.
create table stop_work (
    workspace_id  uuid not null references workspace (id),
    project_id    uuid not null references project (id),
    invoice_id    uuid not null references invoice (id),
    since         timestamp with time zone not null,
    lifted_at     timestamp with time zone,
    constraint stop_work_pk primary key (project_id, invoice_id)
);
create index stop_work_workspace_ix on stop_work (workspace_id, project_id, lifted_at);

-- A late fee is an invoice of its own, naming the invoice it is for (and never dunned itself).
alter table invoice add column late_fee_for uuid references invoice (id);

-- The dunning pass reads open invoices by due date.
create index invoice_open_due_ix on invoice (state, due_on, id);
