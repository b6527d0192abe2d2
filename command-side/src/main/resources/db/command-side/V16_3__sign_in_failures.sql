-- Failed sign-ins, so that every instance of both sides refuses a password-guessing loop alike
-- (gongkai.http.access.SignInThrottle): 5 failures for one user or 20 from one address within 10
-- minutes refuse further attempts. Never the password; rows older than a day are purged.
create table sign_in_failure (
    username  varchar(64)  not null,
    address   varchar(64)  not null,
    failed_at timestamptz  not null default now()
);
create index sign_in_failure_by_user on sign_in_failure (username, failed_at);
create index sign_in_failure_by_address on sign_in_failure (address, failed_at);
