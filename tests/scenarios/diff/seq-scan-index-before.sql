-- expect: seq-scan-selective-filter
-- Before: the query of ../seq-scan-orders-status.sql. Open orders of one country: 0.1% of a
-- 1M-row table, and no index on status.
-- query
SELECT id, customer_id, amount FROM orders WHERE status = 'open' AND country = 'FR';
