-- The queries the application runs, after pg_stat_statements_reset(): each \gexec
-- line runs its generated statements one by one, as top-level statements.
SELECT format('SELECT * FROM products WHERE sku = %L', 'SKU-' || (g * 37) % 20000) FROM generate_series(1, 300) AS g \gexec
SELECT format('SELECT id, status, amount FROM orders WHERE customer_id = %s', 1 + (g * 13) % 20000) FROM generate_series(1, 200) AS g \gexec
SELECT format('SELECT count(*) FROM orders WHERE status = %L', 'open') FROM generate_series(1, 5) AS g \gexec
