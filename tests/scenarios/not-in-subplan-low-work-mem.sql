-- expect: not-in-subplan
-- NOT IN over a subquery of ~5,800 order rows: with work_mem = 64kB the planner cannot hash
-- the subquery's result (it would not fit in hash_mem), so the SubPlan is a plain one that
-- rescans the materialized list for each of the ~270 customers tested (Materialize
-- loops=267). NOT EXISTS would become a hash anti join.
SET work_mem = '64kB';
-- query
SELECT c.id, c.email
FROM customers c
WHERE c.created_at < '2020-01-05'
  AND c.id NOT IN (SELECT o.customer_id FROM orders o WHERE o.created_at < '2023-01-03');
