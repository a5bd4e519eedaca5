-- expect: nested-loop-many-loops, planner-settings-changed
-- Hash and merge joins disabled in the session: the only join left is a Nested Loop that
-- probes customers' primary key once per order of the week, ~20,000 times.
SET enable_hashjoin = off;
SET enable_mergejoin = off;
-- query
SELECT c.city, count(*), sum(o.amount)
FROM orders o
JOIN customers c ON c.id = o.customer_id
WHERE o.created_at >= '2023-03-01' AND o.created_at < '2023-03-08'
GROUP BY c.city;
