--
-- PostgreSQL database dump
--

\restrict d4t6KobcJDAryxwSdNZEJ1unSoCBryf9yGp5TrHNxitWbDYEQcJhPSdiO0j39c4

-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: shop; Type: SCHEMA; Schema: -; Owner: postgres
--

CREATE SCHEMA shop;


ALTER SCHEMA shop OWNER TO postgres;

--
-- Name: btree_gist; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS btree_gist WITH SCHEMA public;


--
-- Name: EXTENSION btree_gist; Type: COMMENT; Schema: -; Owner: 
--

COMMENT ON EXTENSION btree_gist IS 'support for indexing common datatypes in GiST';


--
-- Name: citext; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS citext WITH SCHEMA public;


--
-- Name: EXTENSION citext; Type: COMMENT; Schema: -; Owner: 
--

COMMENT ON EXTENSION citext IS 'data type for case-insensitive character strings';


--
-- Name: pg_trgm; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;


--
-- Name: EXTENSION pg_trgm; Type: COMMENT; Schema: -; Owner: 
--

COMMENT ON EXTENSION pg_trgm IS 'text similarity measurement and index searching based on trigrams';


--
-- Name: email; Type: DOMAIN; Schema: shop; Owner: postgres
--

CREATE DOMAIN shop.email AS public.citext
	CONSTRAINT email_check CHECK ((VALUE OPERATOR(public.~) '^[^@\s]+@[^@\s]+$'::public.citext));


ALTER DOMAIN shop.email OWNER TO postgres;

--
-- Name: money_amount; Type: TYPE; Schema: shop; Owner: postgres
--

CREATE TYPE shop.money_amount AS (
	amount numeric(12,2),
	currency character(3)
);


ALTER TYPE shop.money_amount OWNER TO postgres;

--
-- Name: order_status; Type: TYPE; Schema: shop; Owner: postgres
--

CREATE TYPE shop.order_status AS ENUM (
    'cart',
    'placed',
    'paid',
    'shipped',
    'cancelled'
);


ALTER TYPE shop.order_status OWNER TO postgres;

--
-- Name: positive_qty; Type: DOMAIN; Schema: shop; Owner: postgres
--

CREATE DOMAIN shop.positive_qty AS integer NOT NULL DEFAULT 1
	CONSTRAINT positive_qty_check CHECK ((VALUE > 0));


ALTER DOMAIN shop.positive_qty OWNER TO postgres;

--
-- Name: cancel_stale_carts(interval); Type: PROCEDURE; Schema: shop; Owner: postgres
--

CREATE PROCEDURE shop.cancel_stale_carts(IN older_than interval)
    LANGUAGE plpgsql
    AS $$
BEGIN
    UPDATE orders SET status = 'cancelled' WHERE status = 'cart' AND placed_at < now() - older_than;
END
$$;


ALTER PROCEDURE shop.cancel_stale_carts(IN older_than interval) OWNER TO postgres;

SET default_table_access_method = heap;

--
-- Name: order_lines; Type: TABLE; Schema: shop; Owner: postgres
--

CREATE TABLE shop.order_lines (
    order_id bigint NOT NULL,
    placed_at timestamp with time zone NOT NULL,
    line_no smallint NOT NULL,
    product_id bigint NOT NULL,
    quantity shop.positive_qty,
    unit_price numeric(12,2) NOT NULL
);


ALTER TABLE shop.order_lines OWNER TO postgres;

--
-- Name: order_total(bigint); Type: FUNCTION; Schema: shop; Owner: postgres
--

CREATE FUNCTION shop.order_total(p_order_id bigint) RETURNS numeric
    LANGUAGE sql STABLE
    BEGIN ATOMIC
 SELECT COALESCE(sum(((order_lines.quantity)::numeric * order_lines.unit_price)), (0)::numeric) AS "coalesce"
    FROM shop.order_lines
   WHERE (order_lines.order_id = order_total.p_order_id);
