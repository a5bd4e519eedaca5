-- resolves: large-offset
-- After: the keyset query of the before plan's large-offset finding, its $1 bound to the
-- created_at of the last row of the previous page (row 50,000: 2023-01-18 08:40:00+00).
-- Proposed: SELECT id, customer_id, amount, created_at FROM public.orders WHERE orders.created_at > $1 ORDER BY orders.created_at LIMIT 20;
-- query
SELECT id, customer_id, amount, created_at FROM public.orders WHERE orders.created_at > '2023-01-18 08:40:00+00' ORDER BY orders.created_at LIMIT 20;
