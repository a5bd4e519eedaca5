-- Synthetic dataset for the plan scenarios. Deterministic: setseed() before each random().
SELECT setseed(0.42);

CREATE TABLE customers (
    id          bigint PRIMARY KEY,
    email       text NOT NULL,
    city        text NOT NULL,
    country     text NOT NULL,
    created_at  timestamptz NOT NULL
);
INSERT INTO customers
SELECT g,
       'user' || g || '@example.com',
       (ARRAY['Paris','Lyon','Berlin','Munich','Madrid','Rome','Lisbon','Vienna'])[1 + g % 8],
       (ARRAY['FR','FR','DE','DE','ES','IT','PT','AT'])[1 + g % 8],
       timestamptz '2020-01-01' + (g % 1500) * interval '1 day'
FROM generate_series(1, 100000) AS g;
CREATE INDEX customers_email_idx ON customers (email);

-- 1M orders; status is skewed: 0.1% 'open', the rest 'shipped'/'cancelled'.
-- postcode (1,000 values) determines region (100 values): correlated columns.
CREATE TABLE orders (
    id           bigint PRIMARY KEY,
    customer_id  bigint NOT NULL REFERENCES customers (id),
    status       text NOT NULL,
    city         text NOT NULL,
    country      text NOT NULL,
    postcode     text NOT NULL,
    region       text NOT NULL,
    amount       numeric(10,2) NOT NULL,
    note         text,
    created_at   timestamptz NOT NULL
);
INSERT INTO orders
SELECT g,
       1 + (g * 7919) % 100000,
       CASE WHEN g % 1000 = 0 THEN 'open' WHEN g % 10 = 0 THEN 'cancelled' ELSE 'shipped' END,
       (ARRAY['Paris','Lyon','Berlin','Munich','Madrid','Rome','Lisbon','Vienna'])[1 + (g * 7919) % 100000 % 8],
       (ARRAY['FR','FR','DE','DE','ES','IT','PT','AT'])[1 + (g * 7919) % 100000 % 8],
       lpad((g % 1000)::text, 5, '0'),
       'R' || (g % 1000 % 100),
       round((random() * 500)::numeric, 2),
       CASE WHEN g % 97 = 0 THEN 'gift wrap please' ELSE 'standard delivery' END,
       timestamptz '2023-01-01' + (g % 525600) * interval '1 minute'
FROM generate_series(1::bigint, 1000000) AS g;
CREATE INDEX orders_created_at_idx ON orders (created_at);
-- The foreign key's index: customer_id values are spread over the whole table.
CREATE INDEX orders_customer_id_idx ON orders (customer_id);

CREATE TABLE order_items (
    order_id    bigint NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    line        int NOT NULL,
    sku         text NOT NULL,
    quantity    int NOT NULL,
    PRIMARY KEY (order_id, line)
);
INSERT INTO order_items
SELECT o, l, 'SKU-' || ((o * l) % 5000), 1 + (o + l) % 5
FROM generate_series(1, 200000) AS o, generate_series(1, 3) AS l;


-- ---------------------------------------------------------------------------------------
-- Scenario-specific tables. Scenarios run inside BEGIN ... ROLLBACK (see run.sh), so the
-- state below is what every run of every scenario sees.

-- Partitioned by month on a timestamp (no-partition-pruning): 12 partitions for 2023,
-- 20,000 events a month.
CREATE TABLE events (
    id          bigint NOT NULL,
    customer_id bigint NOT NULL,
    kind        text NOT NULL,
    created_at  timestamptz NOT NULL
) PARTITION BY RANGE (created_at);
DO $$
BEGIN
  FOR m IN 1..12 LOOP
    EXECUTE format('CREATE TABLE events_2023_%s PARTITION OF events FOR VALUES FROM (%L) TO (%L)',
                   lpad(m::text, 2, '0'),
                   make_timestamptz(2023, m, 1, 0, 0, 0, 'UTC'),
                   make_timestamptz(2023, m, 1, 0, 0, 0, 'UTC') + interval '1 month');
  END LOOP;
END $$;
INSERT INTO events
SELECT g, 1 + (g * 31) % 100000,
       (ARRAY['login','view','cart','checkout'])[1 + g % 4],
       timestamptz '2023-01-01 00:00:00+00' + (g % 240000) * (interval '1 year' / 240000)
FROM generate_series(1, 240000) AS g;

-- Parent and child of a foreign key whose referencing column has no index (trigger-time).
-- Accounts 1..10,000 have events; 10,001..20,000 were closed without any.
CREATE TABLE accounts (
    id         bigint PRIMARY KEY,
    name       text NOT NULL,
    closed_at  timestamptz
);
INSERT INTO accounts
SELECT g, 'account ' || g, CASE WHEN g > 10000 THEN timestamptz '2023-06-01' + (g % 100) * interval '1 day' END
FROM generate_series(1, 20000) AS g;
CREATE TABLE account_events (
    id          bigint PRIMARY KEY,
    account_id  bigint NOT NULL REFERENCES accounts (id),   -- no index on account_id
    kind        text NOT NULL,
    created_at  timestamptz NOT NULL
);
INSERT INTO account_events
SELECT g, 1 + g % 10000, (ARRAY['deposit','withdrawal','fee'])[1 + g % 3],
       timestamptz '2023-01-01' + g * interval '1 minute'
FROM generate_series(1, 50000) AS g;

