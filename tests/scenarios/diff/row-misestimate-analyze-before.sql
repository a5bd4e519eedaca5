-- expect: row-misestimate, nested-loop-many-loops
-- Before: ../row-misestimate-stale-statistics.sql. invoices was analyzed when every row was
-- 'paid'; 50,000 'pending' rows came afterwards and nothing re-analyzed the table. The planner
-- expects 1 pending invoice and picks a Nested Loop over customers' primary key.
-- query
SELECT i.id, i.amount, c.email
FROM invoices i
JOIN customers c ON c.id = i.customer_id
WHERE i.status = 'pending';
