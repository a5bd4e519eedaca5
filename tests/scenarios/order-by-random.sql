-- expect: order-by-random
-- "Ten random customers from Lisbon": ORDER BY random() reads and sorts all 12,500 of them
-- to keep ten; the cost grows with the table, not with the sample.
-- query
SELECT id, email
FROM customers
WHERE city = 'Lisbon'
ORDER BY random()
LIMIT 10;
