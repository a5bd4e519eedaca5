-- expect: (nothing at warning or above)
-- query
SELECT * FROM orders WHERE id = 424242;
