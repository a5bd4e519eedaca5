-- expect: missing-instrumentation
-- EXPLAIN ANALYZE with TIMING OFF and without BUFFERS: actual rows and loops are there, but
-- no per-node times and no buffer counts, so time- and I/O-based rules cannot apply.
-- explain: (ANALYZE, TIMING OFF, VERBOSE, SETTINGS)
-- query
SELECT c.email, count(*)
FROM orders o
JOIN customers c ON c.id = o.customer_id
WHERE o.status = 'open'
GROUP BY c.email;
