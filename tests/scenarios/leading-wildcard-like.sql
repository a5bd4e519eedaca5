-- expect: leading-wildcard-like
-- Search-as-you-type on email with a pattern that starts with %: a btree index can only
-- serve a LIKE with a fixed prefix, so every customer's email is matched. A trigram (pg_trgm
-- GIN) index serves '%...%' patterns.
-- query
SELECT id, email, city
FROM customers
WHERE email LIKE '%4242%';
