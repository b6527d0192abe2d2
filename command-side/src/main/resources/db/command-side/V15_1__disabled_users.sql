-- An administrator disables a user instead of deleting them: their name stays on every event they
-- recorded, and a disabled user signs in nowhere (both sides and the pages look users up here).
alter table user_account add column disabled_at timestamptz;
