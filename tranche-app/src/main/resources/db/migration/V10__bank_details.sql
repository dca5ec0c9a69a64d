-- How clients pay a workspace by bank transfer, printed on invoices and shown in the portal.
alter table workspace add column bank_details varchar(1000);