-- An audited table: every UPDATE writes a row to price_history through a PL/pgSQL trigger.
CREATE TABLE products (
    id     bigint PRIMARY KEY,
    sku    text NOT NULL,
    price  numeric(10,2) NOT NULL
);
INSERT INTO products SELECT g, 'SKU-' || g, 10 + g % 90 FROM generate_series(1, 20000) AS g;
CREATE TABLE price_history (
    product_id  bigint NOT NULL,
    old_price   numeric(10,2) NOT NULL,
    new_price   numeric(10,2) NOT NULL,
    changed_at  timestamptz NOT NULL
);
CREATE FUNCTION log_price_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.price IS DISTINCT FROM OLD.price THEN
    INSERT INTO price_history VALUES (OLD.id, OLD.price, NEW.price, now());
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER products_price_audit AFTER UPDATE ON products
  FOR EACH ROW EXECUTE FUNCTION log_price_change();

-- Sessions after a mass purge (read-inefficiency): 130,000 wide rows, then all but 1 in 200
-- deleted. VACUUM frees the space but the file keeps its ~12,000 pages.
CREATE TABLE sessions (
    id            bigint PRIMARY KEY,
    customer_id   bigint NOT NULL,
    payload       text NOT NULL,
    last_seen_at  timestamptz NOT NULL
) WITH (autovacuum_enabled = false);
INSERT INTO sessions
SELECT g, 1 + g % 100000, repeat(md5(g::text), 20),
       timestamptz '2023-01-01' + g * interval '1 minute'
FROM generate_series(1, 130000) AS g;
DELETE FROM sessions WHERE id % 200 <> 0;

-- Sensor readings partitioned by day: 365 partitions, each with its own index
-- (high-planning-time: a query that cannot prune plans all 365 of them).
CREATE TABLE readings (
    sensor_id  int NOT NULL,
    taken_at   timestamptz NOT NULL,
    value      double precision NOT NULL
) PARTITION BY RANGE (taken_at);
DO $$
BEGIN
  FOR d IN 0..364 LOOP
    EXECUTE format('CREATE TABLE readings_%s PARTITION OF readings FOR VALUES FROM (%L) TO (%L)',
                   to_char(date '2023-01-01' + d, 'YYYYMMDD'),
                   make_timestamptz(2023, 1, 1, 0, 0, 0, 'UTC') + d * interval '1 day',
                   make_timestamptz(2023, 1, 1, 0, 0, 0, 'UTC') + (d + 1) * interval '1 day');
  END LOOP;
END $$;
CREATE INDEX readings_sensor_taken_idx ON readings (sensor_id, taken_at);
INSERT INTO readings
SELECT 1 + g % 50, timestamptz '2023-01-01 00:00:00+00' + g * interval '5 minutes', g % 1000
FROM generate_series(0, 365 * 288 - 1) AS g;

VACUUM ANALYZE;

-- ---------------------------------------------------------------------------------------
-- State that must stay stale: created after the VACUUM ANALYZE above, autovacuum off.

-- Stale statistics (row-misestimate): ANALYZE saw only paid invoices, then a nightly import
-- loaded 50,000 pending ones; autovacuum is off, so nothing re-analyzed the table.
CREATE TABLE invoices (
    id           bigint PRIMARY KEY,
    customer_id  bigint NOT NULL,
    status       text NOT NULL,
    amount       numeric(10,2) NOT NULL,
    issued_at    timestamptz NOT NULL
) WITH (autovacuum_enabled = false);
INSERT INTO invoices
SELECT g, 1 + (g * 13) % 100000, 'paid', 10 + g % 490, timestamptz '2022-01-01' + g * interval '2 minutes'
FROM generate_series(1, 200000) AS g;
ANALYZE invoices;
INSERT INTO invoices
SELECT g, 1 + (g * 13) % 100000, 'pending', 10 + g % 490, timestamptz '2023-01-01' + g * interval '1 minute'
FROM generate_series(200001, 250000) AS g;

-- Stale visibility map (heap-fetches): VACUUM marked every page all-visible, then a batch
-- UPDATE touched one row in five, which clears the all-visible bit of nearly every page.
CREATE TABLE stock_movements (
    id            bigint PRIMARY KEY,
    warehouse_id  int NOT NULL,
    sku           text NOT NULL,
    quantity      int NOT NULL,
    checked       boolean NOT NULL DEFAULT false
) WITH (autovacuum_enabled = false);
INSERT INTO stock_movements
SELECT g, 1 + g % 100, 'SKU-' || (g % 5000), 1 + g % 20, false
FROM generate_series(1, 300000) AS g;
CREATE INDEX stock_movements_warehouse_sku_idx ON stock_movements (warehouse_id, sku);
VACUUM ANALYZE stock_movements;
UPDATE stock_movements SET checked = true WHERE id % 5 = 0;

-- A staging table queried right after its load, before anything analyzed it: the planner
-- falls back to a default of 200 groups for GROUP BY customer_id (hash-spill).
CREATE TABLE order_imports (
    line_no      bigint NOT NULL,
    customer_id  bigint NOT NULL,
    sku          text NOT NULL,
    amount       numeric(10,2) NOT NULL
) WITH (autovacuum_enabled = false);
INSERT INTO order_imports
SELECT g, 1 + (g * 7) % 100000, 'SKU-' || (g % 5000), 1 + g % 300
FROM generate_series(1, 300000) AS g;
