-- An extension awaiting the head of the office (第三十三条), and an application transferred to its agency
-- and not yet signed for: both are states of the worklist (EXTENSION_REQUESTED, AWAITING_SIGN_IN).
alter table application_case add column extension_requested_on date;
alter table application_case add column awaiting_sign_in_since date;
