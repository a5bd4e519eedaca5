-- expect: row-misestimate
-- postcode determines region, but the planner multiplies their selectivities as if
-- they were independent: 1/1000 * 1/100 of 1M rows = 10 expected, 1,000 real.
SET max_parallel_workers_per_gather = 0;
-- query
SELECT id, amount FROM orders WHERE postcode = '00042' AND region = 'R42';