END;


ALTER FUNCTION shop.order_total(p_order_id bigint) OWNER TO postgres;

--
-- Name: touch_total(); Type: FUNCTION; Schema: shop; Owner: postgres
--

CREATE FUNCTION shop.touch_total() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    UPDATE orders SET total = order_total(NEW.order_id) WHERE order_id = NEW.order_id;
    RETURN NEW; -- the line itself is unchanged
END;
$$;


ALTER FUNCTION shop.touch_total() OWNER TO postgres;

--
-- Name: product_concat(text); Type: AGGREGATE; Schema: shop; Owner: postgres
--

CREATE AGGREGATE shop.product_concat(text) (
    SFUNC = textcat,
    STYPE = text,
    INITCOND = ''
);


ALTER AGGREGATE shop.product_concat(text) OWNER TO postgres;

--
-- Name: cart_events; Type: TABLE; Schema: shop; Owner: postgres
--

CREATE TABLE shop.cart_events (
    customer_id bigint NOT NULL,
    happened_at timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
    payload jsonb
)
PARTITION BY HASH (customer_id);


ALTER TABLE shop.cart_events OWNER TO postgres;

--
-- Name: cart_events_p0; Type: TABLE; Schema: shop; Owner: postgres
--

CREATE TABLE shop.cart_events_p0 (
    customer_id bigint NOT NULL,
    happened_at timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
    payload jsonb
);


ALTER TABLE shop.cart_events_p0 OWNER TO postgres;

--
-- Name: cart_events_p1; Type: TABLE; Schema: shop; Owner: postgres
--

CREATE TABLE shop.cart_events_p1 (
    customer_id bigint NOT NULL,
    happened_at timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
    payload jsonb
);


ALTER TABLE shop.cart_events_p1 OWNER TO postgres;

--
-- Name: categories; Type: TABLE; Schema: shop; Owner: postgres
--

CREATE TABLE shop.categories (
    category_id integer NOT NULL,
    parent_id integer,
    slug character varying(64) NOT NULL,
    name text NOT NULL
);


ALTER TABLE shop.categories OWNER TO postgres;

--
-- Name: categories_category_id_seq; Type: SEQUENCE; Schema: shop; Owner: postgres
--

CREATE SEQUENCE shop.categories_category_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE shop.categories_category_id_seq OWNER TO postgres;

--
-- Name: categories_category_id_seq; Type: SEQUENCE OWNED BY; Schema: shop; Owner: postgres
--

ALTER SEQUENCE shop.categories_category_id_seq OWNED BY shop.categories.category_id;


--
-- Name: customers; Type: TABLE; Schema: shop; Owner: postgres
--

CREATE TABLE shop.customers (
    customer_id bigint NOT NULL,
    email shop.email NOT NULL,
    display_name text NOT NULL,
    referred_by bigint,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted_at timestamp with time zone,
    CONSTRAINT display_name_not_blank CHECK ((btrim(display_name) <> ''::text))
);


ALTER TABLE shop.customers OWNER TO postgres;

--
-- Name: TABLE customers; Type: COMMENT; Schema: shop; Owner: postgres
--

COMMENT ON TABLE shop.customers IS 'People who can log in; soft-deleted via deleted_at.';


--
-- Name: COLUMN customers.email; Type: COMMENT; Schema: shop; Owner: postgres
--

COMMENT ON COLUMN shop.customers.email IS 'Case-insensitive, unique.';


--
-- Name: customers_customer_id_seq; Type: SEQUENCE; Schema: shop; Owner: postgres
--

ALTER TABLE shop.customers ALTER COLUMN customer_id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME shop.customers_customer_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: products; Type: TABLE; Schema: shop; Owner: postgres
--

