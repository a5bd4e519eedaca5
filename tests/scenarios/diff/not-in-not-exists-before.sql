-- expect: not-in-subplan
-- Before: ../not-in-subplan-low-work-mem.sql. NOT IN over a subquery too large to hash in
-- work_mem = 64kB: a plain SubPlan rescans the materialized list for each customer.
SET work_mem = '64kB';
-- query
SELECT c.id, c.email
FROM customers c
WHERE c.created_at < '2020-01-05'
  AND c.id NOT IN (SELECT o.customer_id FROM orders o WHERE o.created_at < '2023-01-03');
