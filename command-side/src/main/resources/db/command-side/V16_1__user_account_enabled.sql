-- An account can be disabled without deleting it (its name stays on the events it caused): a
-- disabled user signs in no more, and the pages cannot call on their behalf. The built-in account of
-- the pages is disabled while no password is configured for it.
alter table user_account add column enabled boolean not null default true;