CREATE TABLE shop.products (
    product_id bigint NOT NULL,
    category_id integer NOT NULL,
    sku text NOT NULL,
    title text NOT NULL,
    description text,
    price numeric(12,2) NOT NULL,
    tags text[] DEFAULT '{}'::text[] NOT NULL,
    attributes jsonb,
    search_title text GENERATED ALWAYS AS (lower(title)) STORED,
    discontinued boolean DEFAULT false NOT NULL,
    replaced_by bigint,
    CONSTRAINT products_price_check CHECK ((price >= (0)::numeric))
);


ALTER TABLE shop.products OWNER TO postgres;

--
-- Name: live_products; Type: VIEW; Schema: shop; Owner: postgres
--

CREATE VIEW shop.live_products AS
 SELECT p.product_id,
    p.sku,
    p.title,
    c.name AS category
   FROM (shop.products p
     JOIN shop.categories c USING (category_id))
  WHERE (NOT p.discontinued);


ALTER TABLE shop.live_products OWNER TO postgres;

--
-- Name: orders; Type: TABLE; Schema: shop; Owner: postgres
--

CREATE TABLE shop.orders (
    order_id bigint NOT NULL,
    customer_id bigint NOT NULL,
    status shop.order_status DEFAULT 'cart'::shop.order_status NOT NULL,
    placed_at timestamp with time zone NOT NULL,
    total numeric(12,2)
)
PARTITION BY RANGE (placed_at);


ALTER TABLE shop.orders OWNER TO postgres;

--
-- Name: monthly_revenue; Type: MATERIALIZED VIEW; Schema: shop; Owner: postgres
--

CREATE MATERIALIZED VIEW shop.monthly_revenue AS
 SELECT date_trunc('month'::text, orders.placed_at) AS month,
    sum(orders.total) AS revenue
   FROM shop.orders
  WHERE (orders.status = ANY (ARRAY['paid'::shop.order_status, 'shipped'::shop.order_status]))
  GROUP BY (date_trunc('month'::text, orders.placed_at))
  WITH NO DATA;


ALTER TABLE shop.monthly_revenue OWNER TO postgres;

--
-- Name: orders_2024_01; Type: TABLE; Schema: shop; Owner: postgres
--

CREATE TABLE shop.orders_2024_01 (
    order_id bigint NOT NULL,
    customer_id bigint NOT NULL,
    status shop.order_status DEFAULT 'cart'::shop.order_status NOT NULL,
    placed_at timestamp with time zone NOT NULL,
    total numeric(12,2)
);


ALTER TABLE shop.orders_2024_01 OWNER TO postgres;

--
-- Name: orders_2024_02; Type: TABLE; Schema: shop; Owner: postgres
--

CREATE TABLE shop.orders_2024_02 (
    order_id bigint NOT NULL,
    customer_id bigint NOT NULL,
    status shop.order_status DEFAULT 'cart'::shop.order_status NOT NULL,
    placed_at timestamp with time zone NOT NULL,
    total numeric(12,2)
);


ALTER TABLE shop.orders_2024_02 OWNER TO postgres;

--
-- Name: orders_default; Type: TABLE; Schema: shop; Owner: postgres
--

CREATE TABLE shop.orders_default (
    order_id bigint NOT NULL,
    customer_id bigint NOT NULL,
    status shop.order_status DEFAULT 'cart'::shop.order_status NOT NULL,
    placed_at timestamp with time zone NOT NULL,
    total numeric(12,2)
);


ALTER TABLE shop.orders_default OWNER TO postgres;

--
-- Name: orders_order_id_seq; Type: SEQUENCE; Schema: shop; Owner: postgres
--

ALTER TABLE shop.orders ALTER COLUMN order_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME shop.orders_order_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: products_product_id_seq; Type: SEQUENCE; Schema: shop; Owner: postgres
--

CREATE SEQUENCE shop.products_product_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE shop.products_product_id_seq OWNER TO postgres;

--
-- Name: products_product_id_seq; Type: SEQUENCE OWNED BY; Schema: shop; Owner: postgres
--

ALTER SEQUENCE shop.products_product_id_seq OWNED BY shop.products.product_id;


