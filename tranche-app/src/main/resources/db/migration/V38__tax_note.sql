-- What a workspace's invoices say when a line carries no tax: the reason the law asks for
-- ("Reverse charge", an exemption, a supply outside the country's VAT), in the business's words.
alter table workspace add column tax_note varchar(500);
