-- resolves: seq-scan-selective-filter
-- After: the fix.sql of the before plan's seq-scan-selective-filter finding, run as proposed
-- except for CONCURRENTLY, which cannot run inside the transaction run.sh rolls back (the
-- index built is the same).
-- Proposed: CREATE INDEX CONCURRENTLY orders_country_idx ON public.orders (country) WHERE status = 'open';
CREATE INDEX orders_country_idx ON public.orders (country) WHERE status = 'open';
-- query
SELECT id, customer_id, amount FROM orders WHERE status = 'open' AND country = 'FR';