--
-- Name: promotions; Type: TABLE; Schema: shop; Owner: postgres
--

CREATE TABLE shop.promotions (
    promotion_id integer NOT NULL,
    product_id bigint NOT NULL,
    during tstzrange NOT NULL,
    percent_off smallint NOT NULL,
    CONSTRAINT promotions_percent_off_check CHECK (((percent_off >= 1) AND (percent_off <= 90)))
);


ALTER TABLE shop.promotions OWNER TO postgres;

--
-- Name: promotions_promotion_id_seq; Type: SEQUENCE; Schema: shop; Owner: postgres
--

ALTER TABLE shop.promotions ALTER COLUMN promotion_id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME shop.promotions_promotion_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: cart_events_p0; Type: TABLE ATTACH; Schema: shop; Owner: postgres
--

ALTER TABLE ONLY shop.cart_events ATTACH PARTITION shop.cart_events_p0 FOR VALUES WITH (modulus 2, remainder 0);


--
-- Name: cart_events_p1; Type: TABLE ATTACH; Schema: shop; Owner: postgres
--

ALTER TABLE ONLY shop.cart_events ATTACH PARTITION shop.cart_events_p1 FOR VALUES WITH (modulus 2, remainder 1);


--
-- Name: orders_2024_01; Type: TABLE ATTACH; Schema: shop; Owner: postgres
--

ALTER TABLE ONLY shop.orders ATTACH PARTITION shop.orders_2024_01 FOR VALUES FROM ('2024-01-01 00:00:00+00') TO ('2024-02-01 00:00:00+00');


--
-- Name: orders_2024_02; Type: TABLE ATTACH; Schema: shop; Owner: postgres
--

ALTER TABLE ONLY shop.orders ATTACH PARTITION shop.orders_2024_02 FOR VALUES FROM ('2024-02-01 00:00:00+00') TO ('2024-03-01 00:00:00+00');


--
-- Name: orders_default; Type: TABLE ATTACH; Schema: shop; Owner: postgres
--

ALTER TABLE ONLY shop.orders ATTACH PARTITION shop.orders_default DEFAULT;


--
-- Name: categories category_id; Type: DEFAULT; Schema: shop; Owner: postgres
--

ALTER TABLE ONLY shop.categories ALTER COLUMN category_id SET DEFAULT nextval('shop.categories_category_id_seq'::regclass);


--
-- Name: products product_id; Type: DEFAULT; Schema: shop; Owner: postgres
--

ALTER TABLE ONLY shop.products ALTER COLUMN product_id SET DEFAULT nextval('shop.products_product_id_seq'::regclass);


--
-- Name: categories categories_pkey; Type: CONSTRAINT; Schema: shop; Owner: postgres
--

ALTER TABLE ONLY shop.categories
    ADD CONSTRAINT categories_pkey PRIMARY KEY (category_id);


--
-- Name: categories categories_slug_key; Type: CONSTRAINT; Schema: shop; Owner: postgres
--

ALTER TABLE ONLY shop.categories
    ADD CONSTRAINT categories_slug_key UNIQUE (slug);


--
-- Name: customers customers_email_key; Type: CONSTRAINT; Schema: shop; Owner: postgres
--

ALTER TABLE ONLY shop.customers
    ADD CONSTRAINT customers_email_key UNIQUE (email);


--
-- Name: customers customers_pkey; Type: CONSTRAINT; Schema: shop; Owner: postgres
--

ALTER TABLE ONLY shop.customers
    ADD CONSTRAINT customers_pkey PRIMARY KEY (customer_id);


--
-- Name: order_lines order_lines_pkey; Type: CONSTRAINT; Schema: shop; Owner: postgres
--

ALTER TABLE ONLY shop.order_lines
    ADD CONSTRAINT order_lines_pkey PRIMARY KEY (order_id, placed_at, line_no);


