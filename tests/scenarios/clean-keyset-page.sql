-- expect: (nothing at warning or above)
-- Keyset pagination: the next 20 orders after the last one seen. The index scan's estimate
-- is the whole open-ended range (~500,000 rows) but the Limit stops it after 20: that gap
-- is the Limit at work, not a misestimate.
-- query
SELECT id, customer_id, amount, created_at
FROM orders
WHERE created_at > '2023-06-01 12:00:00+00'
ORDER BY created_at
LIMIT 20;
