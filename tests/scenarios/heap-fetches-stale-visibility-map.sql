-- expect: heap-fetches
-- stock_movements was vacuumed (all pages all-visible), then a batch UPDATE touched one row
-- in five, clearing the all-visible bit of nearly every page; autovacuum is off on the table
-- (see setup.sql). The planner still trusts relallvisible from the last VACUUM and picks an
-- Index Only Scan, which must visit the heap for every row to check visibility (and for the
-- dead index entries the UPDATE left behind: more fetches than rows).
-- query
SELECT count(*)
FROM stock_movements
WHERE warehouse_id BETWEEN 1 AND 10;