--
-- Name: orders orders_pkey; Type: CONSTRAINT; Schema: shop; Owner: postgres
--

ALTER TABLE ONLY shop.orders
    ADD CONSTRAINT orders_pkey PRIMARY KEY (order_id, placed_at);


--
-- Name: orders_2024_01 orders_2024_01_pkey; Type: CONSTRAINT; Schema: shop; Owner: postgres
--

ALTER TABLE ONLY shop.orders_2024_01
    ADD CONSTRAINT orders_2024_01_pkey PRIMARY KEY (order_id, placed_at);


--
-- Name: orders_2024_02 orders_2024_02_pkey; Type: CONSTRAINT; Schema: shop; Owner: postgres
--

ALTER TABLE ONLY shop.orders_2024_02
    ADD CONSTRAINT orders_2024_02_pkey PRIMARY KEY (order_id, placed_at);


--
-- Name: orders_default orders_default_pkey; Type: CONSTRAINT; Schema: shop; Owner: postgres
--

ALTER TABLE ONLY shop.orders_default
    ADD CONSTRAINT orders_default_pkey PRIMARY KEY (order_id, placed_at);


--
-- Name: products products_pkey; Type: CONSTRAINT; Schema: shop; Owner: postgres
--

ALTER TABLE ONLY shop.products
    ADD CONSTRAINT products_pkey PRIMARY KEY (product_id);


--
-- Name: promotions promotions_pkey; Type: CONSTRAINT; Schema: shop; Owner: postgres
--

ALTER TABLE ONLY shop.promotions
    ADD CONSTRAINT promotions_pkey PRIMARY KEY (promotion_id);


--
-- Name: promotions promotions_product_id_during_excl; Type: CONSTRAINT; Schema: shop; Owner: postgres
--

ALTER TABLE ONLY shop.promotions
    ADD CONSTRAINT promotions_product_id_during_excl EXCLUDE USING gist (product_id WITH =, during WITH &&);


--
-- Name: cart_events_happened_brin; Type: INDEX; Schema: shop; Owner: postgres
--

CREATE INDEX cart_events_happened_brin ON ONLY shop.cart_events USING brin (happened_at);


--
-- Name: cart_events_p0_happened_at_idx; Type: INDEX; Schema: shop; Owner: postgres
--

CREATE INDEX cart_events_p0_happened_at_idx ON shop.cart_events_p0 USING brin (happened_at);


--
-- Name: cart_events_p1_happened_at_idx; Type: INDEX; Schema: shop; Owner: postgres
--

CREATE INDEX cart_events_p1_happened_at_idx ON shop.cart_events_p1 USING brin (happened_at);


--
-- Name: monthly_revenue_month; Type: INDEX; Schema: shop; Owner: postgres
--

CREATE UNIQUE INDEX monthly_revenue_month ON shop.monthly_revenue USING btree (month);


--
-- Name: orders_customer_idx; Type: INDEX; Schema: shop; Owner: postgres
--

CREATE INDEX orders_customer_idx ON ONLY shop.orders USING btree (customer_id);


--
-- Name: orders_2024_01_customer_id_idx; Type: INDEX; Schema: shop; Owner: postgres
--

CREATE INDEX orders_2024_01_customer_id_idx ON shop.orders_2024_01 USING btree (customer_id);


--
-- Name: orders_open_idx; Type: INDEX; Schema: shop; Owner: postgres
--

CREATE INDEX orders_open_idx ON ONLY shop.orders USING btree (placed_at) WHERE (status = ANY (ARRAY['placed'::shop.order_status, 'paid'::shop.order_status]));


--
-- Name: orders_2024_01_placed_at_idx; Type: INDEX; Schema: shop; Owner: postgres
--

CREATE INDEX orders_2024_01_placed_at_idx ON shop.orders_2024_01 USING btree (placed_at) WHERE (status = ANY (ARRAY['placed'::shop.order_status, 'paid'::shop.order_status]));


