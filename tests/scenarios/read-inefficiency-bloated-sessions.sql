-- expect: read-inefficiency
-- sessions held 130,000 wide rows; a purge deleted all but 1 in 200 (setup.sql). VACUUM
-- made the space reusable but the file still has ~11,800 pages for 650 live rows, and a
-- sequential scan reads every page: ~160 blocks per row returned. VACUUM FULL or
-- pg_repack would shrink it; an index on last_seen_at would avoid the scan.
-- query
SELECT id, customer_id, last_seen_at
FROM sessions
WHERE last_seen_at >= '2023-03-01' AND last_seen_at < '2023-03-11';
