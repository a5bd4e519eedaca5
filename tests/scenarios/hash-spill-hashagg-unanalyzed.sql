-- expect: hash-spill, row-misestimate
-- A staging table queried right after its bulk load, before any ANALYZE (autovacuum off on
-- it, see setup.sql). Without statistics the planner assumes 200 distinct customer_id
-- values, so a HashAggregate looks like it fits in memory; the real 100,000 groups do not
-- fit in work_mem = 1MB and the HashAggregate spills to disk in many batches.
SET work_mem = '1MB';
-- query
SELECT customer_id, count(*), sum(amount)
FROM order_imports
GROUP BY customer_id;
