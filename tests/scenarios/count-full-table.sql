-- expect: count-full-table
-- An exact row count of the whole orders table for a dashboard badge: 1M index entries are
-- read (a parallel index-only scan) to produce one number. pg_class.reltuples, or a counter
-- maintained elsewhere, is instant.
-- query
SELECT count(*) FROM orders;
