-- expect: hash-spill
-- Revenue per country for January: the Hash Join builds a hash table of the 100,000
-- customers, which does not fit in work_mem = 64kB (x hash_mem_multiplier 2), so the Hash
-- is split into many batches written to temporary files.
SET work_mem = '64kB';
-- query
SELECT c.country, count(*), sum(o.amount)
FROM orders o
JOIN customers c ON c.id = o.customer_id
WHERE o.created_at < '2023-02-01'
GROUP BY c.country;
