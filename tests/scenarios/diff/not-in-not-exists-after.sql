-- resolves: not-in-subplan
-- After: the query rewritten with the fix.sql of the before plan's not-in-subplan finding
-- (NOT EXISTS (SELECT 1 FROM public.orders o WHERE (o.created_at < '2023-01-03 00:00:00+00'
-- ::timestamp with time zone) AND o.customer_id = c.id)), same session settings.
SET work_mem = '64kB';
-- query
SELECT c.id, c.email
FROM customers c
WHERE c.created_at < '2020-01-05'
  AND NOT EXISTS (SELECT 1 FROM public.orders o WHERE (o.created_at < '2023-01-03 00:00:00+00'::timestamp with time zone) AND o.customer_id = c.id);
