-- resolves: row-misestimate, nested-loop-many-loops
-- After: the fix.sql of the before plan's row-misestimate finding, as proposed (inside the
-- transaction run.sh rolls back, so the statistics go back to stale for the other scenarios).
ALTER TABLE public.invoices ALTER COLUMN status SET STATISTICS 1000;
ANALYZE public.invoices;
-- query
SELECT i.id, i.amount, c.email
FROM invoices i
JOIN customers c ON c.id = i.customer_id
WHERE i.status = 'pending';
