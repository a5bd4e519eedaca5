-- expect: missing-instrumentation
-- Plain EXPLAIN without ANALYZE: only estimates, no actual rows, times or buffers, so no
-- execution rule can say anything about this plan.
-- explain: (VERBOSE, SETTINGS)
-- query
SELECT c.email, count(*)
FROM orders o
JOIN customers c ON c.id = o.customer_id
WHERE o.status = 'open'
GROUP BY c.email;
