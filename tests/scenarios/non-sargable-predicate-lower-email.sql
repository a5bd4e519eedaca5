-- expect: non-sargable-predicate
-- Case-insensitive login lookup: lower(email) hides the column from customers_email_idx, so
-- the whole table is scanned and lower() computed for every row. An expression index on
-- lower(email) (or a citext column) would make it an index lookup.
-- query
SELECT id, email, city
FROM customers
WHERE lower(email) = 'user4242@example.com';
