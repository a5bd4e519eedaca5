-- expect: trigger-time
-- A 5% price increase on 2,000 products: the AFTER UPDATE row trigger products_price_audit
-- (PL/pgSQL, see setup.sql) inserts one price_history row per product, which costs more
-- than the UPDATE itself. (run.sh rolls the UPDATE back after each run.)
-- query
UPDATE products
SET price = price * 1.05
WHERE id <= 2000;
