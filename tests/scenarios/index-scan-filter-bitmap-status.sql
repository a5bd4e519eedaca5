-- expect: index-scan-filter
-- Open orders of one week: the index on created_at finds the week's ~20,000 orders, then
-- the Filter on status (which no index covers) throws away all but ~20 of them after
-- fetching every one from the heap. An index on (status, created_at), or a partial index
-- WHERE status = 'open', would fetch only the matching rows.
-- query
SELECT id, customer_id, amount
FROM orders
WHERE created_at >= '2023-03-01' AND created_at < '2023-03-08'
  AND status = 'open';
