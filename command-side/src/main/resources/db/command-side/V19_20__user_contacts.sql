-- Where a clerk receives the reminders of their agency's cases (docs/notices.md): a work e-mail address and a
-- mobile number, set by an administrator. Either may be missing; a user without both receives nothing.
alter table user_account add column email varchar(254);
alter table user_account add column phone varchar(32);
