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

VACUUM ANALYZE;
