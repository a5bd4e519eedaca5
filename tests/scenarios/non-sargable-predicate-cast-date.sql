-- expect: non-sargable-predicate
-- Orders of one day written as created_at::date = ...: the cast hides created_at from
-- orders_created_at_idx, so every row is read and cast. The range
-- created_at >= '2023-03-15' AND created_at < '2023-03-16' would use the index.
-- query
SELECT count(*), sum(amount)
FROM orders
WHERE created_at::date = '2023-03-15';
