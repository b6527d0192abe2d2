-- Both sides keep the users they sign in, and whom the sign-in throttle lets through, in memory
-- (gongkai.http.access.SignInChanges): a request then costs no read of user_account and no count of
-- sign_in_failure. Any change to either table is announced on this channel when it commits, whoever
-- makes it (the admin API, another instance, a hand-written UPDATE), and every instance drops what it
-- kept. The channel's name is SignInChanges.CHANNEL.
create function sign_in_changed() returns trigger language plpgsql as $$
begin
    perform pg_notify('gongkai_sign_in_changed', '');
    return null;
end
$$;

create trigger user_account_changed after insert or update or delete or truncate on user_account
    for each statement execute function sign_in_changed();

create trigger sign_in_failure_added after insert or update or delete or truncate on sign_in_failure
    for each statement execute function sign_in_changed();
