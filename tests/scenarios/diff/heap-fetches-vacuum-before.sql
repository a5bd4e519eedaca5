-- expect: heap-fetches
-- Before: ../heap-fetches-stale-visibility-map.sql. A batch UPDATE cleared the all-visible
-- bit of nearly every page of stock_movements after its last VACUUM: the Index Only Scan
-- visits the heap for every row.
-- query
SELECT count(*)
FROM stock_movements
WHERE warehouse_id BETWEEN 1 AND 10;
