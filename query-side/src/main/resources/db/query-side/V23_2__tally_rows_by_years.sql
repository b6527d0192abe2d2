-- The tally's rows whose years overlap a window (the oversight board of a province reads table 三 of a year and of
-- the year before for thousands of agencies at once): an index of each row's range of years, so that such a read
-- visits the rows of those years rather than every year's.
create index application_tally_years on application_tally
    using gist (int4range(first_year, coalesce(last_year, 9999), '[]')) where applications <> 0;
