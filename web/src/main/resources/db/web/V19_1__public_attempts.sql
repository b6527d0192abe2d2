-- Each use of the public form or of the status look-up (kind), by address, so that every instance of the pages limits
-- an address alike (gongkai.web.online.AddressLimit). Rows older than the window are deleted as new ones come.
create table public_attempt (
    kind        varchar(16) not null,
    address     varchar(64) not null,
    attempted_at timestamptz not null default now()
);
create index public_attempt_address on public_attempt (kind, address, attempted_at);
