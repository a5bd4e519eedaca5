-- expect: slow-node
-- How many distinct customers ever ordered: count(DISTINCT) cannot run in parallel and sorts
-- its input inside the Aggregate node (there is no Sort node to see), so the Aggregate's own
-- time is most of the query's.
-- query
SELECT count(DISTINCT customer_id)
FROM orders;
