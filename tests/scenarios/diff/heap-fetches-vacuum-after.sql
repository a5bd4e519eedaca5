-- resolves: heap-fetches
-- transaction: none
-- After: the fix.sql of the before plan's heap-fetches finding, as proposed. VACUUM cannot
-- run in a transaction, so this scenario changes the database: diff/run.sh gives it a
-- PostgreSQL of its own. Both statements are idempotent (run.sh runs the setup once per format).
VACUUM (ANALYZE) public.stock_movements;
ALTER TABLE public.stock_movements SET (autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_insert_scale_factor = 0.01);
-- query
SELECT count(*)
FROM stock_movements
WHERE warehouse_id BETWEEN 1 AND 10;