--
-- Name: orders_2024_02_customer_id_idx; Type: INDEX; Schema: shop; Owner: postgres
--

CREATE INDEX orders_2024_02_customer_id_idx ON shop.orders_2024_02 USING btree (customer_id);


--
-- Name: orders_2024_02_placed_at_idx; Type: INDEX; Schema: shop; Owner: postgres
--

CREATE INDEX orders_2024_02_placed_at_idx ON shop.orders_2024_02 USING btree (placed_at) WHERE (status = ANY (ARRAY['placed'::shop.order_status, 'paid'::shop.order_status]));


--
-- Name: orders_default_customer_id_idx; Type: INDEX; Schema: shop; Owner: postgres
--

CREATE INDEX orders_default_customer_id_idx ON shop.orders_default USING btree (customer_id);


--
-- Name: orders_default_placed_at_idx; Type: INDEX; Schema: shop; Owner: postgres
--

CREATE INDEX orders_default_placed_at_idx ON shop.orders_default USING btree (placed_at) WHERE (status = ANY (ARRAY['placed'::shop.order_status, 'paid'::shop.order_status]));


--
-- Name: products_attributes; Type: INDEX; Schema: shop; Owner: postgres
--

CREATE INDEX products_attributes ON shop.products USING gin (attributes jsonb_path_ops);


--
-- Name: products_live_by_category; Type: INDEX; Schema: shop; Owner: postgres
--

CREATE INDEX products_live_by_category ON shop.products USING btree (category_id, price DESC NULLS LAST) INCLUDE (title) WHERE (NOT discontinued);


--
-- Name: products_sku_key; Type: INDEX; Schema: shop; Owner: postgres
--

CREATE UNIQUE INDEX products_sku_key ON shop.products USING btree (lower(sku));


--
-- Name: products_title_trgm; Type: INDEX; Schema: shop; Owner: postgres
--

CREATE INDEX products_title_trgm ON shop.products USING gin (title public.gin_trgm_ops);


--
-- Name: cart_events_p0_happened_at_idx; Type: INDEX ATTACH; Schema: shop; Owner: postgres
--

ALTER INDEX shop.cart_events_happened_brin ATTACH PARTITION shop.cart_events_p0_happened_at_idx;


--
-- Name: cart_events_p1_happened_at_idx; Type: INDEX ATTACH; Schema: shop; Owner: postgres
--

ALTER INDEX shop.cart_events_happened_brin ATTACH PARTITION shop.cart_events_p1_happened_at_idx;


--
-- Name: orders_2024_01_customer_id_idx; Type: INDEX ATTACH; Schema: shop; Owner: postgres
--

ALTER INDEX shop.orders_customer_idx ATTACH PARTITION shop.orders_2024_01_customer_id_idx;


--
-- Name: orders_2024_01_pkey; Type: INDEX ATTACH; Schema: shop; Owner: postgres
--

ALTER INDEX shop.orders_pkey ATTACH PARTITION shop.orders_2024_01_pkey;


--
-- Name: orders_2024_01_placed_at_idx; Type: INDEX ATTACH; Schema: shop; Owner: postgres
--

ALTER INDEX shop.orders_open_idx ATTACH PARTITION shop.orders_2024_01_placed_at_idx;


--
-- Name: orders_2024_02_customer_id_idx; Type: INDEX ATTACH; Schema: shop; Owner: postgres
--

ALTER INDEX shop.orders_customer_idx ATTACH PARTITION shop.orders_2024_02_customer_id_idx;


--
-- Name: orders_2024_02_pkey; Type: INDEX ATTACH; Schema: shop; Owner: postgres
--

ALTER INDEX shop.orders_pkey ATTACH PARTITION shop.orders_2024_02_pkey;


--
-- Name: orders_2024_02_placed_at_idx; Type: INDEX ATTACH; Schema: shop; Owner: postgres
--

ALTER INDEX shop.orders_open_idx ATTACH PARTITION shop.orders_2024_02_placed_at_idx;


