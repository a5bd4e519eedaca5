-- expect: row-misestimate, nested-loop-many-loops
-- Stale statistics: invoices was analyzed when every row was 'paid'; 50,000 'pending' rows
-- were loaded afterwards and, with autovacuum off on the table (see setup.sql), nothing
-- re-analyzed it. The planner expects 1 pending invoice (a value missing from the MCV list
-- of a single-valued column) and gets 50,000: it picks a Nested Loop that probes customers'
-- primary key 50,000 times where a Hash Join would scan customers once.
-- query
SELECT i.id, i.amount, c.email
FROM invoices i
JOIN customers c ON c.id = i.customer_id
WHERE i.status = 'pending';
