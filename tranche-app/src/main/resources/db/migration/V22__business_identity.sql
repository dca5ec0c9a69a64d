-- What invoices must say about both parties, and what a workspace starts its projects in.
alter table client add column address varchar(500);
alter table client add column tax_id varchar(40);
alter table workspace add column address varchar(500);
alter table workspace add column tax_id varchar(40);
alter table workspace add column currency char(3) default 'EUR' not null;
-- An invitation's sign-in link lands on the project it was sent for.
alter table magic_link add column landing varchar(200);