--
-- Name: orders_default_customer_id_idx; Type: INDEX ATTACH; Schema: shop; Owner: postgres
--

ALTER INDEX shop.orders_customer_idx ATTACH PARTITION shop.orders_default_customer_id_idx;


--
-- Name: orders_default_pkey; Type: INDEX ATTACH; Schema: shop; Owner: postgres
--

ALTER INDEX shop.orders_pkey ATTACH PARTITION shop.orders_default_pkey;


--
-- Name: orders_default_placed_at_idx; Type: INDEX ATTACH; Schema: shop; Owner: postgres
--

ALTER INDEX shop.orders_open_idx ATTACH PARTITION shop.orders_default_placed_at_idx;


--
-- Name: products_category_price; Type: STATISTICS; Schema: shop; Owner: postgres
--

CREATE STATISTICS shop.products_category_price (dependencies) ON category_id, price FROM shop.products;


ALTER STATISTICS shop.products_category_price OWNER TO postgres;

--
-- Name: order_lines order_lines_total; Type: TRIGGER; Schema: shop; Owner: postgres
--

CREATE TRIGGER order_lines_total AFTER INSERT OR UPDATE ON shop.order_lines FOR EACH ROW EXECUTE FUNCTION shop.touch_total();


--
-- Name: categories categories_parent_id_fkey; Type: FK CONSTRAINT; Schema: shop; Owner: postgres
--

ALTER TABLE ONLY shop.categories
    ADD CONSTRAINT categories_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES shop.categories(category_id) ON DELETE CASCADE;


--
-- Name: customers customers_referred_by_fkey; Type: FK CONSTRAINT; Schema: shop; Owner: postgres
--

ALTER TABLE ONLY shop.customers
    ADD CONSTRAINT customers_referred_by_fkey FOREIGN KEY (referred_by) REFERENCES shop.customers(customer_id) ON DELETE SET NULL;


--
-- Name: order_lines order_lines_order_fkey; Type: FK CONSTRAINT; Schema: shop; Owner: postgres
--

ALTER TABLE ONLY shop.order_lines
    ADD CONSTRAINT order_lines_order_fkey FOREIGN KEY (order_id, placed_at) REFERENCES shop.orders(order_id, placed_at) ON UPDATE CASCADE ON DELETE CASCADE;


--
-- Name: order_lines order_lines_product_id_fkey; Type: FK CONSTRAINT; Schema: shop; Owner: postgres
--

ALTER TABLE ONLY shop.order_lines
    ADD CONSTRAINT order_lines_product_id_fkey FOREIGN KEY (product_id) REFERENCES shop.products(product_id) ON DELETE RESTRICT;


--
-- Name: orders orders_customer_id_fkey; Type: FK CONSTRAINT; Schema: shop; Owner: postgres
--

ALTER TABLE shop.orders
    ADD CONSTRAINT orders_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES shop.customers(customer_id) ON DELETE CASCADE;


--
-- Name: products products_category_id_fkey; Type: FK CONSTRAINT; Schema: shop; Owner: postgres
--

ALTER TABLE ONLY shop.products
    ADD CONSTRAINT products_category_id_fkey FOREIGN KEY (category_id) REFERENCES shop.categories(category_id) ON UPDATE CASCADE ON DELETE RESTRICT;


--
-- Name: products products_replaced_by_fkey; Type: FK CONSTRAINT; Schema: shop; Owner: postgres
--

ALTER TABLE ONLY shop.products
    ADD CONSTRAINT products_replaced_by_fkey FOREIGN KEY (replaced_by) REFERENCES shop.products(product_id) NOT VALID;


--
-- Name: promotions promotions_product_id_fkey; Type: FK CONSTRAINT; Schema: shop; Owner: postgres
--

ALTER TABLE ONLY shop.promotions
    ADD CONSTRAINT promotions_product_id_fkey FOREIGN KEY (product_id) REFERENCES shop.products(product_id);


