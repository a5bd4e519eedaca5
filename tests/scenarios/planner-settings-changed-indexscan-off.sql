-- expect: planner-settings-changed, seq-scan-selective-filter
-- A session left with index and bitmap scans disabled (a debugging leftover): a primary-key
-- lookup becomes a parallel sequential scan of 1M rows. Settings lists the enable_* = off.
SET enable_indexscan = off;
SET enable_bitmapscan = off;
-- query
SELECT * FROM orders WHERE id = 424242;
