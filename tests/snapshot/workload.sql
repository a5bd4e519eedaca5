-- Workload for the health snapshot fixture (tests/snapshot/run.sh). Deterministic data;
-- autovacuum is off server-wide, so dead rows and missing statistics stay as left here.
-- run.sh runs each part between `-- session` lines in its own psql session: a session
-- hands its statistics counters over when it ends, so VACUUM and ANALYZE then see them.
CREATE EXTENSION IF NOT EXISTS pg_stat_statements;

CREATE TABLE customers (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email       text NOT NULL UNIQUE,
    created_at  timestamptz NOT NULL DEFAULT now()
);
INSERT INTO customers (email, created_at)
SELECT 'user' || g || '@example.com', timestamptz '2024-01-01' + g * interval '1 minute'
FROM generate_series(1, 20000) AS g;

-- 100,000 orders; orders_created_at_idx is never used by any query (unused-index).
CREATE TABLE orders (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id  bigint NOT NULL REFERENCES customers (id),
    status       text NOT NULL,
    amount       numeric(10,2) NOT NULL CHECK (amount >= 0),
    created_at   timestamptz NOT NULL
);
INSERT INTO orders (customer_id, status, amount, created_at)
SELECT 1 + (g * 7919) % 20000,
       CASE WHEN g % 10 = 0 THEN 'open' ELSE 'shipped' END,
       (g % 500) + 0.99,
       timestamptz '2024-01-01' + g * interval '1 minute'
FROM generate_series(1, 100000) AS g;
CREATE INDEX orders_customer_id_idx ON orders (customer_id);
CREATE INDEX orders_created_at_idx ON orders (created_at);

-- Loaded, never analyzed (stale-statistics).
CREATE TABLE events (
    id          bigint PRIMARY KEY,
    kind        text NOT NULL,
    payload     jsonb,
    created_at  timestamptz NOT NULL
);
INSERT INTO events
SELECT g, (ARRAY['click', 'view', 'buy'])[1 + g % 3], jsonb_build_object('n', g), timestamptz '2024-06-01' + g * interval '1 second'
FROM generate_series(1, 30000) AS g;

-- Looked up by sku, which has no index: every lookup is a Seq Scan (seq-scan-heavy-table).
CREATE TABLE products (
    id     integer PRIMARY KEY,
    sku    text NOT NULL,
    name   text NOT NULL,
    price  numeric(10,2)
);
INSERT INTO products SELECT g, 'SKU-' || g, 'Product ' || g, g % 100 FROM generate_series(1, 20000) AS g;

-- A small partitioned table, so the snapshot carries partitions and a partitioned index.
CREATE TABLE measurements (
    sensor_id  integer NOT NULL,
    taken_at   timestamptz NOT NULL,
    value      double precision
) PARTITION BY RANGE (taken_at);
CREATE TABLE measurements_2024 PARTITION OF measurements FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE measurements_2025 PARTITION OF measurements FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE INDEX measurements_sensor_idx ON measurements (sensor_id, taken_at);
INSERT INTO measurements SELECT g % 50, timestamptz '2024-06-01' + g * interval '1 hour', g FROM generate_series(1, 5000) AS g;

-- session
VACUUM ANALYZE customers, orders, products, measurements;

-- session
-- A third of the orders updated and never vacuumed: dead rows (dead-tuples).
UPDATE orders SET status = 'archived' WHERE id % 3 = 0;

-- session
-- ANALYZE keeps the statistics fresh, so only the dead rows stand out.
ANALYZE orders;
