-- Issue 5: the read models' five processing groups (applications, proactive, reviewsAndLawsuits,
-- annualReports, audit-trail) are one, read-models (gongkai.query.projections.ReadModels), so that a
-- replay reads the event stream once. The new group starts from the first event: where the old groups
-- had built the read models, they are emptied first (as a replay would: the publications and their
-- seals are kept), and the old groups' tokens and dead letters go (a dead-lettered event is handled
-- again by the new group, and dead-lettered there if it fails again).
do $$
declare
    read_model text;
begin
    if exists (select 1 from token_entry
               where processor_name in ('applications', 'proactive', 'reviewsAndLawsuits', 'annualReports', 'audit-trail')) then
        foreach read_model in array array['application_due_history', 'application_cell', 'application_case',
                                          'report_contribution', 'document_case', 'opening_balance', 'review_case',
                                          'lawsuit_case', 'report_narrative', 'audit_event'] loop
            if to_regclass(read_model) is not null then
                execute 'delete from ' || read_model;
            end if;
        end loop;
    end if;
    delete from token_entry
     where processor_name in ('applications', 'proactive', 'reviewsAndLawsuits', 'annualReports', 'audit-trail');
    delete from dead_letter_entry
     where processing_group in ('applications', 'proactive', 'reviewsAndLawsuits', 'annualReports', 'audit-trail');
end
$$;
