-- Documents a mail carries, by reference (e.g. invoice:<id>): rendered when the mail is sent.
alter table mail_outbox add column attachments varchar(1000);
