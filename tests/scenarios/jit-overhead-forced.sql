-- expect: jit-overhead
-- JIT forced on for a short query (run.sh starts the server with jit = off; SET jit = on
-- overrides it, and the zero thresholds make even this cheap plan compile, inline and
-- optimize its expressions with LLVM). Compiling takes far longer than the ~1 ms the query
-- itself needs. This PostgreSQL build has llvmjit.
SET jit = on;
SET jit_above_cost = 0;
SET jit_inline_above_cost = 0;
SET jit_optimize_above_cost = 0;
-- query
SELECT c.city, count(*), sum(o.amount)
FROM orders o
JOIN customers c ON c.id = o.customer_id
WHERE o.customer_id BETWEEN 100 AND 120
GROUP BY c.city;
