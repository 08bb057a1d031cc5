-- A save of a submitted annotation cost 7 ms before agreement_units and 38 ms after
-- (annotation.save_sql at 100,000 annotations, p50). agreement_units_refresh's
-- INSERT ... SELECT * FROM agreement_units_of(wanted) is planned once and then,
-- cached generic, no longer knows that `wanted` is not NULL: its plan is the one
-- for every transcript (scans of all annotations and spans), run by each of a
-- save's three refreshes (the annotation, its spans deleted, its spans added).
-- Planned for the actual `wanted` on each call instead (about a millisecond).
ALTER FUNCTION "agreement_units_refresh"(INTEGER[]) SET plan_cache_mode = force_custom_plan;