--
-- Name: orders; Type: ROW SECURITY; Schema: shop; Owner: postgres
--

ALTER TABLE shop.orders ENABLE ROW LEVEL SECURITY;

--
-- Name: orders orders_own; Type: POLICY; Schema: shop; Owner: postgres
--

CREATE POLICY orders_own ON shop.orders FOR SELECT TO shop_reader USING ((customer_id = (current_setting('shop.customer_id'::text))::bigint));


--
-- Name: SCHEMA shop; Type: ACL; Schema: -; Owner: postgres
--

GRANT USAGE ON SCHEMA shop TO shop_reader;
GRANT USAGE ON SCHEMA shop TO shop_writer;


--
-- Name: PROCEDURE cancel_stale_carts(IN older_than interval); Type: ACL; Schema: shop; Owner: postgres
--

REVOKE ALL ON PROCEDURE shop.cancel_stale_carts(IN older_than interval) FROM PUBLIC;


--
-- Name: TABLE order_lines; Type: ACL; Schema: shop; Owner: postgres
--

GRANT SELECT ON TABLE shop.order_lines TO shop_reader;
GRANT SELECT,INSERT,UPDATE ON TABLE shop.order_lines TO shop_writer;


--
-- Name: TABLE cart_events; Type: ACL; Schema: shop; Owner: postgres
--

GRANT SELECT ON TABLE shop.cart_events TO shop_reader;


--
-- Name: TABLE cart_events_p0; Type: ACL; Schema: shop; Owner: postgres
--

GRANT SELECT ON TABLE shop.cart_events_p0 TO shop_reader;


--
-- Name: TABLE cart_events_p1; Type: ACL; Schema: shop; Owner: postgres
--

GRANT SELECT ON TABLE shop.cart_events_p1 TO shop_reader;


--
-- Name: TABLE categories; Type: ACL; Schema: shop; Owner: postgres
--

GRANT SELECT ON TABLE shop.categories TO shop_reader;


--
-- Name: TABLE customers; Type: ACL; Schema: shop; Owner: postgres
--

GRANT SELECT ON TABLE shop.customers TO shop_reader;


--
-- Name: TABLE products; Type: ACL; Schema: shop; Owner: postgres
--

GRANT SELECT ON TABLE shop.products TO shop_reader;


--
-- Name: TABLE live_products; Type: ACL; Schema: shop; Owner: postgres
--

GRANT SELECT ON TABLE shop.live_products TO shop_reader;


--
-- Name: TABLE orders; Type: ACL; Schema: shop; Owner: postgres
--

GRANT SELECT ON TABLE shop.orders TO shop_reader;
GRANT SELECT,INSERT,UPDATE ON TABLE shop.orders TO shop_writer;


--
-- Name: TABLE monthly_revenue; Type: ACL; Schema: shop; Owner: postgres
--

GRANT SELECT ON TABLE shop.monthly_revenue TO shop_reader;


--
-- Name: TABLE orders_2024_01; Type: ACL; Schema: shop; Owner: postgres
--

GRANT SELECT ON TABLE shop.orders_2024_01 TO shop_reader;


--
-- Name: TABLE orders_2024_02; Type: ACL; Schema: shop; Owner: postgres
--

GRANT SELECT ON TABLE shop.orders_2024_02 TO shop_reader;


--
-- Name: TABLE orders_default; Type: ACL; Schema: shop; Owner: postgres
--

GRANT SELECT ON TABLE shop.orders_default TO shop_reader;


--
-- Name: TABLE promotions; Type: ACL; Schema: shop; Owner: postgres
--

GRANT SELECT ON TABLE shop.promotions TO shop_reader;


--
-- PostgreSQL database dump complete
--

\unrestrict d4t6KobcJDAryxwSdNZEJ1unSoCBryf9yGp5TrHNxitWbDYEQcJhPSdiO0j39c4

