-- expect: (nothing at warning or above)
-- The first 50 orders of one hour, in created_at order: an index range scan that the Limit
-- stops after 50 rows; no sort, no filter.
-- query
SELECT id, customer_id, amount, created_at
FROM orders
WHERE created_at >= '2023-06-01 12:00' AND created_at < '2023-06-01 13:00'
ORDER BY created_at
LIMIT 50;
