-- A signed-in user is kept in memory with their agency's closing (gongkai.http.access.Accounts), announced on the channel of V21_1: closing an
-- agency must reach every instance as a change of users does, so that its users record nothing more at once
-- (docs/agencies.md, "Closing"). Agencies change rarely; each change drops what the instances keep.
create trigger agency_changed after insert or update or delete or truncate on agency
    for each statement execute function sign_in_changed();
