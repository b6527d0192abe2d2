-- Reminders to the clerks and notices to the applicant (docs/notices.md).

-- An agency's own template of a kind of message (gongkai.query.notices.NoticeKind); without one, the built-in.
create table notice_template (
    agency_id  varchar(64)  not null,
    kind       varchar(40)  not null,
    subject    varchar(200) not null,
    body       text         not null,
    updated_at timestamptz  not null default now(),
    updated_by varchar(64)  not null,
    primary key (agency_id, kind)
);

-- The agency that holds each application now (received, or transferred to), for the notices processor.
create table notice_case (
    case_id   varchar(64) primary key,
    agency_id varchar(64) not null
);

-- Every message, from the moment it is owed until it went (or could not go). message_key makes each one once:
-- a notice per (event, channel), a digest per (agency, day, clerk, channel), an alert per (case, urgency, due
-- date, clerk, channel), claimed in the transaction that writes it, so two instances or a redelivery add nothing.
-- No personal data: the recipient is masked, the text is never kept (it is rendered from the template when sent).
create table outgoing_message (
    id                 bigserial    primary key,
    message_key        varchar(300) not null unique,
    kind               varchar(40)  not null,
    channel            varchar(8)   not null,
    agency_id          varchar(64)  not null,
    case_id            varchar(64),
    event_id           varchar(64),
    reference_date     date,
    recipient_username varchar(64),
    recipient_masked   varchar(300),
    template           varchar(80),
    status             varchar(16)  not null,
    outcome            varchar(300),
    created_at         timestamptz  not null,
    claimed_at         timestamptz,
    sent_at            timestamptz
);
create index outgoing_message_pending on outgoing_message (id) where status = 'PENDING';
create index outgoing_message_agency on outgoing_message (agency_id, created_at);
create index outgoing_message_case on outgoing_message (case_id) where case_id is not null;
