-- expect: high-planning-time
-- readings is partitioned by day (365 partitions, each with its own index on
-- (sensor_id, taken_at); see setup.sql). The latest 10 readings of one sensor cannot be
-- pruned by time, so the planner builds a Merge Append over 365 index scans; executing it
-- takes a few milliseconds (one index probe per partition), planning it takes longer.
-- query
SELECT taken_at, value
FROM readings
WHERE sensor_id = 7
ORDER BY taken_at DESC
LIMIT 10;
