-- expect: (nothing at warning or above)
-- One customer and their orders: a primary-key lookup on customers joined to the ~10
-- orders found through orders_customer_id_idx. Every row read is returned.
-- query
SELECT c.email, o.id, o.amount, o.created_at
FROM customers c
JOIN orders o ON o.customer_id = c.id
WHERE c.id = 4242;
