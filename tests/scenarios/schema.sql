--
-- PostgreSQL database dump
--

\restrict 83n74HR2FeYosHDHM5SL6TBBddGryz4F79jg0JhBYPEY5RskOlDzswvT2zwuvRB

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
-- Name: log_price_change(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.log_price_change() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
  IF NEW.price IS DISTINCT FROM OLD.price THEN
    INSERT INTO price_history VALUES (OLD.id, OLD.price, NEW.price, now());
  END IF;
  RETURN NEW;
END $$;


SET default_table_access_method = heap;

--
-- Name: account_events; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.account_events (
    id bigint NOT NULL,
    account_id bigint NOT NULL,
    kind text NOT NULL,
    created_at timestamp with time zone NOT NULL
);


--
-- Name: accounts; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.accounts (
    id bigint NOT NULL,
    name text NOT NULL,
    closed_at timestamp with time zone
);


--
-- Name: customers; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.customers (
    id bigint NOT NULL,
    email text NOT NULL,
    city text NOT NULL,
    country text NOT NULL,
    created_at timestamp with time zone NOT NULL
);


--
-- Name: events; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.events (
    id bigint NOT NULL,
    customer_id bigint NOT NULL,
    kind text NOT NULL,
    created_at timestamp with time zone NOT NULL
)
PARTITION BY RANGE (created_at);


--
-- Name: events_2023_01; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.events_2023_01 (
    id bigint NOT NULL,
    customer_id bigint NOT NULL,
    kind text NOT NULL,
    created_at timestamp with time zone NOT NULL
);


--
-- Name: events_2023_02; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.events_2023_02 (
    id bigint NOT NULL,
    customer_id bigint NOT NULL,
    kind text NOT NULL,
    created_at timestamp with time zone NOT NULL
);


--
-- Name: events_2023_03; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.events_2023_03 (
    id bigint NOT NULL,
    customer_id bigint NOT NULL,
    kind text NOT NULL,
    created_at timestamp with time zone NOT NULL
);


--
-- Name: events_2023_04; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.events_2023_04 (
    id bigint NOT NULL,
    customer_id bigint NOT NULL,
    kind text NOT NULL,
    created_at timestamp with time zone NOT NULL
);


--
-- Name: events_2023_05; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.events_2023_05 (
    id bigint NOT NULL,
    customer_id bigint NOT NULL,
    kind text NOT NULL,
    created_at timestamp with time zone NOT NULL
);


--
-- Name: events_2023_06; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.events_2023_06 (
    id bigint NOT NULL,
    customer_id bigint NOT NULL,
    kind text NOT NULL,
    created_at timestamp with time zone NOT NULL
);


--
-- Name: events_2023_07; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.events_2023_07 (
    id bigint NOT NULL,
    customer_id bigint NOT NULL,
    kind text NOT NULL,
    created_at timestamp with time zone NOT NULL
);


--
-- Name: events_2023_08; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.events_2023_08 (
    id bigint NOT NULL,
    customer_id bigint NOT NULL,
    kind text NOT NULL,
    created_at timestamp with time zone NOT NULL
);


--
-- Name: events_2023_09; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.events_2023_09 (
    id bigint NOT NULL,
    customer_id bigint NOT NULL,
    kind text NOT NULL,
    created_at timestamp with time zone NOT NULL
);


--
-- Name: events_2023_10; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.events_2023_10 (
    id bigint NOT NULL,
    customer_id bigint NOT NULL,
    kind text NOT NULL,
    created_at timestamp with time zone NOT NULL
);


--
-- Name: events_2023_11; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.events_2023_11 (
    id bigint NOT NULL,
    customer_id bigint NOT NULL,
    kind text NOT NULL,
    created_at timestamp with time zone NOT NULL
);


--
-- Name: events_2023_12; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.events_2023_12 (
    id bigint NOT NULL,
    customer_id bigint NOT NULL,
    kind text NOT NULL,
    created_at timestamp with time zone NOT NULL
);


--
-- Name: invoices; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.invoices (
    id bigint NOT NULL,
    customer_id bigint NOT NULL,
    status text NOT NULL,
    amount numeric(10,2) NOT NULL,
    issued_at timestamp with time zone NOT NULL
)
WITH (autovacuum_enabled='false');


--
-- Name: order_imports; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.order_imports (
    line_no bigint NOT NULL,
    customer_id bigint NOT NULL,
    sku text NOT NULL,
    amount numeric(10,2) NOT NULL
)
WITH (autovacuum_enabled='false');


--
-- Name: order_items; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.order_items (
    order_id bigint NOT NULL,
    line integer NOT NULL,
    sku text NOT NULL,
    quantity integer NOT NULL
);


--
-- Name: orders; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.orders (
    id bigint NOT NULL,
    customer_id bigint NOT NULL,
    status text NOT NULL,
    city text NOT NULL,
    country text NOT NULL,
    postcode text NOT NULL,
    region text NOT NULL,
    amount numeric(10,2) NOT NULL,
    note text,
    created_at timestamp with time zone NOT NULL
);


--
-- Name: price_history; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.price_history (
    product_id bigint NOT NULL,
    old_price numeric(10,2) NOT NULL,
    new_price numeric(10,2) NOT NULL,
    changed_at timestamp with time zone NOT NULL
);


--
-- Name: products; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.products (
    id bigint NOT NULL,
    sku text NOT NULL,
    price numeric(10,2) NOT NULL
);


--
-- Name: readings; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
)
PARTITION BY RANGE (taken_at);


--
-- Name: readings_20230101; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230101 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230102; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230102 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230103; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230103 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230104; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230104 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230105; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230105 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230106; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230106 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230107; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230107 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230108; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230108 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230109; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230109 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230110; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230110 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230111; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230111 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230112; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230112 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230113; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230113 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230114; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230114 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230115; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230115 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230116; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230116 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230117; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230117 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230118; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230118 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230119; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230119 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230120; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230120 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230121; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230121 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230122; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230122 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230123; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230123 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230124; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230124 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230125; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230125 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230126; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230126 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230127; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230127 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230128; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230128 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230129; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230129 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230130; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230130 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230131; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230131 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230201; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230201 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230202; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230202 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230203; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230203 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230204; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230204 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230205; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230205 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230206; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230206 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230207; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230207 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230208; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230208 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230209; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230209 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230210; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230210 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230211; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230211 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230212; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230212 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230213; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230213 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230214; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230214 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230215; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230215 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230216; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230216 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230217; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230217 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230218; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230218 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230219; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230219 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230220; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230220 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230221; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230221 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230222; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230222 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230223; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230223 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230224; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230224 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230225; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230225 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230226; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230226 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230227; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230227 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230228; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230228 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230301; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230301 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230302; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230302 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230303; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230303 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230304; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230304 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230305; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230305 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230306; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230306 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230307; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230307 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230308; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230308 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230309; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230309 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230310; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230310 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230311; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230311 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230312; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230312 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230313; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230313 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230314; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230314 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230315; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230315 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230316; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230316 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230317; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230317 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230318; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230318 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230319; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230319 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230320; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230320 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230321; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230321 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230322; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230322 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230323; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230323 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230324; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230324 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230325; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230325 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230326; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230326 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230327; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230327 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230328; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230328 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230329; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230329 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230330; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230330 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230331; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230331 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230401; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230401 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230402; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230402 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230403; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230403 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230404; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230404 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230405; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230405 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230406; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230406 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230407; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230407 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230408; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230408 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230409; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230409 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230410; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230410 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230411; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230411 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230412; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230412 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230413; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230413 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230414; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230414 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230415; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230415 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230416; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230416 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230417; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230417 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230418; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230418 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230419; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230419 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230420; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230420 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230421; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230421 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230422; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230422 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230423; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230423 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230424; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230424 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230425; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230425 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230426; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230426 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230427; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230427 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230428; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230428 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230429; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230429 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230430; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230430 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230501; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230501 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230502; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230502 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230503; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230503 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230504; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230504 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230505; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230505 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230506; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230506 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230507; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230507 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230508; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230508 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230509; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230509 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230510; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230510 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230511; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230511 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230512; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230512 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230513; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230513 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230514; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230514 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230515; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230515 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230516; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230516 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230517; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230517 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230518; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230518 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230519; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230519 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230520; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230520 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230521; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230521 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230522; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230522 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230523; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230523 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230524; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230524 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230525; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230525 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230526; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230526 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230527; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230527 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230528; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230528 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230529; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230529 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230530; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230530 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230531; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230531 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230601; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230601 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230602; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230602 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230603; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230603 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230604; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230604 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230605; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230605 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230606; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230606 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230607; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230607 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230608; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230608 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230609; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230609 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230610; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230610 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230611; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230611 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230612; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230612 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230613; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230613 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230614; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230614 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230615; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230615 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230616; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230616 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230617; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230617 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230618; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230618 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230619; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230619 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230620; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230620 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230621; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230621 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230622; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230622 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230623; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230623 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230624; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230624 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230625; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230625 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230626; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230626 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230627; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230627 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230628; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230628 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230629; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230629 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230630; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230630 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230701; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230701 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230702; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230702 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230703; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230703 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230704; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230704 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230705; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230705 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230706; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230706 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230707; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230707 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230708; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230708 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230709; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230709 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230710; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230710 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230711; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230711 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230712; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230712 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230713; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230713 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230714; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230714 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230715; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230715 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230716; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230716 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230717; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230717 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230718; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230718 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230719; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230719 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230720; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230720 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230721; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230721 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230722; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230722 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230723; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230723 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230724; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230724 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230725; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230725 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230726; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230726 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230727; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230727 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230728; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230728 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230729; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230729 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230730; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230730 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230731; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230731 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230801; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230801 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230802; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230802 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230803; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230803 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230804; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230804 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230805; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230805 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230806; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230806 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230807; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230807 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230808; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230808 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230809; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230809 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230810; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230810 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230811; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230811 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230812; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230812 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230813; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230813 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230814; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230814 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230815; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230815 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230816; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230816 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230817; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230817 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230818; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230818 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230819; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230819 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230820; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230820 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230821; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230821 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230822; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230822 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230823; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230823 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230824; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230824 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230825; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230825 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230826; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230826 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230827; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230827 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230828; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230828 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230829; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230829 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230830; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230830 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230831; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230831 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230901; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230901 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230902; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230902 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230903; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230903 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230904; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230904 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230905; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230905 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230906; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230906 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230907; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230907 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230908; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230908 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230909; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230909 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230910; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230910 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230911; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230911 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230912; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230912 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230913; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230913 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230914; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230914 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230915; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230915 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230916; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230916 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230917; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230917 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230918; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230918 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230919; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230919 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230920; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230920 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230921; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230921 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230922; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230922 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230923; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230923 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230924; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230924 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230925; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230925 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230926; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230926 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230927; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230927 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230928; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230928 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230929; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230929 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20230930; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20230930 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20231001; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20231001 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20231002; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20231002 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20231003; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20231003 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20231004; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20231004 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20231005; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20231005 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20231006; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20231006 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20231007; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20231007 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20231008; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20231008 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20231009; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20231009 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20231010; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20231010 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20231011; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20231011 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20231012; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20231012 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20231013; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20231013 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20231014; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20231014 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20231015; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20231015 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20231016; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20231016 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20231017; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20231017 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20231018; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20231018 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20231019; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20231019 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20231020; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20231020 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20231021; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20231021 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20231022; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20231022 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20231023; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20231023 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20231024; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20231024 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20231025; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20231025 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20231026; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20231026 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20231027; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20231027 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20231028; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20231028 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20231029; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20231029 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20231030; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20231030 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20231031; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20231031 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20231101; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20231101 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20231102; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20231102 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20231103; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20231103 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20231104; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20231104 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20231105; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20231105 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20231106; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20231106 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20231107; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20231107 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20231108; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20231108 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20231109; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20231109 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20231110; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20231110 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20231111; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20231111 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20231112; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20231112 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20231113; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20231113 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20231114; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20231114 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20231115; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20231115 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20231116; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20231116 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20231117; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20231117 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20231118; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20231118 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20231119; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20231119 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20231120; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20231120 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20231121; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20231121 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20231122; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20231122 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20231123; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20231123 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20231124; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20231124 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20231125; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20231125 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20231126; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20231126 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20231127; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20231127 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20231128; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20231128 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20231129; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20231129 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20231130; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20231130 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20231201; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20231201 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20231202; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20231202 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20231203; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20231203 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20231204; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20231204 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20231205; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20231205 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20231206; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20231206 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20231207; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20231207 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20231208; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20231208 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20231209; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20231209 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20231210; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20231210 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20231211; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20231211 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20231212; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20231212 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20231213; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20231213 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20231214; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20231214 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20231215; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20231215 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20231216; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20231216 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20231217; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20231217 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20231218; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20231218 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20231219; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20231219 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20231220; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20231220 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20231221; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20231221 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20231222; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20231222 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20231223; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20231223 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20231224; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20231224 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20231225; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20231225 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20231226; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20231226 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20231227; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20231227 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20231228; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20231228 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20231229; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20231229 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20231230; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20231230 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: readings_20231231; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.readings_20231231 (
    sensor_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision NOT NULL
);


--
-- Name: sessions; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.sessions (
    id bigint NOT NULL,
    customer_id bigint NOT NULL,
    payload text NOT NULL,
    last_seen_at timestamp with time zone NOT NULL
)
WITH (autovacuum_enabled='false');


--
-- Name: stock_movements; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.stock_movements (
    id bigint NOT NULL,
    warehouse_id integer NOT NULL,
    sku text NOT NULL,
    quantity integer NOT NULL,
    checked boolean DEFAULT false NOT NULL
)
WITH (autovacuum_enabled='false');


--
-- Name: events_2023_01; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.events ATTACH PARTITION public.events_2023_01 FOR VALUES FROM ('2023-01-01 00:00:00+00') TO ('2023-02-01 00:00:00+00');


--
-- Name: events_2023_02; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.events ATTACH PARTITION public.events_2023_02 FOR VALUES FROM ('2023-02-01 00:00:00+00') TO ('2023-03-01 00:00:00+00');


--
-- Name: events_2023_03; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.events ATTACH PARTITION public.events_2023_03 FOR VALUES FROM ('2023-03-01 00:00:00+00') TO ('2023-04-01 00:00:00+00');


--
-- Name: events_2023_04; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.events ATTACH PARTITION public.events_2023_04 FOR VALUES FROM ('2023-04-01 00:00:00+00') TO ('2023-05-01 00:00:00+00');


--
-- Name: events_2023_05; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.events ATTACH PARTITION public.events_2023_05 FOR VALUES FROM ('2023-05-01 00:00:00+00') TO ('2023-06-01 00:00:00+00');


--
-- Name: events_2023_06; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.events ATTACH PARTITION public.events_2023_06 FOR VALUES FROM ('2023-06-01 00:00:00+00') TO ('2023-07-01 00:00:00+00');


--
-- Name: events_2023_07; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.events ATTACH PARTITION public.events_2023_07 FOR VALUES FROM ('2023-07-01 00:00:00+00') TO ('2023-08-01 00:00:00+00');


--
-- Name: events_2023_08; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.events ATTACH PARTITION public.events_2023_08 FOR VALUES FROM ('2023-08-01 00:00:00+00') TO ('2023-09-01 00:00:00+00');


--
-- Name: events_2023_09; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.events ATTACH PARTITION public.events_2023_09 FOR VALUES FROM ('2023-09-01 00:00:00+00') TO ('2023-10-01 00:00:00+00');


--
-- Name: events_2023_10; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.events ATTACH PARTITION public.events_2023_10 FOR VALUES FROM ('2023-10-01 00:00:00+00') TO ('2023-11-01 00:00:00+00');


--
-- Name: events_2023_11; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.events ATTACH PARTITION public.events_2023_11 FOR VALUES FROM ('2023-11-01 00:00:00+00') TO ('2023-12-01 00:00:00+00');


--
-- Name: events_2023_12; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.events ATTACH PARTITION public.events_2023_12 FOR VALUES FROM ('2023-12-01 00:00:00+00') TO ('2024-01-01 00:00:00+00');


--
-- Name: readings_20230101; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230101 FOR VALUES FROM ('2023-01-01 00:00:00+00') TO ('2023-01-02 00:00:00+00');


--
-- Name: readings_20230102; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230102 FOR VALUES FROM ('2023-01-02 00:00:00+00') TO ('2023-01-03 00:00:00+00');


--
-- Name: readings_20230103; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230103 FOR VALUES FROM ('2023-01-03 00:00:00+00') TO ('2023-01-04 00:00:00+00');


--
-- Name: readings_20230104; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230104 FOR VALUES FROM ('2023-01-04 00:00:00+00') TO ('2023-01-05 00:00:00+00');


--
-- Name: readings_20230105; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230105 FOR VALUES FROM ('2023-01-05 00:00:00+00') TO ('2023-01-06 00:00:00+00');


--
-- Name: readings_20230106; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230106 FOR VALUES FROM ('2023-01-06 00:00:00+00') TO ('2023-01-07 00:00:00+00');


--
-- Name: readings_20230107; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230107 FOR VALUES FROM ('2023-01-07 00:00:00+00') TO ('2023-01-08 00:00:00+00');


--
-- Name: readings_20230108; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230108 FOR VALUES FROM ('2023-01-08 00:00:00+00') TO ('2023-01-09 00:00:00+00');


--
-- Name: readings_20230109; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230109 FOR VALUES FROM ('2023-01-09 00:00:00+00') TO ('2023-01-10 00:00:00+00');


--
-- Name: readings_20230110; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230110 FOR VALUES FROM ('2023-01-10 00:00:00+00') TO ('2023-01-11 00:00:00+00');


--
-- Name: readings_20230111; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230111 FOR VALUES FROM ('2023-01-11 00:00:00+00') TO ('2023-01-12 00:00:00+00');


--
-- Name: readings_20230112; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230112 FOR VALUES FROM ('2023-01-12 00:00:00+00') TO ('2023-01-13 00:00:00+00');


--
-- Name: readings_20230113; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230113 FOR VALUES FROM ('2023-01-13 00:00:00+00') TO ('2023-01-14 00:00:00+00');


--
-- Name: readings_20230114; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230114 FOR VALUES FROM ('2023-01-14 00:00:00+00') TO ('2023-01-15 00:00:00+00');


--
-- Name: readings_20230115; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230115 FOR VALUES FROM ('2023-01-15 00:00:00+00') TO ('2023-01-16 00:00:00+00');


--
-- Name: readings_20230116; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230116 FOR VALUES FROM ('2023-01-16 00:00:00+00') TO ('2023-01-17 00:00:00+00');


--
-- Name: readings_20230117; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230117 FOR VALUES FROM ('2023-01-17 00:00:00+00') TO ('2023-01-18 00:00:00+00');


--
-- Name: readings_20230118; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230118 FOR VALUES FROM ('2023-01-18 00:00:00+00') TO ('2023-01-19 00:00:00+00');


--
-- Name: readings_20230119; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230119 FOR VALUES FROM ('2023-01-19 00:00:00+00') TO ('2023-01-20 00:00:00+00');


--
-- Name: readings_20230120; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230120 FOR VALUES FROM ('2023-01-20 00:00:00+00') TO ('2023-01-21 00:00:00+00');


--
-- Name: readings_20230121; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230121 FOR VALUES FROM ('2023-01-21 00:00:00+00') TO ('2023-01-22 00:00:00+00');


--
-- Name: readings_20230122; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230122 FOR VALUES FROM ('2023-01-22 00:00:00+00') TO ('2023-01-23 00:00:00+00');


--
-- Name: readings_20230123; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230123 FOR VALUES FROM ('2023-01-23 00:00:00+00') TO ('2023-01-24 00:00:00+00');


--
-- Name: readings_20230124; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230124 FOR VALUES FROM ('2023-01-24 00:00:00+00') TO ('2023-01-25 00:00:00+00');


--
-- Name: readings_20230125; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230125 FOR VALUES FROM ('2023-01-25 00:00:00+00') TO ('2023-01-26 00:00:00+00');


--
-- Name: readings_20230126; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230126 FOR VALUES FROM ('2023-01-26 00:00:00+00') TO ('2023-01-27 00:00:00+00');


--
-- Name: readings_20230127; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230127 FOR VALUES FROM ('2023-01-27 00:00:00+00') TO ('2023-01-28 00:00:00+00');


--
-- Name: readings_20230128; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230128 FOR VALUES FROM ('2023-01-28 00:00:00+00') TO ('2023-01-29 00:00:00+00');


--
-- Name: readings_20230129; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230129 FOR VALUES FROM ('2023-01-29 00:00:00+00') TO ('2023-01-30 00:00:00+00');


--
-- Name: readings_20230130; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230130 FOR VALUES FROM ('2023-01-30 00:00:00+00') TO ('2023-01-31 00:00:00+00');


--
-- Name: readings_20230131; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230131 FOR VALUES FROM ('2023-01-31 00:00:00+00') TO ('2023-02-01 00:00:00+00');


--
-- Name: readings_20230201; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230201 FOR VALUES FROM ('2023-02-01 00:00:00+00') TO ('2023-02-02 00:00:00+00');


--
-- Name: readings_20230202; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230202 FOR VALUES FROM ('2023-02-02 00:00:00+00') TO ('2023-02-03 00:00:00+00');


--
-- Name: readings_20230203; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230203 FOR VALUES FROM ('2023-02-03 00:00:00+00') TO ('2023-02-04 00:00:00+00');


--
-- Name: readings_20230204; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230204 FOR VALUES FROM ('2023-02-04 00:00:00+00') TO ('2023-02-05 00:00:00+00');


--
-- Name: readings_20230205; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230205 FOR VALUES FROM ('2023-02-05 00:00:00+00') TO ('2023-02-06 00:00:00+00');


--
-- Name: readings_20230206; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230206 FOR VALUES FROM ('2023-02-06 00:00:00+00') TO ('2023-02-07 00:00:00+00');


--
-- Name: readings_20230207; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230207 FOR VALUES FROM ('2023-02-07 00:00:00+00') TO ('2023-02-08 00:00:00+00');


--
-- Name: readings_20230208; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230208 FOR VALUES FROM ('2023-02-08 00:00:00+00') TO ('2023-02-09 00:00:00+00');


--
-- Name: readings_20230209; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230209 FOR VALUES FROM ('2023-02-09 00:00:00+00') TO ('2023-02-10 00:00:00+00');


--
-- Name: readings_20230210; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230210 FOR VALUES FROM ('2023-02-10 00:00:00+00') TO ('2023-02-11 00:00:00+00');


--
-- Name: readings_20230211; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230211 FOR VALUES FROM ('2023-02-11 00:00:00+00') TO ('2023-02-12 00:00:00+00');


--
-- Name: readings_20230212; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230212 FOR VALUES FROM ('2023-02-12 00:00:00+00') TO ('2023-02-13 00:00:00+00');


--
-- Name: readings_20230213; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230213 FOR VALUES FROM ('2023-02-13 00:00:00+00') TO ('2023-02-14 00:00:00+00');


--
-- Name: readings_20230214; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230214 FOR VALUES FROM ('2023-02-14 00:00:00+00') TO ('2023-02-15 00:00:00+00');


--
-- Name: readings_20230215; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230215 FOR VALUES FROM ('2023-02-15 00:00:00+00') TO ('2023-02-16 00:00:00+00');


--
-- Name: readings_20230216; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230216 FOR VALUES FROM ('2023-02-16 00:00:00+00') TO ('2023-02-17 00:00:00+00');


--
-- Name: readings_20230217; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230217 FOR VALUES FROM ('2023-02-17 00:00:00+00') TO ('2023-02-18 00:00:00+00');


--
-- Name: readings_20230218; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230218 FOR VALUES FROM ('2023-02-18 00:00:00+00') TO ('2023-02-19 00:00:00+00');


--
-- Name: readings_20230219; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230219 FOR VALUES FROM ('2023-02-19 00:00:00+00') TO ('2023-02-20 00:00:00+00');


--
-- Name: readings_20230220; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230220 FOR VALUES FROM ('2023-02-20 00:00:00+00') TO ('2023-02-21 00:00:00+00');


--
-- Name: readings_20230221; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230221 FOR VALUES FROM ('2023-02-21 00:00:00+00') TO ('2023-02-22 00:00:00+00');


--
-- Name: readings_20230222; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230222 FOR VALUES FROM ('2023-02-22 00:00:00+00') TO ('2023-02-23 00:00:00+00');


--
-- Name: readings_20230223; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230223 FOR VALUES FROM ('2023-02-23 00:00:00+00') TO ('2023-02-24 00:00:00+00');


--
-- Name: readings_20230224; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230224 FOR VALUES FROM ('2023-02-24 00:00:00+00') TO ('2023-02-25 00:00:00+00');


--
-- Name: readings_20230225; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230225 FOR VALUES FROM ('2023-02-25 00:00:00+00') TO ('2023-02-26 00:00:00+00');


--
-- Name: readings_20230226; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230226 FOR VALUES FROM ('2023-02-26 00:00:00+00') TO ('2023-02-27 00:00:00+00');


--
-- Name: readings_20230227; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230227 FOR VALUES FROM ('2023-02-27 00:00:00+00') TO ('2023-02-28 00:00:00+00');


--
-- Name: readings_20230228; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230228 FOR VALUES FROM ('2023-02-28 00:00:00+00') TO ('2023-03-01 00:00:00+00');


--
-- Name: readings_20230301; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230301 FOR VALUES FROM ('2023-03-01 00:00:00+00') TO ('2023-03-02 00:00:00+00');


--
-- Name: readings_20230302; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230302 FOR VALUES FROM ('2023-03-02 00:00:00+00') TO ('2023-03-03 00:00:00+00');


--
-- Name: readings_20230303; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230303 FOR VALUES FROM ('2023-03-03 00:00:00+00') TO ('2023-03-04 00:00:00+00');


--
-- Name: readings_20230304; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230304 FOR VALUES FROM ('2023-03-04 00:00:00+00') TO ('2023-03-05 00:00:00+00');


--
-- Name: readings_20230305; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230305 FOR VALUES FROM ('2023-03-05 00:00:00+00') TO ('2023-03-06 00:00:00+00');


--
-- Name: readings_20230306; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230306 FOR VALUES FROM ('2023-03-06 00:00:00+00') TO ('2023-03-07 00:00:00+00');


--
-- Name: readings_20230307; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230307 FOR VALUES FROM ('2023-03-07 00:00:00+00') TO ('2023-03-08 00:00:00+00');


--
-- Name: readings_20230308; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230308 FOR VALUES FROM ('2023-03-08 00:00:00+00') TO ('2023-03-09 00:00:00+00');


--
-- Name: readings_20230309; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230309 FOR VALUES FROM ('2023-03-09 00:00:00+00') TO ('2023-03-10 00:00:00+00');


--
-- Name: readings_20230310; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230310 FOR VALUES FROM ('2023-03-10 00:00:00+00') TO ('2023-03-11 00:00:00+00');


--
-- Name: readings_20230311; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230311 FOR VALUES FROM ('2023-03-11 00:00:00+00') TO ('2023-03-12 00:00:00+00');


--
-- Name: readings_20230312; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230312 FOR VALUES FROM ('2023-03-12 00:00:00+00') TO ('2023-03-13 00:00:00+00');


--
-- Name: readings_20230313; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230313 FOR VALUES FROM ('2023-03-13 00:00:00+00') TO ('2023-03-14 00:00:00+00');


--
-- Name: readings_20230314; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230314 FOR VALUES FROM ('2023-03-14 00:00:00+00') TO ('2023-03-15 00:00:00+00');


--
-- Name: readings_20230315; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230315 FOR VALUES FROM ('2023-03-15 00:00:00+00') TO ('2023-03-16 00:00:00+00');


--
-- Name: readings_20230316; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230316 FOR VALUES FROM ('2023-03-16 00:00:00+00') TO ('2023-03-17 00:00:00+00');


--
-- Name: readings_20230317; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230317 FOR VALUES FROM ('2023-03-17 00:00:00+00') TO ('2023-03-18 00:00:00+00');


--
-- Name: readings_20230318; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230318 FOR VALUES FROM ('2023-03-18 00:00:00+00') TO ('2023-03-19 00:00:00+00');


--
-- Name: readings_20230319; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230319 FOR VALUES FROM ('2023-03-19 00:00:00+00') TO ('2023-03-20 00:00:00+00');


--
-- Name: readings_20230320; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230320 FOR VALUES FROM ('2023-03-20 00:00:00+00') TO ('2023-03-21 00:00:00+00');


--
-- Name: readings_20230321; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230321 FOR VALUES FROM ('2023-03-21 00:00:00+00') TO ('2023-03-22 00:00:00+00');


--
-- Name: readings_20230322; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230322 FOR VALUES FROM ('2023-03-22 00:00:00+00') TO ('2023-03-23 00:00:00+00');


--
-- Name: readings_20230323; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230323 FOR VALUES FROM ('2023-03-23 00:00:00+00') TO ('2023-03-24 00:00:00+00');


--
-- Name: readings_20230324; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230324 FOR VALUES FROM ('2023-03-24 00:00:00+00') TO ('2023-03-25 00:00:00+00');


--
-- Name: readings_20230325; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230325 FOR VALUES FROM ('2023-03-25 00:00:00+00') TO ('2023-03-26 00:00:00+00');


--
-- Name: readings_20230326; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230326 FOR VALUES FROM ('2023-03-26 00:00:00+00') TO ('2023-03-27 00:00:00+00');


--
-- Name: readings_20230327; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230327 FOR VALUES FROM ('2023-03-27 00:00:00+00') TO ('2023-03-28 00:00:00+00');


--
-- Name: readings_20230328; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230328 FOR VALUES FROM ('2023-03-28 00:00:00+00') TO ('2023-03-29 00:00:00+00');


--
-- Name: readings_20230329; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230329 FOR VALUES FROM ('2023-03-29 00:00:00+00') TO ('2023-03-30 00:00:00+00');


--
-- Name: readings_20230330; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230330 FOR VALUES FROM ('2023-03-30 00:00:00+00') TO ('2023-03-31 00:00:00+00');


--
-- Name: readings_20230331; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230331 FOR VALUES FROM ('2023-03-31 00:00:00+00') TO ('2023-04-01 00:00:00+00');


--
-- Name: readings_20230401; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230401 FOR VALUES FROM ('2023-04-01 00:00:00+00') TO ('2023-04-02 00:00:00+00');


--
-- Name: readings_20230402; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230402 FOR VALUES FROM ('2023-04-02 00:00:00+00') TO ('2023-04-03 00:00:00+00');


--
-- Name: readings_20230403; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230403 FOR VALUES FROM ('2023-04-03 00:00:00+00') TO ('2023-04-04 00:00:00+00');


--
-- Name: readings_20230404; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230404 FOR VALUES FROM ('2023-04-04 00:00:00+00') TO ('2023-04-05 00:00:00+00');


--
-- Name: readings_20230405; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230405 FOR VALUES FROM ('2023-04-05 00:00:00+00') TO ('2023-04-06 00:00:00+00');


--
-- Name: readings_20230406; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230406 FOR VALUES FROM ('2023-04-06 00:00:00+00') TO ('2023-04-07 00:00:00+00');


--
-- Name: readings_20230407; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230407 FOR VALUES FROM ('2023-04-07 00:00:00+00') TO ('2023-04-08 00:00:00+00');


--
-- Name: readings_20230408; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230408 FOR VALUES FROM ('2023-04-08 00:00:00+00') TO ('2023-04-09 00:00:00+00');


--
-- Name: readings_20230409; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230409 FOR VALUES FROM ('2023-04-09 00:00:00+00') TO ('2023-04-10 00:00:00+00');


--
-- Name: readings_20230410; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230410 FOR VALUES FROM ('2023-04-10 00:00:00+00') TO ('2023-04-11 00:00:00+00');


--
-- Name: readings_20230411; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230411 FOR VALUES FROM ('2023-04-11 00:00:00+00') TO ('2023-04-12 00:00:00+00');


--
-- Name: readings_20230412; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230412 FOR VALUES FROM ('2023-04-12 00:00:00+00') TO ('2023-04-13 00:00:00+00');


--
-- Name: readings_20230413; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230413 FOR VALUES FROM ('2023-04-13 00:00:00+00') TO ('2023-04-14 00:00:00+00');


--
-- Name: readings_20230414; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230414 FOR VALUES FROM ('2023-04-14 00:00:00+00') TO ('2023-04-15 00:00:00+00');


--
-- Name: readings_20230415; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230415 FOR VALUES FROM ('2023-04-15 00:00:00+00') TO ('2023-04-16 00:00:00+00');


--
-- Name: readings_20230416; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230416 FOR VALUES FROM ('2023-04-16 00:00:00+00') TO ('2023-04-17 00:00:00+00');


--
-- Name: readings_20230417; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230417 FOR VALUES FROM ('2023-04-17 00:00:00+00') TO ('2023-04-18 00:00:00+00');


--
-- Name: readings_20230418; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230418 FOR VALUES FROM ('2023-04-18 00:00:00+00') TO ('2023-04-19 00:00:00+00');


--
-- Name: readings_20230419; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230419 FOR VALUES FROM ('2023-04-19 00:00:00+00') TO ('2023-04-20 00:00:00+00');


--
-- Name: readings_20230420; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230420 FOR VALUES FROM ('2023-04-20 00:00:00+00') TO ('2023-04-21 00:00:00+00');


--
-- Name: readings_20230421; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230421 FOR VALUES FROM ('2023-04-21 00:00:00+00') TO ('2023-04-22 00:00:00+00');


--
-- Name: readings_20230422; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230422 FOR VALUES FROM ('2023-04-22 00:00:00+00') TO ('2023-04-23 00:00:00+00');


--
-- Name: readings_20230423; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230423 FOR VALUES FROM ('2023-04-23 00:00:00+00') TO ('2023-04-24 00:00:00+00');


--
-- Name: readings_20230424; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230424 FOR VALUES FROM ('2023-04-24 00:00:00+00') TO ('2023-04-25 00:00:00+00');


--
-- Name: readings_20230425; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230425 FOR VALUES FROM ('2023-04-25 00:00:00+00') TO ('2023-04-26 00:00:00+00');


--
-- Name: readings_20230426; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230426 FOR VALUES FROM ('2023-04-26 00:00:00+00') TO ('2023-04-27 00:00:00+00');


--
-- Name: readings_20230427; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230427 FOR VALUES FROM ('2023-04-27 00:00:00+00') TO ('2023-04-28 00:00:00+00');


--
-- Name: readings_20230428; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230428 FOR VALUES FROM ('2023-04-28 00:00:00+00') TO ('2023-04-29 00:00:00+00');


--
-- Name: readings_20230429; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230429 FOR VALUES FROM ('2023-04-29 00:00:00+00') TO ('2023-04-30 00:00:00+00');


--
-- Name: readings_20230430; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230430 FOR VALUES FROM ('2023-04-30 00:00:00+00') TO ('2023-05-01 00:00:00+00');


--
-- Name: readings_20230501; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230501 FOR VALUES FROM ('2023-05-01 00:00:00+00') TO ('2023-05-02 00:00:00+00');


--
-- Name: readings_20230502; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230502 FOR VALUES FROM ('2023-05-02 00:00:00+00') TO ('2023-05-03 00:00:00+00');


--
-- Name: readings_20230503; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230503 FOR VALUES FROM ('2023-05-03 00:00:00+00') TO ('2023-05-04 00:00:00+00');


--
-- Name: readings_20230504; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230504 FOR VALUES FROM ('2023-05-04 00:00:00+00') TO ('2023-05-05 00:00:00+00');


--
-- Name: readings_20230505; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230505 FOR VALUES FROM ('2023-05-05 00:00:00+00') TO ('2023-05-06 00:00:00+00');


--
-- Name: readings_20230506; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230506 FOR VALUES FROM ('2023-05-06 00:00:00+00') TO ('2023-05-07 00:00:00+00');


--
-- Name: readings_20230507; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230507 FOR VALUES FROM ('2023-05-07 00:00:00+00') TO ('2023-05-08 00:00:00+00');


--
-- Name: readings_20230508; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230508 FOR VALUES FROM ('2023-05-08 00:00:00+00') TO ('2023-05-09 00:00:00+00');


--
-- Name: readings_20230509; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230509 FOR VALUES FROM ('2023-05-09 00:00:00+00') TO ('2023-05-10 00:00:00+00');


--
-- Name: readings_20230510; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230510 FOR VALUES FROM ('2023-05-10 00:00:00+00') TO ('2023-05-11 00:00:00+00');


--
-- Name: readings_20230511; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230511 FOR VALUES FROM ('2023-05-11 00:00:00+00') TO ('2023-05-12 00:00:00+00');


--
-- Name: readings_20230512; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230512 FOR VALUES FROM ('2023-05-12 00:00:00+00') TO ('2023-05-13 00:00:00+00');


--
-- Name: readings_20230513; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230513 FOR VALUES FROM ('2023-05-13 00:00:00+00') TO ('2023-05-14 00:00:00+00');


--
-- Name: readings_20230514; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230514 FOR VALUES FROM ('2023-05-14 00:00:00+00') TO ('2023-05-15 00:00:00+00');


--
-- Name: readings_20230515; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230515 FOR VALUES FROM ('2023-05-15 00:00:00+00') TO ('2023-05-16 00:00:00+00');


--
-- Name: readings_20230516; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230516 FOR VALUES FROM ('2023-05-16 00:00:00+00') TO ('2023-05-17 00:00:00+00');


--
-- Name: readings_20230517; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230517 FOR VALUES FROM ('2023-05-17 00:00:00+00') TO ('2023-05-18 00:00:00+00');


--
-- Name: readings_20230518; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230518 FOR VALUES FROM ('2023-05-18 00:00:00+00') TO ('2023-05-19 00:00:00+00');


--
-- Name: readings_20230519; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230519 FOR VALUES FROM ('2023-05-19 00:00:00+00') TO ('2023-05-20 00:00:00+00');


--
-- Name: readings_20230520; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230520 FOR VALUES FROM ('2023-05-20 00:00:00+00') TO ('2023-05-21 00:00:00+00');


--
-- Name: readings_20230521; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230521 FOR VALUES FROM ('2023-05-21 00:00:00+00') TO ('2023-05-22 00:00:00+00');


--
-- Name: readings_20230522; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230522 FOR VALUES FROM ('2023-05-22 00:00:00+00') TO ('2023-05-23 00:00:00+00');


--
-- Name: readings_20230523; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230523 FOR VALUES FROM ('2023-05-23 00:00:00+00') TO ('2023-05-24 00:00:00+00');


--
-- Name: readings_20230524; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230524 FOR VALUES FROM ('2023-05-24 00:00:00+00') TO ('2023-05-25 00:00:00+00');


--
-- Name: readings_20230525; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230525 FOR VALUES FROM ('2023-05-25 00:00:00+00') TO ('2023-05-26 00:00:00+00');


--
-- Name: readings_20230526; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230526 FOR VALUES FROM ('2023-05-26 00:00:00+00') TO ('2023-05-27 00:00:00+00');


--
-- Name: readings_20230527; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230527 FOR VALUES FROM ('2023-05-27 00:00:00+00') TO ('2023-05-28 00:00:00+00');


--
-- Name: readings_20230528; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230528 FOR VALUES FROM ('2023-05-28 00:00:00+00') TO ('2023-05-29 00:00:00+00');


--
-- Name: readings_20230529; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230529 FOR VALUES FROM ('2023-05-29 00:00:00+00') TO ('2023-05-30 00:00:00+00');


--
-- Name: readings_20230530; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230530 FOR VALUES FROM ('2023-05-30 00:00:00+00') TO ('2023-05-31 00:00:00+00');


--
-- Name: readings_20230531; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230531 FOR VALUES FROM ('2023-05-31 00:00:00+00') TO ('2023-06-01 00:00:00+00');


--
-- Name: readings_20230601; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230601 FOR VALUES FROM ('2023-06-01 00:00:00+00') TO ('2023-06-02 00:00:00+00');


--
-- Name: readings_20230602; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230602 FOR VALUES FROM ('2023-06-02 00:00:00+00') TO ('2023-06-03 00:00:00+00');


--
-- Name: readings_20230603; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230603 FOR VALUES FROM ('2023-06-03 00:00:00+00') TO ('2023-06-04 00:00:00+00');


--
-- Name: readings_20230604; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230604 FOR VALUES FROM ('2023-06-04 00:00:00+00') TO ('2023-06-05 00:00:00+00');


--
-- Name: readings_20230605; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230605 FOR VALUES FROM ('2023-06-05 00:00:00+00') TO ('2023-06-06 00:00:00+00');


--
-- Name: readings_20230606; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230606 FOR VALUES FROM ('2023-06-06 00:00:00+00') TO ('2023-06-07 00:00:00+00');


--
-- Name: readings_20230607; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230607 FOR VALUES FROM ('2023-06-07 00:00:00+00') TO ('2023-06-08 00:00:00+00');


--
-- Name: readings_20230608; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230608 FOR VALUES FROM ('2023-06-08 00:00:00+00') TO ('2023-06-09 00:00:00+00');


--
-- Name: readings_20230609; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230609 FOR VALUES FROM ('2023-06-09 00:00:00+00') TO ('2023-06-10 00:00:00+00');


--
-- Name: readings_20230610; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230610 FOR VALUES FROM ('2023-06-10 00:00:00+00') TO ('2023-06-11 00:00:00+00');


--
-- Name: readings_20230611; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230611 FOR VALUES FROM ('2023-06-11 00:00:00+00') TO ('2023-06-12 00:00:00+00');


--
-- Name: readings_20230612; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230612 FOR VALUES FROM ('2023-06-12 00:00:00+00') TO ('2023-06-13 00:00:00+00');


--
-- Name: readings_20230613; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230613 FOR VALUES FROM ('2023-06-13 00:00:00+00') TO ('2023-06-14 00:00:00+00');


--
-- Name: readings_20230614; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230614 FOR VALUES FROM ('2023-06-14 00:00:00+00') TO ('2023-06-15 00:00:00+00');


--
-- Name: readings_20230615; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230615 FOR VALUES FROM ('2023-06-15 00:00:00+00') TO ('2023-06-16 00:00:00+00');


--
-- Name: readings_20230616; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230616 FOR VALUES FROM ('2023-06-16 00:00:00+00') TO ('2023-06-17 00:00:00+00');


--
-- Name: readings_20230617; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230617 FOR VALUES FROM ('2023-06-17 00:00:00+00') TO ('2023-06-18 00:00:00+00');


--
-- Name: readings_20230618; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230618 FOR VALUES FROM ('2023-06-18 00:00:00+00') TO ('2023-06-19 00:00:00+00');


--
-- Name: readings_20230619; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230619 FOR VALUES FROM ('2023-06-19 00:00:00+00') TO ('2023-06-20 00:00:00+00');


--
-- Name: readings_20230620; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230620 FOR VALUES FROM ('2023-06-20 00:00:00+00') TO ('2023-06-21 00:00:00+00');


--
-- Name: readings_20230621; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230621 FOR VALUES FROM ('2023-06-21 00:00:00+00') TO ('2023-06-22 00:00:00+00');


--
-- Name: readings_20230622; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230622 FOR VALUES FROM ('2023-06-22 00:00:00+00') TO ('2023-06-23 00:00:00+00');


--
-- Name: readings_20230623; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230623 FOR VALUES FROM ('2023-06-23 00:00:00+00') TO ('2023-06-24 00:00:00+00');


--
-- Name: readings_20230624; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230624 FOR VALUES FROM ('2023-06-24 00:00:00+00') TO ('2023-06-25 00:00:00+00');


--
-- Name: readings_20230625; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230625 FOR VALUES FROM ('2023-06-25 00:00:00+00') TO ('2023-06-26 00:00:00+00');


--
-- Name: readings_20230626; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230626 FOR VALUES FROM ('2023-06-26 00:00:00+00') TO ('2023-06-27 00:00:00+00');


--
-- Name: readings_20230627; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230627 FOR VALUES FROM ('2023-06-27 00:00:00+00') TO ('2023-06-28 00:00:00+00');


--
-- Name: readings_20230628; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230628 FOR VALUES FROM ('2023-06-28 00:00:00+00') TO ('2023-06-29 00:00:00+00');


--
-- Name: readings_20230629; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230629 FOR VALUES FROM ('2023-06-29 00:00:00+00') TO ('2023-06-30 00:00:00+00');


--
-- Name: readings_20230630; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230630 FOR VALUES FROM ('2023-06-30 00:00:00+00') TO ('2023-07-01 00:00:00+00');


--
-- Name: readings_20230701; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230701 FOR VALUES FROM ('2023-07-01 00:00:00+00') TO ('2023-07-02 00:00:00+00');


--
-- Name: readings_20230702; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230702 FOR VALUES FROM ('2023-07-02 00:00:00+00') TO ('2023-07-03 00:00:00+00');


--
-- Name: readings_20230703; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230703 FOR VALUES FROM ('2023-07-03 00:00:00+00') TO ('2023-07-04 00:00:00+00');


--
-- Name: readings_20230704; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230704 FOR VALUES FROM ('2023-07-04 00:00:00+00') TO ('2023-07-05 00:00:00+00');


--
-- Name: readings_20230705; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230705 FOR VALUES FROM ('2023-07-05 00:00:00+00') TO ('2023-07-06 00:00:00+00');


--
-- Name: readings_20230706; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230706 FOR VALUES FROM ('2023-07-06 00:00:00+00') TO ('2023-07-07 00:00:00+00');


--
-- Name: readings_20230707; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230707 FOR VALUES FROM ('2023-07-07 00:00:00+00') TO ('2023-07-08 00:00:00+00');


--
-- Name: readings_20230708; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230708 FOR VALUES FROM ('2023-07-08 00:00:00+00') TO ('2023-07-09 00:00:00+00');


--
-- Name: readings_20230709; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230709 FOR VALUES FROM ('2023-07-09 00:00:00+00') TO ('2023-07-10 00:00:00+00');


--
-- Name: readings_20230710; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230710 FOR VALUES FROM ('2023-07-10 00:00:00+00') TO ('2023-07-11 00:00:00+00');


--
-- Name: readings_20230711; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230711 FOR VALUES FROM ('2023-07-11 00:00:00+00') TO ('2023-07-12 00:00:00+00');


--
-- Name: readings_20230712; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230712 FOR VALUES FROM ('2023-07-12 00:00:00+00') TO ('2023-07-13 00:00:00+00');


--
-- Name: readings_20230713; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230713 FOR VALUES FROM ('2023-07-13 00:00:00+00') TO ('2023-07-14 00:00:00+00');


--
-- Name: readings_20230714; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230714 FOR VALUES FROM ('2023-07-14 00:00:00+00') TO ('2023-07-15 00:00:00+00');


--
-- Name: readings_20230715; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230715 FOR VALUES FROM ('2023-07-15 00:00:00+00') TO ('2023-07-16 00:00:00+00');


--
-- Name: readings_20230716; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230716 FOR VALUES FROM ('2023-07-16 00:00:00+00') TO ('2023-07-17 00:00:00+00');


--
-- Name: readings_20230717; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230717 FOR VALUES FROM ('2023-07-17 00:00:00+00') TO ('2023-07-18 00:00:00+00');


--
-- Name: readings_20230718; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230718 FOR VALUES FROM ('2023-07-18 00:00:00+00') TO ('2023-07-19 00:00:00+00');


--
-- Name: readings_20230719; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230719 FOR VALUES FROM ('2023-07-19 00:00:00+00') TO ('2023-07-20 00:00:00+00');


--
-- Name: readings_20230720; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230720 FOR VALUES FROM ('2023-07-20 00:00:00+00') TO ('2023-07-21 00:00:00+00');


--
-- Name: readings_20230721; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230721 FOR VALUES FROM ('2023-07-21 00:00:00+00') TO ('2023-07-22 00:00:00+00');


--
-- Name: readings_20230722; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230722 FOR VALUES FROM ('2023-07-22 00:00:00+00') TO ('2023-07-23 00:00:00+00');


--
-- Name: readings_20230723; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230723 FOR VALUES FROM ('2023-07-23 00:00:00+00') TO ('2023-07-24 00:00:00+00');


--
-- Name: readings_20230724; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230724 FOR VALUES FROM ('2023-07-24 00:00:00+00') TO ('2023-07-25 00:00:00+00');


--
-- Name: readings_20230725; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230725 FOR VALUES FROM ('2023-07-25 00:00:00+00') TO ('2023-07-26 00:00:00+00');


--
-- Name: readings_20230726; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230726 FOR VALUES FROM ('2023-07-26 00:00:00+00') TO ('2023-07-27 00:00:00+00');


--
-- Name: readings_20230727; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230727 FOR VALUES FROM ('2023-07-27 00:00:00+00') TO ('2023-07-28 00:00:00+00');


--
-- Name: readings_20230728; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230728 FOR VALUES FROM ('2023-07-28 00:00:00+00') TO ('2023-07-29 00:00:00+00');


--
-- Name: readings_20230729; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230729 FOR VALUES FROM ('2023-07-29 00:00:00+00') TO ('2023-07-30 00:00:00+00');


--
-- Name: readings_20230730; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230730 FOR VALUES FROM ('2023-07-30 00:00:00+00') TO ('2023-07-31 00:00:00+00');


--
-- Name: readings_20230731; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230731 FOR VALUES FROM ('2023-07-31 00:00:00+00') TO ('2023-08-01 00:00:00+00');


--
-- Name: readings_20230801; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230801 FOR VALUES FROM ('2023-08-01 00:00:00+00') TO ('2023-08-02 00:00:00+00');


--
-- Name: readings_20230802; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230802 FOR VALUES FROM ('2023-08-02 00:00:00+00') TO ('2023-08-03 00:00:00+00');


--
-- Name: readings_20230803; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230803 FOR VALUES FROM ('2023-08-03 00:00:00+00') TO ('2023-08-04 00:00:00+00');


--
-- Name: readings_20230804; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230804 FOR VALUES FROM ('2023-08-04 00:00:00+00') TO ('2023-08-05 00:00:00+00');


--
-- Name: readings_20230805; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230805 FOR VALUES FROM ('2023-08-05 00:00:00+00') TO ('2023-08-06 00:00:00+00');


--
-- Name: readings_20230806; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230806 FOR VALUES FROM ('2023-08-06 00:00:00+00') TO ('2023-08-07 00:00:00+00');


--
-- Name: readings_20230807; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230807 FOR VALUES FROM ('2023-08-07 00:00:00+00') TO ('2023-08-08 00:00:00+00');


--
-- Name: readings_20230808; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230808 FOR VALUES FROM ('2023-08-08 00:00:00+00') TO ('2023-08-09 00:00:00+00');


--
-- Name: readings_20230809; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230809 FOR VALUES FROM ('2023-08-09 00:00:00+00') TO ('2023-08-10 00:00:00+00');


--
-- Name: readings_20230810; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230810 FOR VALUES FROM ('2023-08-10 00:00:00+00') TO ('2023-08-11 00:00:00+00');


--
-- Name: readings_20230811; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230811 FOR VALUES FROM ('2023-08-11 00:00:00+00') TO ('2023-08-12 00:00:00+00');


--
-- Name: readings_20230812; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230812 FOR VALUES FROM ('2023-08-12 00:00:00+00') TO ('2023-08-13 00:00:00+00');


--
-- Name: readings_20230813; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230813 FOR VALUES FROM ('2023-08-13 00:00:00+00') TO ('2023-08-14 00:00:00+00');


--
-- Name: readings_20230814; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230814 FOR VALUES FROM ('2023-08-14 00:00:00+00') TO ('2023-08-15 00:00:00+00');


--
-- Name: readings_20230815; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230815 FOR VALUES FROM ('2023-08-15 00:00:00+00') TO ('2023-08-16 00:00:00+00');


--
-- Name: readings_20230816; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230816 FOR VALUES FROM ('2023-08-16 00:00:00+00') TO ('2023-08-17 00:00:00+00');


--
-- Name: readings_20230817; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230817 FOR VALUES FROM ('2023-08-17 00:00:00+00') TO ('2023-08-18 00:00:00+00');


--
-- Name: readings_20230818; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230818 FOR VALUES FROM ('2023-08-18 00:00:00+00') TO ('2023-08-19 00:00:00+00');


--
-- Name: readings_20230819; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230819 FOR VALUES FROM ('2023-08-19 00:00:00+00') TO ('2023-08-20 00:00:00+00');


--
-- Name: readings_20230820; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230820 FOR VALUES FROM ('2023-08-20 00:00:00+00') TO ('2023-08-21 00:00:00+00');


--
-- Name: readings_20230821; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230821 FOR VALUES FROM ('2023-08-21 00:00:00+00') TO ('2023-08-22 00:00:00+00');


--
-- Name: readings_20230822; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230822 FOR VALUES FROM ('2023-08-22 00:00:00+00') TO ('2023-08-23 00:00:00+00');


--
-- Name: readings_20230823; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230823 FOR VALUES FROM ('2023-08-23 00:00:00+00') TO ('2023-08-24 00:00:00+00');


--
-- Name: readings_20230824; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230824 FOR VALUES FROM ('2023-08-24 00:00:00+00') TO ('2023-08-25 00:00:00+00');


--
-- Name: readings_20230825; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230825 FOR VALUES FROM ('2023-08-25 00:00:00+00') TO ('2023-08-26 00:00:00+00');


--
-- Name: readings_20230826; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230826 FOR VALUES FROM ('2023-08-26 00:00:00+00') TO ('2023-08-27 00:00:00+00');


--
-- Name: readings_20230827; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230827 FOR VALUES FROM ('2023-08-27 00:00:00+00') TO ('2023-08-28 00:00:00+00');


--
-- Name: readings_20230828; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230828 FOR VALUES FROM ('2023-08-28 00:00:00+00') TO ('2023-08-29 00:00:00+00');


--
-- Name: readings_20230829; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230829 FOR VALUES FROM ('2023-08-29 00:00:00+00') TO ('2023-08-30 00:00:00+00');


--
-- Name: readings_20230830; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230830 FOR VALUES FROM ('2023-08-30 00:00:00+00') TO ('2023-08-31 00:00:00+00');


--
-- Name: readings_20230831; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230831 FOR VALUES FROM ('2023-08-31 00:00:00+00') TO ('2023-09-01 00:00:00+00');


--
-- Name: readings_20230901; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230901 FOR VALUES FROM ('2023-09-01 00:00:00+00') TO ('2023-09-02 00:00:00+00');


--
-- Name: readings_20230902; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230902 FOR VALUES FROM ('2023-09-02 00:00:00+00') TO ('2023-09-03 00:00:00+00');


--
-- Name: readings_20230903; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230903 FOR VALUES FROM ('2023-09-03 00:00:00+00') TO ('2023-09-04 00:00:00+00');


--
-- Name: readings_20230904; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230904 FOR VALUES FROM ('2023-09-04 00:00:00+00') TO ('2023-09-05 00:00:00+00');


--
-- Name: readings_20230905; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230905 FOR VALUES FROM ('2023-09-05 00:00:00+00') TO ('2023-09-06 00:00:00+00');


--
-- Name: readings_20230906; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230906 FOR VALUES FROM ('2023-09-06 00:00:00+00') TO ('2023-09-07 00:00:00+00');


--
-- Name: readings_20230907; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230907 FOR VALUES FROM ('2023-09-07 00:00:00+00') TO ('2023-09-08 00:00:00+00');


--
-- Name: readings_20230908; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230908 FOR VALUES FROM ('2023-09-08 00:00:00+00') TO ('2023-09-09 00:00:00+00');


--
-- Name: readings_20230909; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230909 FOR VALUES FROM ('2023-09-09 00:00:00+00') TO ('2023-09-10 00:00:00+00');


--
-- Name: readings_20230910; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230910 FOR VALUES FROM ('2023-09-10 00:00:00+00') TO ('2023-09-11 00:00:00+00');


--
-- Name: readings_20230911; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230911 FOR VALUES FROM ('2023-09-11 00:00:00+00') TO ('2023-09-12 00:00:00+00');


--
-- Name: readings_20230912; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230912 FOR VALUES FROM ('2023-09-12 00:00:00+00') TO ('2023-09-13 00:00:00+00');


--
-- Name: readings_20230913; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230913 FOR VALUES FROM ('2023-09-13 00:00:00+00') TO ('2023-09-14 00:00:00+00');


--
-- Name: readings_20230914; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230914 FOR VALUES FROM ('2023-09-14 00:00:00+00') TO ('2023-09-15 00:00:00+00');


--
-- Name: readings_20230915; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230915 FOR VALUES FROM ('2023-09-15 00:00:00+00') TO ('2023-09-16 00:00:00+00');


--
-- Name: readings_20230916; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230916 FOR VALUES FROM ('2023-09-16 00:00:00+00') TO ('2023-09-17 00:00:00+00');


--
-- Name: readings_20230917; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230917 FOR VALUES FROM ('2023-09-17 00:00:00+00') TO ('2023-09-18 00:00:00+00');


--
-- Name: readings_20230918; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230918 FOR VALUES FROM ('2023-09-18 00:00:00+00') TO ('2023-09-19 00:00:00+00');


--
-- Name: readings_20230919; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230919 FOR VALUES FROM ('2023-09-19 00:00:00+00') TO ('2023-09-20 00:00:00+00');


--
-- Name: readings_20230920; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230920 FOR VALUES FROM ('2023-09-20 00:00:00+00') TO ('2023-09-21 00:00:00+00');


--
-- Name: readings_20230921; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230921 FOR VALUES FROM ('2023-09-21 00:00:00+00') TO ('2023-09-22 00:00:00+00');


--
-- Name: readings_20230922; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230922 FOR VALUES FROM ('2023-09-22 00:00:00+00') TO ('2023-09-23 00:00:00+00');


--
-- Name: readings_20230923; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230923 FOR VALUES FROM ('2023-09-23 00:00:00+00') TO ('2023-09-24 00:00:00+00');


--
-- Name: readings_20230924; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230924 FOR VALUES FROM ('2023-09-24 00:00:00+00') TO ('2023-09-25 00:00:00+00');


--
-- Name: readings_20230925; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230925 FOR VALUES FROM ('2023-09-25 00:00:00+00') TO ('2023-09-26 00:00:00+00');


--
-- Name: readings_20230926; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230926 FOR VALUES FROM ('2023-09-26 00:00:00+00') TO ('2023-09-27 00:00:00+00');


--
-- Name: readings_20230927; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230927 FOR VALUES FROM ('2023-09-27 00:00:00+00') TO ('2023-09-28 00:00:00+00');


--
-- Name: readings_20230928; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230928 FOR VALUES FROM ('2023-09-28 00:00:00+00') TO ('2023-09-29 00:00:00+00');


--
-- Name: readings_20230929; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230929 FOR VALUES FROM ('2023-09-29 00:00:00+00') TO ('2023-09-30 00:00:00+00');


--
-- Name: readings_20230930; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20230930 FOR VALUES FROM ('2023-09-30 00:00:00+00') TO ('2023-10-01 00:00:00+00');


--
-- Name: readings_20231001; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20231001 FOR VALUES FROM ('2023-10-01 00:00:00+00') TO ('2023-10-02 00:00:00+00');


--
-- Name: readings_20231002; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20231002 FOR VALUES FROM ('2023-10-02 00:00:00+00') TO ('2023-10-03 00:00:00+00');


--
-- Name: readings_20231003; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20231003 FOR VALUES FROM ('2023-10-03 00:00:00+00') TO ('2023-10-04 00:00:00+00');


--
-- Name: readings_20231004; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20231004 FOR VALUES FROM ('2023-10-04 00:00:00+00') TO ('2023-10-05 00:00:00+00');


--
-- Name: readings_20231005; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20231005 FOR VALUES FROM ('2023-10-05 00:00:00+00') TO ('2023-10-06 00:00:00+00');


--
-- Name: readings_20231006; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20231006 FOR VALUES FROM ('2023-10-06 00:00:00+00') TO ('2023-10-07 00:00:00+00');


--
-- Name: readings_20231007; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20231007 FOR VALUES FROM ('2023-10-07 00:00:00+00') TO ('2023-10-08 00:00:00+00');


--
-- Name: readings_20231008; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20231008 FOR VALUES FROM ('2023-10-08 00:00:00+00') TO ('2023-10-09 00:00:00+00');


--
-- Name: readings_20231009; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20231009 FOR VALUES FROM ('2023-10-09 00:00:00+00') TO ('2023-10-10 00:00:00+00');


--
-- Name: readings_20231010; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20231010 FOR VALUES FROM ('2023-10-10 00:00:00+00') TO ('2023-10-11 00:00:00+00');


--
-- Name: readings_20231011; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20231011 FOR VALUES FROM ('2023-10-11 00:00:00+00') TO ('2023-10-12 00:00:00+00');


--
-- Name: readings_20231012; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20231012 FOR VALUES FROM ('2023-10-12 00:00:00+00') TO ('2023-10-13 00:00:00+00');


--
-- Name: readings_20231013; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20231013 FOR VALUES FROM ('2023-10-13 00:00:00+00') TO ('2023-10-14 00:00:00+00');


--
-- Name: readings_20231014; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20231014 FOR VALUES FROM ('2023-10-14 00:00:00+00') TO ('2023-10-15 00:00:00+00');


--
-- Name: readings_20231015; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20231015 FOR VALUES FROM ('2023-10-15 00:00:00+00') TO ('2023-10-16 00:00:00+00');


--
-- Name: readings_20231016; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20231016 FOR VALUES FROM ('2023-10-16 00:00:00+00') TO ('2023-10-17 00:00:00+00');


--
-- Name: readings_20231017; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20231017 FOR VALUES FROM ('2023-10-17 00:00:00+00') TO ('2023-10-18 00:00:00+00');


--
-- Name: readings_20231018; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20231018 FOR VALUES FROM ('2023-10-18 00:00:00+00') TO ('2023-10-19 00:00:00+00');


--
-- Name: readings_20231019; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20231019 FOR VALUES FROM ('2023-10-19 00:00:00+00') TO ('2023-10-20 00:00:00+00');


--
-- Name: readings_20231020; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20231020 FOR VALUES FROM ('2023-10-20 00:00:00+00') TO ('2023-10-21 00:00:00+00');


--
-- Name: readings_20231021; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20231021 FOR VALUES FROM ('2023-10-21 00:00:00+00') TO ('2023-10-22 00:00:00+00');


--
-- Name: readings_20231022; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20231022 FOR VALUES FROM ('2023-10-22 00:00:00+00') TO ('2023-10-23 00:00:00+00');


--
-- Name: readings_20231023; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20231023 FOR VALUES FROM ('2023-10-23 00:00:00+00') TO ('2023-10-24 00:00:00+00');


--
-- Name: readings_20231024; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20231024 FOR VALUES FROM ('2023-10-24 00:00:00+00') TO ('2023-10-25 00:00:00+00');


--
-- Name: readings_20231025; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20231025 FOR VALUES FROM ('2023-10-25 00:00:00+00') TO ('2023-10-26 00:00:00+00');


--
-- Name: readings_20231026; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20231026 FOR VALUES FROM ('2023-10-26 00:00:00+00') TO ('2023-10-27 00:00:00+00');


--
-- Name: readings_20231027; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20231027 FOR VALUES FROM ('2023-10-27 00:00:00+00') TO ('2023-10-28 00:00:00+00');


--
-- Name: readings_20231028; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20231028 FOR VALUES FROM ('2023-10-28 00:00:00+00') TO ('2023-10-29 00:00:00+00');


--
-- Name: readings_20231029; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20231029 FOR VALUES FROM ('2023-10-29 00:00:00+00') TO ('2023-10-30 00:00:00+00');


--
-- Name: readings_20231030; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20231030 FOR VALUES FROM ('2023-10-30 00:00:00+00') TO ('2023-10-31 00:00:00+00');


--
-- Name: readings_20231031; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20231031 FOR VALUES FROM ('2023-10-31 00:00:00+00') TO ('2023-11-01 00:00:00+00');


--
-- Name: readings_20231101; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20231101 FOR VALUES FROM ('2023-11-01 00:00:00+00') TO ('2023-11-02 00:00:00+00');


--
-- Name: readings_20231102; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20231102 FOR VALUES FROM ('2023-11-02 00:00:00+00') TO ('2023-11-03 00:00:00+00');


--
-- Name: readings_20231103; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20231103 FOR VALUES FROM ('2023-11-03 00:00:00+00') TO ('2023-11-04 00:00:00+00');


--
-- Name: readings_20231104; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20231104 FOR VALUES FROM ('2023-11-04 00:00:00+00') TO ('2023-11-05 00:00:00+00');


--
-- Name: readings_20231105; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20231105 FOR VALUES FROM ('2023-11-05 00:00:00+00') TO ('2023-11-06 00:00:00+00');


--
-- Name: readings_20231106; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20231106 FOR VALUES FROM ('2023-11-06 00:00:00+00') TO ('2023-11-07 00:00:00+00');


--
-- Name: readings_20231107; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20231107 FOR VALUES FROM ('2023-11-07 00:00:00+00') TO ('2023-11-08 00:00:00+00');


--
-- Name: readings_20231108; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20231108 FOR VALUES FROM ('2023-11-08 00:00:00+00') TO ('2023-11-09 00:00:00+00');


--
-- Name: readings_20231109; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20231109 FOR VALUES FROM ('2023-11-09 00:00:00+00') TO ('2023-11-10 00:00:00+00');


--
-- Name: readings_20231110; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20231110 FOR VALUES FROM ('2023-11-10 00:00:00+00') TO ('2023-11-11 00:00:00+00');


--
-- Name: readings_20231111; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20231111 FOR VALUES FROM ('2023-11-11 00:00:00+00') TO ('2023-11-12 00:00:00+00');


--
-- Name: readings_20231112; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20231112 FOR VALUES FROM ('2023-11-12 00:00:00+00') TO ('2023-11-13 00:00:00+00');


--
-- Name: readings_20231113; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20231113 FOR VALUES FROM ('2023-11-13 00:00:00+00') TO ('2023-11-14 00:00:00+00');


--
-- Name: readings_20231114; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20231114 FOR VALUES FROM ('2023-11-14 00:00:00+00') TO ('2023-11-15 00:00:00+00');


--
-- Name: readings_20231115; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20231115 FOR VALUES FROM ('2023-11-15 00:00:00+00') TO ('2023-11-16 00:00:00+00');


--
-- Name: readings_20231116; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20231116 FOR VALUES FROM ('2023-11-16 00:00:00+00') TO ('2023-11-17 00:00:00+00');


--
-- Name: readings_20231117; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20231117 FOR VALUES FROM ('2023-11-17 00:00:00+00') TO ('2023-11-18 00:00:00+00');


--
-- Name: readings_20231118; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20231118 FOR VALUES FROM ('2023-11-18 00:00:00+00') TO ('2023-11-19 00:00:00+00');


--
-- Name: readings_20231119; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20231119 FOR VALUES FROM ('2023-11-19 00:00:00+00') TO ('2023-11-20 00:00:00+00');


--
-- Name: readings_20231120; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20231120 FOR VALUES FROM ('2023-11-20 00:00:00+00') TO ('2023-11-21 00:00:00+00');


--
-- Name: readings_20231121; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20231121 FOR VALUES FROM ('2023-11-21 00:00:00+00') TO ('2023-11-22 00:00:00+00');


--
-- Name: readings_20231122; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20231122 FOR VALUES FROM ('2023-11-22 00:00:00+00') TO ('2023-11-23 00:00:00+00');


--
-- Name: readings_20231123; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20231123 FOR VALUES FROM ('2023-11-23 00:00:00+00') TO ('2023-11-24 00:00:00+00');


--
-- Name: readings_20231124; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20231124 FOR VALUES FROM ('2023-11-24 00:00:00+00') TO ('2023-11-25 00:00:00+00');


--
-- Name: readings_20231125; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20231125 FOR VALUES FROM ('2023-11-25 00:00:00+00') TO ('2023-11-26 00:00:00+00');


--
-- Name: readings_20231126; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20231126 FOR VALUES FROM ('2023-11-26 00:00:00+00') TO ('2023-11-27 00:00:00+00');


--
-- Name: readings_20231127; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20231127 FOR VALUES FROM ('2023-11-27 00:00:00+00') TO ('2023-11-28 00:00:00+00');


--
-- Name: readings_20231128; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20231128 FOR VALUES FROM ('2023-11-28 00:00:00+00') TO ('2023-11-29 00:00:00+00');


--
-- Name: readings_20231129; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20231129 FOR VALUES FROM ('2023-11-29 00:00:00+00') TO ('2023-11-30 00:00:00+00');


--
-- Name: readings_20231130; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20231130 FOR VALUES FROM ('2023-11-30 00:00:00+00') TO ('2023-12-01 00:00:00+00');


--
-- Name: readings_20231201; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20231201 FOR VALUES FROM ('2023-12-01 00:00:00+00') TO ('2023-12-02 00:00:00+00');


--
-- Name: readings_20231202; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20231202 FOR VALUES FROM ('2023-12-02 00:00:00+00') TO ('2023-12-03 00:00:00+00');


--
-- Name: readings_20231203; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20231203 FOR VALUES FROM ('2023-12-03 00:00:00+00') TO ('2023-12-04 00:00:00+00');


--
-- Name: readings_20231204; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20231204 FOR VALUES FROM ('2023-12-04 00:00:00+00') TO ('2023-12-05 00:00:00+00');


--
-- Name: readings_20231205; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20231205 FOR VALUES FROM ('2023-12-05 00:00:00+00') TO ('2023-12-06 00:00:00+00');


--
-- Name: readings_20231206; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20231206 FOR VALUES FROM ('2023-12-06 00:00:00+00') TO ('2023-12-07 00:00:00+00');


--
-- Name: readings_20231207; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20231207 FOR VALUES FROM ('2023-12-07 00:00:00+00') TO ('2023-12-08 00:00:00+00');


--
-- Name: readings_20231208; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20231208 FOR VALUES FROM ('2023-12-08 00:00:00+00') TO ('2023-12-09 00:00:00+00');


--
-- Name: readings_20231209; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20231209 FOR VALUES FROM ('2023-12-09 00:00:00+00') TO ('2023-12-10 00:00:00+00');


--
-- Name: readings_20231210; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20231210 FOR VALUES FROM ('2023-12-10 00:00:00+00') TO ('2023-12-11 00:00:00+00');


--
-- Name: readings_20231211; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20231211 FOR VALUES FROM ('2023-12-11 00:00:00+00') TO ('2023-12-12 00:00:00+00');


--
-- Name: readings_20231212; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20231212 FOR VALUES FROM ('2023-12-12 00:00:00+00') TO ('2023-12-13 00:00:00+00');


--
-- Name: readings_20231213; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20231213 FOR VALUES FROM ('2023-12-13 00:00:00+00') TO ('2023-12-14 00:00:00+00');


--
-- Name: readings_20231214; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20231214 FOR VALUES FROM ('2023-12-14 00:00:00+00') TO ('2023-12-15 00:00:00+00');


--
-- Name: readings_20231215; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20231215 FOR VALUES FROM ('2023-12-15 00:00:00+00') TO ('2023-12-16 00:00:00+00');


--
-- Name: readings_20231216; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20231216 FOR VALUES FROM ('2023-12-16 00:00:00+00') TO ('2023-12-17 00:00:00+00');


--
-- Name: readings_20231217; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20231217 FOR VALUES FROM ('2023-12-17 00:00:00+00') TO ('2023-12-18 00:00:00+00');


--
-- Name: readings_20231218; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20231218 FOR VALUES FROM ('2023-12-18 00:00:00+00') TO ('2023-12-19 00:00:00+00');


--
-- Name: readings_20231219; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20231219 FOR VALUES FROM ('2023-12-19 00:00:00+00') TO ('2023-12-20 00:00:00+00');


--
-- Name: readings_20231220; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20231220 FOR VALUES FROM ('2023-12-20 00:00:00+00') TO ('2023-12-21 00:00:00+00');


--
-- Name: readings_20231221; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20231221 FOR VALUES FROM ('2023-12-21 00:00:00+00') TO ('2023-12-22 00:00:00+00');


--
-- Name: readings_20231222; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20231222 FOR VALUES FROM ('2023-12-22 00:00:00+00') TO ('2023-12-23 00:00:00+00');


--
-- Name: readings_20231223; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20231223 FOR VALUES FROM ('2023-12-23 00:00:00+00') TO ('2023-12-24 00:00:00+00');


--
-- Name: readings_20231224; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20231224 FOR VALUES FROM ('2023-12-24 00:00:00+00') TO ('2023-12-25 00:00:00+00');


--
-- Name: readings_20231225; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20231225 FOR VALUES FROM ('2023-12-25 00:00:00+00') TO ('2023-12-26 00:00:00+00');


--
-- Name: readings_20231226; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20231226 FOR VALUES FROM ('2023-12-26 00:00:00+00') TO ('2023-12-27 00:00:00+00');


--
-- Name: readings_20231227; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20231227 FOR VALUES FROM ('2023-12-27 00:00:00+00') TO ('2023-12-28 00:00:00+00');


--
-- Name: readings_20231228; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20231228 FOR VALUES FROM ('2023-12-28 00:00:00+00') TO ('2023-12-29 00:00:00+00');


--
-- Name: readings_20231229; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20231229 FOR VALUES FROM ('2023-12-29 00:00:00+00') TO ('2023-12-30 00:00:00+00');


--
-- Name: readings_20231230; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20231230 FOR VALUES FROM ('2023-12-30 00:00:00+00') TO ('2023-12-31 00:00:00+00');


--
-- Name: readings_20231231; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.readings ATTACH PARTITION public.readings_20231231 FOR VALUES FROM ('2023-12-31 00:00:00+00') TO ('2024-01-01 00:00:00+00');


--
-- Name: account_events account_events_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.account_events
    ADD CONSTRAINT account_events_pkey PRIMARY KEY (id);


--
-- Name: accounts accounts_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.accounts
    ADD CONSTRAINT accounts_pkey PRIMARY KEY (id);


--
-- Name: customers customers_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.customers
    ADD CONSTRAINT customers_pkey PRIMARY KEY (id);


--
-- Name: invoices invoices_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.invoices
    ADD CONSTRAINT invoices_pkey PRIMARY KEY (id);


--
-- Name: order_items order_items_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.order_items
    ADD CONSTRAINT order_items_pkey PRIMARY KEY (order_id, line);


--
-- Name: orders orders_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.orders
    ADD CONSTRAINT orders_pkey PRIMARY KEY (id);


--
-- Name: products products_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.products
    ADD CONSTRAINT products_pkey PRIMARY KEY (id);


--
-- Name: sessions sessions_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sessions
    ADD CONSTRAINT sessions_pkey PRIMARY KEY (id);


--
-- Name: stock_movements stock_movements_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.stock_movements
    ADD CONSTRAINT stock_movements_pkey PRIMARY KEY (id);


--
-- Name: customers_email_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX customers_email_idx ON public.customers USING btree (email);


--
-- Name: orders_created_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX orders_created_at_idx ON public.orders USING btree (created_at);


--
-- Name: orders_customer_id_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX orders_customer_id_idx ON public.orders USING btree (customer_id);


--
-- Name: readings_sensor_taken_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_sensor_taken_idx ON ONLY public.readings USING btree (sensor_id, taken_at);


--
-- Name: readings_20230101_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230101_sensor_id_taken_at_idx ON public.readings_20230101 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230102_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230102_sensor_id_taken_at_idx ON public.readings_20230102 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230103_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230103_sensor_id_taken_at_idx ON public.readings_20230103 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230104_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230104_sensor_id_taken_at_idx ON public.readings_20230104 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230105_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230105_sensor_id_taken_at_idx ON public.readings_20230105 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230106_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230106_sensor_id_taken_at_idx ON public.readings_20230106 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230107_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230107_sensor_id_taken_at_idx ON public.readings_20230107 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230108_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230108_sensor_id_taken_at_idx ON public.readings_20230108 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230109_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230109_sensor_id_taken_at_idx ON public.readings_20230109 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230110_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230110_sensor_id_taken_at_idx ON public.readings_20230110 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230111_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230111_sensor_id_taken_at_idx ON public.readings_20230111 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230112_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230112_sensor_id_taken_at_idx ON public.readings_20230112 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230113_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230113_sensor_id_taken_at_idx ON public.readings_20230113 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230114_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230114_sensor_id_taken_at_idx ON public.readings_20230114 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230115_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230115_sensor_id_taken_at_idx ON public.readings_20230115 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230116_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230116_sensor_id_taken_at_idx ON public.readings_20230116 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230117_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230117_sensor_id_taken_at_idx ON public.readings_20230117 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230118_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230118_sensor_id_taken_at_idx ON public.readings_20230118 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230119_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230119_sensor_id_taken_at_idx ON public.readings_20230119 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230120_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230120_sensor_id_taken_at_idx ON public.readings_20230120 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230121_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230121_sensor_id_taken_at_idx ON public.readings_20230121 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230122_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230122_sensor_id_taken_at_idx ON public.readings_20230122 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230123_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230123_sensor_id_taken_at_idx ON public.readings_20230123 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230124_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230124_sensor_id_taken_at_idx ON public.readings_20230124 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230125_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230125_sensor_id_taken_at_idx ON public.readings_20230125 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230126_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230126_sensor_id_taken_at_idx ON public.readings_20230126 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230127_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230127_sensor_id_taken_at_idx ON public.readings_20230127 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230128_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230128_sensor_id_taken_at_idx ON public.readings_20230128 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230129_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230129_sensor_id_taken_at_idx ON public.readings_20230129 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230130_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230130_sensor_id_taken_at_idx ON public.readings_20230130 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230131_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230131_sensor_id_taken_at_idx ON public.readings_20230131 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230201_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230201_sensor_id_taken_at_idx ON public.readings_20230201 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230202_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230202_sensor_id_taken_at_idx ON public.readings_20230202 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230203_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230203_sensor_id_taken_at_idx ON public.readings_20230203 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230204_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230204_sensor_id_taken_at_idx ON public.readings_20230204 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230205_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230205_sensor_id_taken_at_idx ON public.readings_20230205 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230206_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230206_sensor_id_taken_at_idx ON public.readings_20230206 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230207_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230207_sensor_id_taken_at_idx ON public.readings_20230207 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230208_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230208_sensor_id_taken_at_idx ON public.readings_20230208 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230209_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230209_sensor_id_taken_at_idx ON public.readings_20230209 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230210_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230210_sensor_id_taken_at_idx ON public.readings_20230210 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230211_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230211_sensor_id_taken_at_idx ON public.readings_20230211 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230212_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230212_sensor_id_taken_at_idx ON public.readings_20230212 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230213_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230213_sensor_id_taken_at_idx ON public.readings_20230213 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230214_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230214_sensor_id_taken_at_idx ON public.readings_20230214 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230215_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230215_sensor_id_taken_at_idx ON public.readings_20230215 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230216_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230216_sensor_id_taken_at_idx ON public.readings_20230216 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230217_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230217_sensor_id_taken_at_idx ON public.readings_20230217 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230218_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230218_sensor_id_taken_at_idx ON public.readings_20230218 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230219_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230219_sensor_id_taken_at_idx ON public.readings_20230219 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230220_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230220_sensor_id_taken_at_idx ON public.readings_20230220 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230221_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230221_sensor_id_taken_at_idx ON public.readings_20230221 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230222_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230222_sensor_id_taken_at_idx ON public.readings_20230222 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230223_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230223_sensor_id_taken_at_idx ON public.readings_20230223 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230224_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230224_sensor_id_taken_at_idx ON public.readings_20230224 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230225_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230225_sensor_id_taken_at_idx ON public.readings_20230225 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230226_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230226_sensor_id_taken_at_idx ON public.readings_20230226 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230227_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230227_sensor_id_taken_at_idx ON public.readings_20230227 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230228_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230228_sensor_id_taken_at_idx ON public.readings_20230228 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230301_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230301_sensor_id_taken_at_idx ON public.readings_20230301 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230302_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230302_sensor_id_taken_at_idx ON public.readings_20230302 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230303_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230303_sensor_id_taken_at_idx ON public.readings_20230303 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230304_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230304_sensor_id_taken_at_idx ON public.readings_20230304 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230305_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230305_sensor_id_taken_at_idx ON public.readings_20230305 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230306_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230306_sensor_id_taken_at_idx ON public.readings_20230306 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230307_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230307_sensor_id_taken_at_idx ON public.readings_20230307 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230308_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230308_sensor_id_taken_at_idx ON public.readings_20230308 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230309_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230309_sensor_id_taken_at_idx ON public.readings_20230309 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230310_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230310_sensor_id_taken_at_idx ON public.readings_20230310 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230311_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230311_sensor_id_taken_at_idx ON public.readings_20230311 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230312_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230312_sensor_id_taken_at_idx ON public.readings_20230312 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230313_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230313_sensor_id_taken_at_idx ON public.readings_20230313 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230314_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230314_sensor_id_taken_at_idx ON public.readings_20230314 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230315_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230315_sensor_id_taken_at_idx ON public.readings_20230315 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230316_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230316_sensor_id_taken_at_idx ON public.readings_20230316 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230317_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230317_sensor_id_taken_at_idx ON public.readings_20230317 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230318_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230318_sensor_id_taken_at_idx ON public.readings_20230318 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230319_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230319_sensor_id_taken_at_idx ON public.readings_20230319 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230320_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230320_sensor_id_taken_at_idx ON public.readings_20230320 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230321_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230321_sensor_id_taken_at_idx ON public.readings_20230321 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230322_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230322_sensor_id_taken_at_idx ON public.readings_20230322 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230323_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230323_sensor_id_taken_at_idx ON public.readings_20230323 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230324_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230324_sensor_id_taken_at_idx ON public.readings_20230324 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230325_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230325_sensor_id_taken_at_idx ON public.readings_20230325 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230326_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230326_sensor_id_taken_at_idx ON public.readings_20230326 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230327_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230327_sensor_id_taken_at_idx ON public.readings_20230327 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230328_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230328_sensor_id_taken_at_idx ON public.readings_20230328 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230329_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230329_sensor_id_taken_at_idx ON public.readings_20230329 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230330_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230330_sensor_id_taken_at_idx ON public.readings_20230330 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230331_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230331_sensor_id_taken_at_idx ON public.readings_20230331 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230401_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230401_sensor_id_taken_at_idx ON public.readings_20230401 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230402_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230402_sensor_id_taken_at_idx ON public.readings_20230402 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230403_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230403_sensor_id_taken_at_idx ON public.readings_20230403 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230404_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230404_sensor_id_taken_at_idx ON public.readings_20230404 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230405_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230405_sensor_id_taken_at_idx ON public.readings_20230405 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230406_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230406_sensor_id_taken_at_idx ON public.readings_20230406 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230407_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230407_sensor_id_taken_at_idx ON public.readings_20230407 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230408_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230408_sensor_id_taken_at_idx ON public.readings_20230408 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230409_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230409_sensor_id_taken_at_idx ON public.readings_20230409 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230410_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230410_sensor_id_taken_at_idx ON public.readings_20230410 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230411_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230411_sensor_id_taken_at_idx ON public.readings_20230411 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230412_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230412_sensor_id_taken_at_idx ON public.readings_20230412 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230413_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230413_sensor_id_taken_at_idx ON public.readings_20230413 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230414_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230414_sensor_id_taken_at_idx ON public.readings_20230414 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230415_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230415_sensor_id_taken_at_idx ON public.readings_20230415 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230416_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230416_sensor_id_taken_at_idx ON public.readings_20230416 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230417_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230417_sensor_id_taken_at_idx ON public.readings_20230417 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230418_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230418_sensor_id_taken_at_idx ON public.readings_20230418 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230419_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230419_sensor_id_taken_at_idx ON public.readings_20230419 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230420_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230420_sensor_id_taken_at_idx ON public.readings_20230420 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230421_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230421_sensor_id_taken_at_idx ON public.readings_20230421 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230422_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230422_sensor_id_taken_at_idx ON public.readings_20230422 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230423_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230423_sensor_id_taken_at_idx ON public.readings_20230423 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230424_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230424_sensor_id_taken_at_idx ON public.readings_20230424 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230425_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230425_sensor_id_taken_at_idx ON public.readings_20230425 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230426_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230426_sensor_id_taken_at_idx ON public.readings_20230426 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230427_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230427_sensor_id_taken_at_idx ON public.readings_20230427 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230428_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230428_sensor_id_taken_at_idx ON public.readings_20230428 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230429_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230429_sensor_id_taken_at_idx ON public.readings_20230429 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230430_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230430_sensor_id_taken_at_idx ON public.readings_20230430 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230501_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230501_sensor_id_taken_at_idx ON public.readings_20230501 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230502_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230502_sensor_id_taken_at_idx ON public.readings_20230502 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230503_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230503_sensor_id_taken_at_idx ON public.readings_20230503 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230504_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230504_sensor_id_taken_at_idx ON public.readings_20230504 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230505_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230505_sensor_id_taken_at_idx ON public.readings_20230505 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230506_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230506_sensor_id_taken_at_idx ON public.readings_20230506 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230507_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230507_sensor_id_taken_at_idx ON public.readings_20230507 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230508_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230508_sensor_id_taken_at_idx ON public.readings_20230508 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230509_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230509_sensor_id_taken_at_idx ON public.readings_20230509 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230510_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230510_sensor_id_taken_at_idx ON public.readings_20230510 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230511_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230511_sensor_id_taken_at_idx ON public.readings_20230511 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230512_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230512_sensor_id_taken_at_idx ON public.readings_20230512 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230513_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230513_sensor_id_taken_at_idx ON public.readings_20230513 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230514_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230514_sensor_id_taken_at_idx ON public.readings_20230514 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230515_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230515_sensor_id_taken_at_idx ON public.readings_20230515 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230516_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230516_sensor_id_taken_at_idx ON public.readings_20230516 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230517_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230517_sensor_id_taken_at_idx ON public.readings_20230517 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230518_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230518_sensor_id_taken_at_idx ON public.readings_20230518 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230519_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230519_sensor_id_taken_at_idx ON public.readings_20230519 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230520_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230520_sensor_id_taken_at_idx ON public.readings_20230520 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230521_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230521_sensor_id_taken_at_idx ON public.readings_20230521 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230522_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230522_sensor_id_taken_at_idx ON public.readings_20230522 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230523_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230523_sensor_id_taken_at_idx ON public.readings_20230523 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230524_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230524_sensor_id_taken_at_idx ON public.readings_20230524 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230525_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230525_sensor_id_taken_at_idx ON public.readings_20230525 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230526_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230526_sensor_id_taken_at_idx ON public.readings_20230526 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230527_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230527_sensor_id_taken_at_idx ON public.readings_20230527 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230528_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230528_sensor_id_taken_at_idx ON public.readings_20230528 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230529_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230529_sensor_id_taken_at_idx ON public.readings_20230529 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230530_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230530_sensor_id_taken_at_idx ON public.readings_20230530 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230531_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230531_sensor_id_taken_at_idx ON public.readings_20230531 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230601_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230601_sensor_id_taken_at_idx ON public.readings_20230601 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230602_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230602_sensor_id_taken_at_idx ON public.readings_20230602 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230603_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230603_sensor_id_taken_at_idx ON public.readings_20230603 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230604_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230604_sensor_id_taken_at_idx ON public.readings_20230604 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230605_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230605_sensor_id_taken_at_idx ON public.readings_20230605 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230606_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230606_sensor_id_taken_at_idx ON public.readings_20230606 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230607_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230607_sensor_id_taken_at_idx ON public.readings_20230607 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230608_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230608_sensor_id_taken_at_idx ON public.readings_20230608 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230609_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230609_sensor_id_taken_at_idx ON public.readings_20230609 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230610_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230610_sensor_id_taken_at_idx ON public.readings_20230610 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230611_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230611_sensor_id_taken_at_idx ON public.readings_20230611 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230612_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230612_sensor_id_taken_at_idx ON public.readings_20230612 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230613_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230613_sensor_id_taken_at_idx ON public.readings_20230613 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230614_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230614_sensor_id_taken_at_idx ON public.readings_20230614 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230615_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230615_sensor_id_taken_at_idx ON public.readings_20230615 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230616_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230616_sensor_id_taken_at_idx ON public.readings_20230616 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230617_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230617_sensor_id_taken_at_idx ON public.readings_20230617 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230618_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230618_sensor_id_taken_at_idx ON public.readings_20230618 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230619_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230619_sensor_id_taken_at_idx ON public.readings_20230619 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230620_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230620_sensor_id_taken_at_idx ON public.readings_20230620 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230621_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230621_sensor_id_taken_at_idx ON public.readings_20230621 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230622_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230622_sensor_id_taken_at_idx ON public.readings_20230622 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230623_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230623_sensor_id_taken_at_idx ON public.readings_20230623 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230624_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230624_sensor_id_taken_at_idx ON public.readings_20230624 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230625_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230625_sensor_id_taken_at_idx ON public.readings_20230625 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230626_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230626_sensor_id_taken_at_idx ON public.readings_20230626 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230627_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230627_sensor_id_taken_at_idx ON public.readings_20230627 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230628_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230628_sensor_id_taken_at_idx ON public.readings_20230628 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230629_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230629_sensor_id_taken_at_idx ON public.readings_20230629 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230630_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230630_sensor_id_taken_at_idx ON public.readings_20230630 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230701_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230701_sensor_id_taken_at_idx ON public.readings_20230701 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230702_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230702_sensor_id_taken_at_idx ON public.readings_20230702 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230703_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230703_sensor_id_taken_at_idx ON public.readings_20230703 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230704_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230704_sensor_id_taken_at_idx ON public.readings_20230704 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230705_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230705_sensor_id_taken_at_idx ON public.readings_20230705 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230706_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230706_sensor_id_taken_at_idx ON public.readings_20230706 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230707_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230707_sensor_id_taken_at_idx ON public.readings_20230707 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230708_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230708_sensor_id_taken_at_idx ON public.readings_20230708 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230709_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230709_sensor_id_taken_at_idx ON public.readings_20230709 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230710_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230710_sensor_id_taken_at_idx ON public.readings_20230710 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230711_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230711_sensor_id_taken_at_idx ON public.readings_20230711 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230712_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230712_sensor_id_taken_at_idx ON public.readings_20230712 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230713_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230713_sensor_id_taken_at_idx ON public.readings_20230713 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230714_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230714_sensor_id_taken_at_idx ON public.readings_20230714 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230715_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230715_sensor_id_taken_at_idx ON public.readings_20230715 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230716_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230716_sensor_id_taken_at_idx ON public.readings_20230716 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230717_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230717_sensor_id_taken_at_idx ON public.readings_20230717 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230718_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230718_sensor_id_taken_at_idx ON public.readings_20230718 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230719_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230719_sensor_id_taken_at_idx ON public.readings_20230719 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230720_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230720_sensor_id_taken_at_idx ON public.readings_20230720 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230721_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230721_sensor_id_taken_at_idx ON public.readings_20230721 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230722_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230722_sensor_id_taken_at_idx ON public.readings_20230722 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230723_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230723_sensor_id_taken_at_idx ON public.readings_20230723 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230724_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230724_sensor_id_taken_at_idx ON public.readings_20230724 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230725_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230725_sensor_id_taken_at_idx ON public.readings_20230725 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230726_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230726_sensor_id_taken_at_idx ON public.readings_20230726 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230727_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230727_sensor_id_taken_at_idx ON public.readings_20230727 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230728_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230728_sensor_id_taken_at_idx ON public.readings_20230728 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230729_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230729_sensor_id_taken_at_idx ON public.readings_20230729 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230730_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230730_sensor_id_taken_at_idx ON public.readings_20230730 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230731_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230731_sensor_id_taken_at_idx ON public.readings_20230731 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230801_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230801_sensor_id_taken_at_idx ON public.readings_20230801 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230802_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230802_sensor_id_taken_at_idx ON public.readings_20230802 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230803_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230803_sensor_id_taken_at_idx ON public.readings_20230803 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230804_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230804_sensor_id_taken_at_idx ON public.readings_20230804 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230805_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230805_sensor_id_taken_at_idx ON public.readings_20230805 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230806_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230806_sensor_id_taken_at_idx ON public.readings_20230806 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230807_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230807_sensor_id_taken_at_idx ON public.readings_20230807 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230808_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230808_sensor_id_taken_at_idx ON public.readings_20230808 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230809_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230809_sensor_id_taken_at_idx ON public.readings_20230809 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230810_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230810_sensor_id_taken_at_idx ON public.readings_20230810 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230811_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230811_sensor_id_taken_at_idx ON public.readings_20230811 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230812_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230812_sensor_id_taken_at_idx ON public.readings_20230812 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230813_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230813_sensor_id_taken_at_idx ON public.readings_20230813 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230814_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230814_sensor_id_taken_at_idx ON public.readings_20230814 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230815_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230815_sensor_id_taken_at_idx ON public.readings_20230815 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230816_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230816_sensor_id_taken_at_idx ON public.readings_20230816 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230817_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230817_sensor_id_taken_at_idx ON public.readings_20230817 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230818_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230818_sensor_id_taken_at_idx ON public.readings_20230818 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230819_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230819_sensor_id_taken_at_idx ON public.readings_20230819 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230820_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230820_sensor_id_taken_at_idx ON public.readings_20230820 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230821_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230821_sensor_id_taken_at_idx ON public.readings_20230821 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230822_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230822_sensor_id_taken_at_idx ON public.readings_20230822 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230823_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230823_sensor_id_taken_at_idx ON public.readings_20230823 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230824_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230824_sensor_id_taken_at_idx ON public.readings_20230824 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230825_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230825_sensor_id_taken_at_idx ON public.readings_20230825 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230826_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230826_sensor_id_taken_at_idx ON public.readings_20230826 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230827_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230827_sensor_id_taken_at_idx ON public.readings_20230827 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230828_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230828_sensor_id_taken_at_idx ON public.readings_20230828 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230829_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230829_sensor_id_taken_at_idx ON public.readings_20230829 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230830_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230830_sensor_id_taken_at_idx ON public.readings_20230830 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230831_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230831_sensor_id_taken_at_idx ON public.readings_20230831 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230901_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230901_sensor_id_taken_at_idx ON public.readings_20230901 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230902_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230902_sensor_id_taken_at_idx ON public.readings_20230902 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230903_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230903_sensor_id_taken_at_idx ON public.readings_20230903 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230904_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230904_sensor_id_taken_at_idx ON public.readings_20230904 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230905_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230905_sensor_id_taken_at_idx ON public.readings_20230905 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230906_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230906_sensor_id_taken_at_idx ON public.readings_20230906 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230907_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230907_sensor_id_taken_at_idx ON public.readings_20230907 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230908_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230908_sensor_id_taken_at_idx ON public.readings_20230908 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230909_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230909_sensor_id_taken_at_idx ON public.readings_20230909 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230910_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230910_sensor_id_taken_at_idx ON public.readings_20230910 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230911_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230911_sensor_id_taken_at_idx ON public.readings_20230911 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230912_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230912_sensor_id_taken_at_idx ON public.readings_20230912 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230913_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230913_sensor_id_taken_at_idx ON public.readings_20230913 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230914_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230914_sensor_id_taken_at_idx ON public.readings_20230914 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230915_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230915_sensor_id_taken_at_idx ON public.readings_20230915 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230916_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230916_sensor_id_taken_at_idx ON public.readings_20230916 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230917_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230917_sensor_id_taken_at_idx ON public.readings_20230917 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230918_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230918_sensor_id_taken_at_idx ON public.readings_20230918 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230919_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230919_sensor_id_taken_at_idx ON public.readings_20230919 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230920_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230920_sensor_id_taken_at_idx ON public.readings_20230920 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230921_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230921_sensor_id_taken_at_idx ON public.readings_20230921 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230922_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230922_sensor_id_taken_at_idx ON public.readings_20230922 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230923_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230923_sensor_id_taken_at_idx ON public.readings_20230923 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230924_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230924_sensor_id_taken_at_idx ON public.readings_20230924 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230925_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230925_sensor_id_taken_at_idx ON public.readings_20230925 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230926_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230926_sensor_id_taken_at_idx ON public.readings_20230926 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230927_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230927_sensor_id_taken_at_idx ON public.readings_20230927 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230928_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230928_sensor_id_taken_at_idx ON public.readings_20230928 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230929_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230929_sensor_id_taken_at_idx ON public.readings_20230929 USING btree (sensor_id, taken_at);


--
-- Name: readings_20230930_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20230930_sensor_id_taken_at_idx ON public.readings_20230930 USING btree (sensor_id, taken_at);


--
-- Name: readings_20231001_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20231001_sensor_id_taken_at_idx ON public.readings_20231001 USING btree (sensor_id, taken_at);


--
-- Name: readings_20231002_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20231002_sensor_id_taken_at_idx ON public.readings_20231002 USING btree (sensor_id, taken_at);


--
-- Name: readings_20231003_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20231003_sensor_id_taken_at_idx ON public.readings_20231003 USING btree (sensor_id, taken_at);


--
-- Name: readings_20231004_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20231004_sensor_id_taken_at_idx ON public.readings_20231004 USING btree (sensor_id, taken_at);


--
-- Name: readings_20231005_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20231005_sensor_id_taken_at_idx ON public.readings_20231005 USING btree (sensor_id, taken_at);


--
-- Name: readings_20231006_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20231006_sensor_id_taken_at_idx ON public.readings_20231006 USING btree (sensor_id, taken_at);


--
-- Name: readings_20231007_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20231007_sensor_id_taken_at_idx ON public.readings_20231007 USING btree (sensor_id, taken_at);


--
-- Name: readings_20231008_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20231008_sensor_id_taken_at_idx ON public.readings_20231008 USING btree (sensor_id, taken_at);


--
-- Name: readings_20231009_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20231009_sensor_id_taken_at_idx ON public.readings_20231009 USING btree (sensor_id, taken_at);


--
-- Name: readings_20231010_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20231010_sensor_id_taken_at_idx ON public.readings_20231010 USING btree (sensor_id, taken_at);


--
-- Name: readings_20231011_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20231011_sensor_id_taken_at_idx ON public.readings_20231011 USING btree (sensor_id, taken_at);


--
-- Name: readings_20231012_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20231012_sensor_id_taken_at_idx ON public.readings_20231012 USING btree (sensor_id, taken_at);


--
-- Name: readings_20231013_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20231013_sensor_id_taken_at_idx ON public.readings_20231013 USING btree (sensor_id, taken_at);


--
-- Name: readings_20231014_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20231014_sensor_id_taken_at_idx ON public.readings_20231014 USING btree (sensor_id, taken_at);


--
-- Name: readings_20231015_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20231015_sensor_id_taken_at_idx ON public.readings_20231015 USING btree (sensor_id, taken_at);


--
-- Name: readings_20231016_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20231016_sensor_id_taken_at_idx ON public.readings_20231016 USING btree (sensor_id, taken_at);


--
-- Name: readings_20231017_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20231017_sensor_id_taken_at_idx ON public.readings_20231017 USING btree (sensor_id, taken_at);


--
-- Name: readings_20231018_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20231018_sensor_id_taken_at_idx ON public.readings_20231018 USING btree (sensor_id, taken_at);


--
-- Name: readings_20231019_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20231019_sensor_id_taken_at_idx ON public.readings_20231019 USING btree (sensor_id, taken_at);


--
-- Name: readings_20231020_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20231020_sensor_id_taken_at_idx ON public.readings_20231020 USING btree (sensor_id, taken_at);


--
-- Name: readings_20231021_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20231021_sensor_id_taken_at_idx ON public.readings_20231021 USING btree (sensor_id, taken_at);


--
-- Name: readings_20231022_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20231022_sensor_id_taken_at_idx ON public.readings_20231022 USING btree (sensor_id, taken_at);


--
-- Name: readings_20231023_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20231023_sensor_id_taken_at_idx ON public.readings_20231023 USING btree (sensor_id, taken_at);


--
-- Name: readings_20231024_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20231024_sensor_id_taken_at_idx ON public.readings_20231024 USING btree (sensor_id, taken_at);


--
-- Name: readings_20231025_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20231025_sensor_id_taken_at_idx ON public.readings_20231025 USING btree (sensor_id, taken_at);


--
-- Name: readings_20231026_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20231026_sensor_id_taken_at_idx ON public.readings_20231026 USING btree (sensor_id, taken_at);


--
-- Name: readings_20231027_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20231027_sensor_id_taken_at_idx ON public.readings_20231027 USING btree (sensor_id, taken_at);


--
-- Name: readings_20231028_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20231028_sensor_id_taken_at_idx ON public.readings_20231028 USING btree (sensor_id, taken_at);


--
-- Name: readings_20231029_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20231029_sensor_id_taken_at_idx ON public.readings_20231029 USING btree (sensor_id, taken_at);


--
-- Name: readings_20231030_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20231030_sensor_id_taken_at_idx ON public.readings_20231030 USING btree (sensor_id, taken_at);


--
-- Name: readings_20231031_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20231031_sensor_id_taken_at_idx ON public.readings_20231031 USING btree (sensor_id, taken_at);


--
-- Name: readings_20231101_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20231101_sensor_id_taken_at_idx ON public.readings_20231101 USING btree (sensor_id, taken_at);


--
-- Name: readings_20231102_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20231102_sensor_id_taken_at_idx ON public.readings_20231102 USING btree (sensor_id, taken_at);


--
-- Name: readings_20231103_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20231103_sensor_id_taken_at_idx ON public.readings_20231103 USING btree (sensor_id, taken_at);


--
-- Name: readings_20231104_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20231104_sensor_id_taken_at_idx ON public.readings_20231104 USING btree (sensor_id, taken_at);


--
-- Name: readings_20231105_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20231105_sensor_id_taken_at_idx ON public.readings_20231105 USING btree (sensor_id, taken_at);


--
-- Name: readings_20231106_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20231106_sensor_id_taken_at_idx ON public.readings_20231106 USING btree (sensor_id, taken_at);


--
-- Name: readings_20231107_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20231107_sensor_id_taken_at_idx ON public.readings_20231107 USING btree (sensor_id, taken_at);


--
-- Name: readings_20231108_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20231108_sensor_id_taken_at_idx ON public.readings_20231108 USING btree (sensor_id, taken_at);


--
-- Name: readings_20231109_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20231109_sensor_id_taken_at_idx ON public.readings_20231109 USING btree (sensor_id, taken_at);


--
-- Name: readings_20231110_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20231110_sensor_id_taken_at_idx ON public.readings_20231110 USING btree (sensor_id, taken_at);


--
-- Name: readings_20231111_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20231111_sensor_id_taken_at_idx ON public.readings_20231111 USING btree (sensor_id, taken_at);


--
-- Name: readings_20231112_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20231112_sensor_id_taken_at_idx ON public.readings_20231112 USING btree (sensor_id, taken_at);


--
-- Name: readings_20231113_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20231113_sensor_id_taken_at_idx ON public.readings_20231113 USING btree (sensor_id, taken_at);


--
-- Name: readings_20231114_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20231114_sensor_id_taken_at_idx ON public.readings_20231114 USING btree (sensor_id, taken_at);


--
-- Name: readings_20231115_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20231115_sensor_id_taken_at_idx ON public.readings_20231115 USING btree (sensor_id, taken_at);


--
-- Name: readings_20231116_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20231116_sensor_id_taken_at_idx ON public.readings_20231116 USING btree (sensor_id, taken_at);


--
-- Name: readings_20231117_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20231117_sensor_id_taken_at_idx ON public.readings_20231117 USING btree (sensor_id, taken_at);


--
-- Name: readings_20231118_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20231118_sensor_id_taken_at_idx ON public.readings_20231118 USING btree (sensor_id, taken_at);


--
-- Name: readings_20231119_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20231119_sensor_id_taken_at_idx ON public.readings_20231119 USING btree (sensor_id, taken_at);


--
-- Name: readings_20231120_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20231120_sensor_id_taken_at_idx ON public.readings_20231120 USING btree (sensor_id, taken_at);


--
-- Name: readings_20231121_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20231121_sensor_id_taken_at_idx ON public.readings_20231121 USING btree (sensor_id, taken_at);


--
-- Name: readings_20231122_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20231122_sensor_id_taken_at_idx ON public.readings_20231122 USING btree (sensor_id, taken_at);


--
-- Name: readings_20231123_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20231123_sensor_id_taken_at_idx ON public.readings_20231123 USING btree (sensor_id, taken_at);


--
-- Name: readings_20231124_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20231124_sensor_id_taken_at_idx ON public.readings_20231124 USING btree (sensor_id, taken_at);


--
-- Name: readings_20231125_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20231125_sensor_id_taken_at_idx ON public.readings_20231125 USING btree (sensor_id, taken_at);


--
-- Name: readings_20231126_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20231126_sensor_id_taken_at_idx ON public.readings_20231126 USING btree (sensor_id, taken_at);


--
-- Name: readings_20231127_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20231127_sensor_id_taken_at_idx ON public.readings_20231127 USING btree (sensor_id, taken_at);


--
-- Name: readings_20231128_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20231128_sensor_id_taken_at_idx ON public.readings_20231128 USING btree (sensor_id, taken_at);


--
-- Name: readings_20231129_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20231129_sensor_id_taken_at_idx ON public.readings_20231129 USING btree (sensor_id, taken_at);


--
-- Name: readings_20231130_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20231130_sensor_id_taken_at_idx ON public.readings_20231130 USING btree (sensor_id, taken_at);


--
-- Name: readings_20231201_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20231201_sensor_id_taken_at_idx ON public.readings_20231201 USING btree (sensor_id, taken_at);


--
-- Name: readings_20231202_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20231202_sensor_id_taken_at_idx ON public.readings_20231202 USING btree (sensor_id, taken_at);


--
-- Name: readings_20231203_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20231203_sensor_id_taken_at_idx ON public.readings_20231203 USING btree (sensor_id, taken_at);


--
-- Name: readings_20231204_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20231204_sensor_id_taken_at_idx ON public.readings_20231204 USING btree (sensor_id, taken_at);


--
-- Name: readings_20231205_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20231205_sensor_id_taken_at_idx ON public.readings_20231205 USING btree (sensor_id, taken_at);


--
-- Name: readings_20231206_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20231206_sensor_id_taken_at_idx ON public.readings_20231206 USING btree (sensor_id, taken_at);


--
-- Name: readings_20231207_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20231207_sensor_id_taken_at_idx ON public.readings_20231207 USING btree (sensor_id, taken_at);


--
-- Name: readings_20231208_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20231208_sensor_id_taken_at_idx ON public.readings_20231208 USING btree (sensor_id, taken_at);


--
-- Name: readings_20231209_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20231209_sensor_id_taken_at_idx ON public.readings_20231209 USING btree (sensor_id, taken_at);


--
-- Name: readings_20231210_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20231210_sensor_id_taken_at_idx ON public.readings_20231210 USING btree (sensor_id, taken_at);


--
-- Name: readings_20231211_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20231211_sensor_id_taken_at_idx ON public.readings_20231211 USING btree (sensor_id, taken_at);


--
-- Name: readings_20231212_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20231212_sensor_id_taken_at_idx ON public.readings_20231212 USING btree (sensor_id, taken_at);


--
-- Name: readings_20231213_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20231213_sensor_id_taken_at_idx ON public.readings_20231213 USING btree (sensor_id, taken_at);


--
-- Name: readings_20231214_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20231214_sensor_id_taken_at_idx ON public.readings_20231214 USING btree (sensor_id, taken_at);


--
-- Name: readings_20231215_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20231215_sensor_id_taken_at_idx ON public.readings_20231215 USING btree (sensor_id, taken_at);


--
-- Name: readings_20231216_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20231216_sensor_id_taken_at_idx ON public.readings_20231216 USING btree (sensor_id, taken_at);


--
-- Name: readings_20231217_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20231217_sensor_id_taken_at_idx ON public.readings_20231217 USING btree (sensor_id, taken_at);


--
-- Name: readings_20231218_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20231218_sensor_id_taken_at_idx ON public.readings_20231218 USING btree (sensor_id, taken_at);


--
-- Name: readings_20231219_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20231219_sensor_id_taken_at_idx ON public.readings_20231219 USING btree (sensor_id, taken_at);


--
-- Name: readings_20231220_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20231220_sensor_id_taken_at_idx ON public.readings_20231220 USING btree (sensor_id, taken_at);


--
-- Name: readings_20231221_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20231221_sensor_id_taken_at_idx ON public.readings_20231221 USING btree (sensor_id, taken_at);


--
-- Name: readings_20231222_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20231222_sensor_id_taken_at_idx ON public.readings_20231222 USING btree (sensor_id, taken_at);


--
-- Name: readings_20231223_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20231223_sensor_id_taken_at_idx ON public.readings_20231223 USING btree (sensor_id, taken_at);


--
-- Name: readings_20231224_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20231224_sensor_id_taken_at_idx ON public.readings_20231224 USING btree (sensor_id, taken_at);


--
-- Name: readings_20231225_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20231225_sensor_id_taken_at_idx ON public.readings_20231225 USING btree (sensor_id, taken_at);


--
-- Name: readings_20231226_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20231226_sensor_id_taken_at_idx ON public.readings_20231226 USING btree (sensor_id, taken_at);


--
-- Name: readings_20231227_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20231227_sensor_id_taken_at_idx ON public.readings_20231227 USING btree (sensor_id, taken_at);


--
-- Name: readings_20231228_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20231228_sensor_id_taken_at_idx ON public.readings_20231228 USING btree (sensor_id, taken_at);


--
-- Name: readings_20231229_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20231229_sensor_id_taken_at_idx ON public.readings_20231229 USING btree (sensor_id, taken_at);


--
-- Name: readings_20231230_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20231230_sensor_id_taken_at_idx ON public.readings_20231230 USING btree (sensor_id, taken_at);


--
-- Name: readings_20231231_sensor_id_taken_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX readings_20231231_sensor_id_taken_at_idx ON public.readings_20231231 USING btree (sensor_id, taken_at);


--
-- Name: stock_movements_warehouse_sku_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX stock_movements_warehouse_sku_idx ON public.stock_movements USING btree (warehouse_id, sku);


--
-- Name: readings_20230101_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230101_sensor_id_taken_at_idx;


--
-- Name: readings_20230102_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230102_sensor_id_taken_at_idx;


--
-- Name: readings_20230103_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230103_sensor_id_taken_at_idx;


--
-- Name: readings_20230104_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230104_sensor_id_taken_at_idx;


--
-- Name: readings_20230105_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230105_sensor_id_taken_at_idx;


--
-- Name: readings_20230106_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230106_sensor_id_taken_at_idx;


--
-- Name: readings_20230107_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230107_sensor_id_taken_at_idx;


--
-- Name: readings_20230108_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230108_sensor_id_taken_at_idx;


--
-- Name: readings_20230109_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230109_sensor_id_taken_at_idx;


--
-- Name: readings_20230110_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230110_sensor_id_taken_at_idx;


--
-- Name: readings_20230111_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230111_sensor_id_taken_at_idx;


--
-- Name: readings_20230112_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230112_sensor_id_taken_at_idx;


--
-- Name: readings_20230113_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230113_sensor_id_taken_at_idx;


--
-- Name: readings_20230114_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230114_sensor_id_taken_at_idx;


--
-- Name: readings_20230115_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230115_sensor_id_taken_at_idx;


--
-- Name: readings_20230116_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230116_sensor_id_taken_at_idx;


--
-- Name: readings_20230117_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230117_sensor_id_taken_at_idx;


--
-- Name: readings_20230118_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230118_sensor_id_taken_at_idx;


--
-- Name: readings_20230119_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230119_sensor_id_taken_at_idx;


--
-- Name: readings_20230120_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230120_sensor_id_taken_at_idx;


--
-- Name: readings_20230121_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230121_sensor_id_taken_at_idx;


--
-- Name: readings_20230122_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230122_sensor_id_taken_at_idx;


--
-- Name: readings_20230123_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230123_sensor_id_taken_at_idx;


--
-- Name: readings_20230124_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230124_sensor_id_taken_at_idx;


--
-- Name: readings_20230125_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230125_sensor_id_taken_at_idx;


--
-- Name: readings_20230126_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230126_sensor_id_taken_at_idx;


--
-- Name: readings_20230127_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230127_sensor_id_taken_at_idx;


--
-- Name: readings_20230128_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230128_sensor_id_taken_at_idx;


--
-- Name: readings_20230129_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230129_sensor_id_taken_at_idx;


--
-- Name: readings_20230130_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230130_sensor_id_taken_at_idx;


--
-- Name: readings_20230131_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230131_sensor_id_taken_at_idx;


--
-- Name: readings_20230201_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230201_sensor_id_taken_at_idx;


--
-- Name: readings_20230202_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230202_sensor_id_taken_at_idx;


--
-- Name: readings_20230203_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230203_sensor_id_taken_at_idx;


--
-- Name: readings_20230204_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230204_sensor_id_taken_at_idx;


--
-- Name: readings_20230205_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230205_sensor_id_taken_at_idx;


--
-- Name: readings_20230206_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230206_sensor_id_taken_at_idx;


--
-- Name: readings_20230207_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230207_sensor_id_taken_at_idx;


--
-- Name: readings_20230208_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230208_sensor_id_taken_at_idx;


--
-- Name: readings_20230209_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230209_sensor_id_taken_at_idx;


--
-- Name: readings_20230210_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230210_sensor_id_taken_at_idx;


--
-- Name: readings_20230211_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230211_sensor_id_taken_at_idx;


--
-- Name: readings_20230212_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230212_sensor_id_taken_at_idx;


--
-- Name: readings_20230213_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230213_sensor_id_taken_at_idx;


--
-- Name: readings_20230214_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230214_sensor_id_taken_at_idx;


--
-- Name: readings_20230215_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230215_sensor_id_taken_at_idx;


--
-- Name: readings_20230216_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230216_sensor_id_taken_at_idx;


--
-- Name: readings_20230217_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230217_sensor_id_taken_at_idx;


--
-- Name: readings_20230218_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230218_sensor_id_taken_at_idx;


--
-- Name: readings_20230219_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230219_sensor_id_taken_at_idx;


--
-- Name: readings_20230220_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230220_sensor_id_taken_at_idx;


--
-- Name: readings_20230221_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230221_sensor_id_taken_at_idx;


--
-- Name: readings_20230222_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230222_sensor_id_taken_at_idx;


--
-- Name: readings_20230223_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230223_sensor_id_taken_at_idx;


--
-- Name: readings_20230224_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230224_sensor_id_taken_at_idx;


--
-- Name: readings_20230225_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230225_sensor_id_taken_at_idx;


--
-- Name: readings_20230226_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230226_sensor_id_taken_at_idx;


--
-- Name: readings_20230227_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230227_sensor_id_taken_at_idx;


--
-- Name: readings_20230228_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230228_sensor_id_taken_at_idx;


--
-- Name: readings_20230301_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230301_sensor_id_taken_at_idx;


--
-- Name: readings_20230302_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230302_sensor_id_taken_at_idx;


--
-- Name: readings_20230303_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230303_sensor_id_taken_at_idx;


--
-- Name: readings_20230304_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230304_sensor_id_taken_at_idx;


--
-- Name: readings_20230305_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230305_sensor_id_taken_at_idx;


--
-- Name: readings_20230306_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230306_sensor_id_taken_at_idx;


--
-- Name: readings_20230307_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230307_sensor_id_taken_at_idx;


--
-- Name: readings_20230308_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230308_sensor_id_taken_at_idx;


--
-- Name: readings_20230309_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230309_sensor_id_taken_at_idx;


--
-- Name: readings_20230310_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230310_sensor_id_taken_at_idx;


--
-- Name: readings_20230311_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230311_sensor_id_taken_at_idx;


--
-- Name: readings_20230312_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230312_sensor_id_taken_at_idx;


--
-- Name: readings_20230313_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230313_sensor_id_taken_at_idx;


--
-- Name: readings_20230314_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230314_sensor_id_taken_at_idx;


--
-- Name: readings_20230315_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230315_sensor_id_taken_at_idx;


--
-- Name: readings_20230316_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230316_sensor_id_taken_at_idx;


--
-- Name: readings_20230317_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230317_sensor_id_taken_at_idx;


--
-- Name: readings_20230318_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230318_sensor_id_taken_at_idx;


--
-- Name: readings_20230319_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230319_sensor_id_taken_at_idx;


--
-- Name: readings_20230320_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230320_sensor_id_taken_at_idx;


--
-- Name: readings_20230321_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230321_sensor_id_taken_at_idx;


--
-- Name: readings_20230322_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230322_sensor_id_taken_at_idx;


--
-- Name: readings_20230323_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230323_sensor_id_taken_at_idx;


--
-- Name: readings_20230324_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230324_sensor_id_taken_at_idx;


--
-- Name: readings_20230325_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230325_sensor_id_taken_at_idx;


--
-- Name: readings_20230326_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230326_sensor_id_taken_at_idx;


--
-- Name: readings_20230327_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230327_sensor_id_taken_at_idx;


--
-- Name: readings_20230328_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230328_sensor_id_taken_at_idx;


--
-- Name: readings_20230329_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230329_sensor_id_taken_at_idx;


--
-- Name: readings_20230330_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230330_sensor_id_taken_at_idx;


--
-- Name: readings_20230331_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230331_sensor_id_taken_at_idx;


--
-- Name: readings_20230401_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230401_sensor_id_taken_at_idx;


--
-- Name: readings_20230402_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230402_sensor_id_taken_at_idx;


--
-- Name: readings_20230403_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230403_sensor_id_taken_at_idx;


--
-- Name: readings_20230404_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230404_sensor_id_taken_at_idx;


--
-- Name: readings_20230405_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230405_sensor_id_taken_at_idx;


--
-- Name: readings_20230406_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230406_sensor_id_taken_at_idx;


--
-- Name: readings_20230407_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230407_sensor_id_taken_at_idx;


--
-- Name: readings_20230408_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230408_sensor_id_taken_at_idx;


--
-- Name: readings_20230409_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230409_sensor_id_taken_at_idx;


--
-- Name: readings_20230410_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230410_sensor_id_taken_at_idx;


--
-- Name: readings_20230411_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230411_sensor_id_taken_at_idx;


--
-- Name: readings_20230412_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230412_sensor_id_taken_at_idx;


--
-- Name: readings_20230413_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230413_sensor_id_taken_at_idx;


--
-- Name: readings_20230414_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230414_sensor_id_taken_at_idx;


--
-- Name: readings_20230415_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230415_sensor_id_taken_at_idx;


--
-- Name: readings_20230416_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230416_sensor_id_taken_at_idx;


--
-- Name: readings_20230417_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230417_sensor_id_taken_at_idx;


--
-- Name: readings_20230418_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230418_sensor_id_taken_at_idx;


--
-- Name: readings_20230419_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230419_sensor_id_taken_at_idx;


--
-- Name: readings_20230420_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230420_sensor_id_taken_at_idx;


--
-- Name: readings_20230421_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230421_sensor_id_taken_at_idx;


--
-- Name: readings_20230422_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230422_sensor_id_taken_at_idx;


--
-- Name: readings_20230423_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230423_sensor_id_taken_at_idx;


--
-- Name: readings_20230424_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230424_sensor_id_taken_at_idx;


--
-- Name: readings_20230425_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230425_sensor_id_taken_at_idx;


--
-- Name: readings_20230426_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230426_sensor_id_taken_at_idx;


--
-- Name: readings_20230427_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230427_sensor_id_taken_at_idx;


--
-- Name: readings_20230428_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230428_sensor_id_taken_at_idx;


--
-- Name: readings_20230429_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230429_sensor_id_taken_at_idx;


--
-- Name: readings_20230430_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230430_sensor_id_taken_at_idx;


--
-- Name: readings_20230501_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230501_sensor_id_taken_at_idx;


--
-- Name: readings_20230502_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230502_sensor_id_taken_at_idx;


--
-- Name: readings_20230503_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230503_sensor_id_taken_at_idx;


--
-- Name: readings_20230504_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230504_sensor_id_taken_at_idx;


--
-- Name: readings_20230505_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230505_sensor_id_taken_at_idx;


--
-- Name: readings_20230506_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230506_sensor_id_taken_at_idx;


--
-- Name: readings_20230507_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230507_sensor_id_taken_at_idx;


--
-- Name: readings_20230508_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230508_sensor_id_taken_at_idx;


--
-- Name: readings_20230509_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230509_sensor_id_taken_at_idx;


--
-- Name: readings_20230510_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230510_sensor_id_taken_at_idx;


--
-- Name: readings_20230511_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230511_sensor_id_taken_at_idx;


--
-- Name: readings_20230512_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230512_sensor_id_taken_at_idx;


--
-- Name: readings_20230513_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230513_sensor_id_taken_at_idx;


--
-- Name: readings_20230514_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230514_sensor_id_taken_at_idx;


--
-- Name: readings_20230515_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230515_sensor_id_taken_at_idx;


--
-- Name: readings_20230516_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230516_sensor_id_taken_at_idx;


--
-- Name: readings_20230517_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230517_sensor_id_taken_at_idx;


--
-- Name: readings_20230518_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230518_sensor_id_taken_at_idx;


--
-- Name: readings_20230519_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230519_sensor_id_taken_at_idx;


--
-- Name: readings_20230520_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230520_sensor_id_taken_at_idx;


--
-- Name: readings_20230521_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230521_sensor_id_taken_at_idx;


--
-- Name: readings_20230522_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230522_sensor_id_taken_at_idx;


--
-- Name: readings_20230523_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230523_sensor_id_taken_at_idx;


--
-- Name: readings_20230524_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230524_sensor_id_taken_at_idx;


--
-- Name: readings_20230525_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230525_sensor_id_taken_at_idx;


--
-- Name: readings_20230526_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230526_sensor_id_taken_at_idx;


--
-- Name: readings_20230527_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230527_sensor_id_taken_at_idx;


--
-- Name: readings_20230528_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230528_sensor_id_taken_at_idx;


--
-- Name: readings_20230529_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230529_sensor_id_taken_at_idx;


--
-- Name: readings_20230530_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230530_sensor_id_taken_at_idx;


--
-- Name: readings_20230531_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230531_sensor_id_taken_at_idx;


--
-- Name: readings_20230601_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230601_sensor_id_taken_at_idx;


--
-- Name: readings_20230602_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230602_sensor_id_taken_at_idx;


--
-- Name: readings_20230603_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230603_sensor_id_taken_at_idx;


--
-- Name: readings_20230604_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230604_sensor_id_taken_at_idx;


--
-- Name: readings_20230605_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230605_sensor_id_taken_at_idx;


--
-- Name: readings_20230606_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230606_sensor_id_taken_at_idx;


--
-- Name: readings_20230607_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230607_sensor_id_taken_at_idx;


--
-- Name: readings_20230608_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230608_sensor_id_taken_at_idx;


--
-- Name: readings_20230609_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230609_sensor_id_taken_at_idx;


--
-- Name: readings_20230610_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230610_sensor_id_taken_at_idx;


--
-- Name: readings_20230611_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230611_sensor_id_taken_at_idx;


--
-- Name: readings_20230612_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230612_sensor_id_taken_at_idx;


--
-- Name: readings_20230613_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230613_sensor_id_taken_at_idx;


--
-- Name: readings_20230614_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230614_sensor_id_taken_at_idx;


--
-- Name: readings_20230615_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230615_sensor_id_taken_at_idx;


--
-- Name: readings_20230616_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230616_sensor_id_taken_at_idx;


--
-- Name: readings_20230617_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230617_sensor_id_taken_at_idx;


--
-- Name: readings_20230618_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230618_sensor_id_taken_at_idx;


--
-- Name: readings_20230619_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230619_sensor_id_taken_at_idx;


--
-- Name: readings_20230620_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230620_sensor_id_taken_at_idx;


--
-- Name: readings_20230621_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230621_sensor_id_taken_at_idx;


--
-- Name: readings_20230622_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230622_sensor_id_taken_at_idx;


--
-- Name: readings_20230623_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230623_sensor_id_taken_at_idx;


--
-- Name: readings_20230624_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230624_sensor_id_taken_at_idx;


--
-- Name: readings_20230625_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230625_sensor_id_taken_at_idx;


--
-- Name: readings_20230626_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230626_sensor_id_taken_at_idx;


--
-- Name: readings_20230627_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230627_sensor_id_taken_at_idx;


--
-- Name: readings_20230628_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230628_sensor_id_taken_at_idx;


--
-- Name: readings_20230629_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230629_sensor_id_taken_at_idx;


--
-- Name: readings_20230630_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230630_sensor_id_taken_at_idx;


--
-- Name: readings_20230701_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230701_sensor_id_taken_at_idx;


--
-- Name: readings_20230702_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230702_sensor_id_taken_at_idx;


--
-- Name: readings_20230703_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230703_sensor_id_taken_at_idx;


--
-- Name: readings_20230704_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230704_sensor_id_taken_at_idx;


--
-- Name: readings_20230705_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230705_sensor_id_taken_at_idx;


--
-- Name: readings_20230706_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230706_sensor_id_taken_at_idx;


--
-- Name: readings_20230707_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230707_sensor_id_taken_at_idx;


--
-- Name: readings_20230708_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230708_sensor_id_taken_at_idx;


--
-- Name: readings_20230709_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230709_sensor_id_taken_at_idx;


--
-- Name: readings_20230710_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230710_sensor_id_taken_at_idx;


--
-- Name: readings_20230711_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230711_sensor_id_taken_at_idx;


--
-- Name: readings_20230712_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230712_sensor_id_taken_at_idx;


--
-- Name: readings_20230713_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230713_sensor_id_taken_at_idx;


--
-- Name: readings_20230714_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230714_sensor_id_taken_at_idx;


--
-- Name: readings_20230715_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230715_sensor_id_taken_at_idx;


--
-- Name: readings_20230716_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230716_sensor_id_taken_at_idx;


--
-- Name: readings_20230717_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230717_sensor_id_taken_at_idx;


--
-- Name: readings_20230718_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230718_sensor_id_taken_at_idx;


--
-- Name: readings_20230719_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230719_sensor_id_taken_at_idx;


--
-- Name: readings_20230720_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230720_sensor_id_taken_at_idx;


--
-- Name: readings_20230721_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230721_sensor_id_taken_at_idx;


--
-- Name: readings_20230722_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230722_sensor_id_taken_at_idx;


--
-- Name: readings_20230723_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230723_sensor_id_taken_at_idx;


--
-- Name: readings_20230724_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230724_sensor_id_taken_at_idx;


--
-- Name: readings_20230725_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230725_sensor_id_taken_at_idx;


--
-- Name: readings_20230726_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230726_sensor_id_taken_at_idx;


--
-- Name: readings_20230727_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230727_sensor_id_taken_at_idx;


--
-- Name: readings_20230728_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230728_sensor_id_taken_at_idx;


--
-- Name: readings_20230729_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230729_sensor_id_taken_at_idx;


--
-- Name: readings_20230730_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230730_sensor_id_taken_at_idx;


--
-- Name: readings_20230731_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230731_sensor_id_taken_at_idx;


--
-- Name: readings_20230801_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230801_sensor_id_taken_at_idx;


--
-- Name: readings_20230802_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230802_sensor_id_taken_at_idx;


--
-- Name: readings_20230803_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230803_sensor_id_taken_at_idx;


--
-- Name: readings_20230804_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230804_sensor_id_taken_at_idx;


--
-- Name: readings_20230805_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230805_sensor_id_taken_at_idx;


--
-- Name: readings_20230806_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230806_sensor_id_taken_at_idx;


--
-- Name: readings_20230807_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230807_sensor_id_taken_at_idx;


--
-- Name: readings_20230808_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230808_sensor_id_taken_at_idx;


--
-- Name: readings_20230809_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230809_sensor_id_taken_at_idx;


--
-- Name: readings_20230810_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230810_sensor_id_taken_at_idx;


--
-- Name: readings_20230811_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230811_sensor_id_taken_at_idx;


--
-- Name: readings_20230812_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230812_sensor_id_taken_at_idx;


--
-- Name: readings_20230813_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230813_sensor_id_taken_at_idx;


--
-- Name: readings_20230814_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230814_sensor_id_taken_at_idx;


--
-- Name: readings_20230815_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230815_sensor_id_taken_at_idx;


--
-- Name: readings_20230816_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230816_sensor_id_taken_at_idx;


--
-- Name: readings_20230817_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230817_sensor_id_taken_at_idx;


--
-- Name: readings_20230818_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230818_sensor_id_taken_at_idx;


--
-- Name: readings_20230819_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230819_sensor_id_taken_at_idx;


--
-- Name: readings_20230820_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230820_sensor_id_taken_at_idx;


--
-- Name: readings_20230821_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230821_sensor_id_taken_at_idx;


--
-- Name: readings_20230822_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230822_sensor_id_taken_at_idx;


--
-- Name: readings_20230823_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230823_sensor_id_taken_at_idx;


--
-- Name: readings_20230824_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230824_sensor_id_taken_at_idx;


--
-- Name: readings_20230825_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230825_sensor_id_taken_at_idx;


--
-- Name: readings_20230826_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230826_sensor_id_taken_at_idx;


--
-- Name: readings_20230827_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230827_sensor_id_taken_at_idx;


--
-- Name: readings_20230828_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230828_sensor_id_taken_at_idx;


--
-- Name: readings_20230829_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230829_sensor_id_taken_at_idx;


--
-- Name: readings_20230830_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230830_sensor_id_taken_at_idx;


--
-- Name: readings_20230831_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230831_sensor_id_taken_at_idx;


--
-- Name: readings_20230901_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230901_sensor_id_taken_at_idx;


--
-- Name: readings_20230902_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230902_sensor_id_taken_at_idx;


--
-- Name: readings_20230903_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230903_sensor_id_taken_at_idx;


--
-- Name: readings_20230904_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230904_sensor_id_taken_at_idx;


--
-- Name: readings_20230905_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230905_sensor_id_taken_at_idx;


--
-- Name: readings_20230906_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230906_sensor_id_taken_at_idx;


--
-- Name: readings_20230907_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230907_sensor_id_taken_at_idx;


--
-- Name: readings_20230908_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230908_sensor_id_taken_at_idx;


--
-- Name: readings_20230909_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230909_sensor_id_taken_at_idx;


--
-- Name: readings_20230910_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230910_sensor_id_taken_at_idx;


--
-- Name: readings_20230911_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230911_sensor_id_taken_at_idx;


--
-- Name: readings_20230912_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230912_sensor_id_taken_at_idx;


--
-- Name: readings_20230913_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230913_sensor_id_taken_at_idx;


--
-- Name: readings_20230914_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230914_sensor_id_taken_at_idx;


--
-- Name: readings_20230915_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230915_sensor_id_taken_at_idx;


--
-- Name: readings_20230916_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230916_sensor_id_taken_at_idx;


--
-- Name: readings_20230917_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230917_sensor_id_taken_at_idx;


--
-- Name: readings_20230918_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230918_sensor_id_taken_at_idx;


--
-- Name: readings_20230919_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230919_sensor_id_taken_at_idx;


--
-- Name: readings_20230920_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230920_sensor_id_taken_at_idx;


--
-- Name: readings_20230921_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230921_sensor_id_taken_at_idx;


--
-- Name: readings_20230922_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230922_sensor_id_taken_at_idx;


--
-- Name: readings_20230923_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230923_sensor_id_taken_at_idx;


--
-- Name: readings_20230924_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230924_sensor_id_taken_at_idx;


--
-- Name: readings_20230925_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230925_sensor_id_taken_at_idx;


--
-- Name: readings_20230926_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230926_sensor_id_taken_at_idx;


--
-- Name: readings_20230927_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230927_sensor_id_taken_at_idx;


--
-- Name: readings_20230928_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230928_sensor_id_taken_at_idx;


--
-- Name: readings_20230929_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230929_sensor_id_taken_at_idx;


--
-- Name: readings_20230930_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20230930_sensor_id_taken_at_idx;


--
-- Name: readings_20231001_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20231001_sensor_id_taken_at_idx;


--
-- Name: readings_20231002_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20231002_sensor_id_taken_at_idx;


--
-- Name: readings_20231003_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20231003_sensor_id_taken_at_idx;


--
-- Name: readings_20231004_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20231004_sensor_id_taken_at_idx;


--
-- Name: readings_20231005_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20231005_sensor_id_taken_at_idx;


--
-- Name: readings_20231006_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20231006_sensor_id_taken_at_idx;


--
-- Name: readings_20231007_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20231007_sensor_id_taken_at_idx;


--
-- Name: readings_20231008_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20231008_sensor_id_taken_at_idx;


--
-- Name: readings_20231009_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20231009_sensor_id_taken_at_idx;


--
-- Name: readings_20231010_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20231010_sensor_id_taken_at_idx;


--
-- Name: readings_20231011_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20231011_sensor_id_taken_at_idx;


--
-- Name: readings_20231012_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20231012_sensor_id_taken_at_idx;


--
-- Name: readings_20231013_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20231013_sensor_id_taken_at_idx;


--
-- Name: readings_20231014_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20231014_sensor_id_taken_at_idx;


--
-- Name: readings_20231015_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20231015_sensor_id_taken_at_idx;


--
-- Name: readings_20231016_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20231016_sensor_id_taken_at_idx;


--
-- Name: readings_20231017_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20231017_sensor_id_taken_at_idx;


--
-- Name: readings_20231018_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20231018_sensor_id_taken_at_idx;


--
-- Name: readings_20231019_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20231019_sensor_id_taken_at_idx;


--
-- Name: readings_20231020_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20231020_sensor_id_taken_at_idx;


--
-- Name: readings_20231021_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20231021_sensor_id_taken_at_idx;


--
-- Name: readings_20231022_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20231022_sensor_id_taken_at_idx;


--
-- Name: readings_20231023_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20231023_sensor_id_taken_at_idx;


--
-- Name: readings_20231024_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20231024_sensor_id_taken_at_idx;


--
-- Name: readings_20231025_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20231025_sensor_id_taken_at_idx;


--
-- Name: readings_20231026_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20231026_sensor_id_taken_at_idx;


--
-- Name: readings_20231027_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20231027_sensor_id_taken_at_idx;


--
-- Name: readings_20231028_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20231028_sensor_id_taken_at_idx;


--
-- Name: readings_20231029_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20231029_sensor_id_taken_at_idx;


--
-- Name: readings_20231030_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20231030_sensor_id_taken_at_idx;


--
-- Name: readings_20231031_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20231031_sensor_id_taken_at_idx;


--
-- Name: readings_20231101_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20231101_sensor_id_taken_at_idx;


--
-- Name: readings_20231102_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20231102_sensor_id_taken_at_idx;


--
-- Name: readings_20231103_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20231103_sensor_id_taken_at_idx;


--
-- Name: readings_20231104_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20231104_sensor_id_taken_at_idx;


--
-- Name: readings_20231105_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20231105_sensor_id_taken_at_idx;


--
-- Name: readings_20231106_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20231106_sensor_id_taken_at_idx;


--
-- Name: readings_20231107_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20231107_sensor_id_taken_at_idx;


--
-- Name: readings_20231108_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20231108_sensor_id_taken_at_idx;


--
-- Name: readings_20231109_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20231109_sensor_id_taken_at_idx;


--
-- Name: readings_20231110_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20231110_sensor_id_taken_at_idx;


--
-- Name: readings_20231111_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20231111_sensor_id_taken_at_idx;


--
-- Name: readings_20231112_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20231112_sensor_id_taken_at_idx;


--
-- Name: readings_20231113_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20231113_sensor_id_taken_at_idx;


--
-- Name: readings_20231114_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20231114_sensor_id_taken_at_idx;


--
-- Name: readings_20231115_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20231115_sensor_id_taken_at_idx;


--
-- Name: readings_20231116_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20231116_sensor_id_taken_at_idx;


--
-- Name: readings_20231117_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20231117_sensor_id_taken_at_idx;


--
-- Name: readings_20231118_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20231118_sensor_id_taken_at_idx;


--
-- Name: readings_20231119_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20231119_sensor_id_taken_at_idx;


--
-- Name: readings_20231120_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20231120_sensor_id_taken_at_idx;


--
-- Name: readings_20231121_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20231121_sensor_id_taken_at_idx;


--
-- Name: readings_20231122_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20231122_sensor_id_taken_at_idx;


--
-- Name: readings_20231123_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20231123_sensor_id_taken_at_idx;


--
-- Name: readings_20231124_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20231124_sensor_id_taken_at_idx;


--
-- Name: readings_20231125_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20231125_sensor_id_taken_at_idx;


--
-- Name: readings_20231126_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20231126_sensor_id_taken_at_idx;


--
-- Name: readings_20231127_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20231127_sensor_id_taken_at_idx;


--
-- Name: readings_20231128_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20231128_sensor_id_taken_at_idx;


--
-- Name: readings_20231129_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20231129_sensor_id_taken_at_idx;


--
-- Name: readings_20231130_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20231130_sensor_id_taken_at_idx;


--
-- Name: readings_20231201_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20231201_sensor_id_taken_at_idx;


--
-- Name: readings_20231202_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20231202_sensor_id_taken_at_idx;


--
-- Name: readings_20231203_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20231203_sensor_id_taken_at_idx;


--
-- Name: readings_20231204_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20231204_sensor_id_taken_at_idx;


--
-- Name: readings_20231205_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20231205_sensor_id_taken_at_idx;


--
-- Name: readings_20231206_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20231206_sensor_id_taken_at_idx;


--
-- Name: readings_20231207_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20231207_sensor_id_taken_at_idx;


--
-- Name: readings_20231208_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20231208_sensor_id_taken_at_idx;


--
-- Name: readings_20231209_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20231209_sensor_id_taken_at_idx;


--
-- Name: readings_20231210_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20231210_sensor_id_taken_at_idx;


--
-- Name: readings_20231211_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20231211_sensor_id_taken_at_idx;


--
-- Name: readings_20231212_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20231212_sensor_id_taken_at_idx;


--
-- Name: readings_20231213_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20231213_sensor_id_taken_at_idx;


--
-- Name: readings_20231214_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20231214_sensor_id_taken_at_idx;


--
-- Name: readings_20231215_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20231215_sensor_id_taken_at_idx;


--
-- Name: readings_20231216_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20231216_sensor_id_taken_at_idx;


--
-- Name: readings_20231217_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20231217_sensor_id_taken_at_idx;


--
-- Name: readings_20231218_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20231218_sensor_id_taken_at_idx;


--
-- Name: readings_20231219_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20231219_sensor_id_taken_at_idx;


--
-- Name: readings_20231220_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20231220_sensor_id_taken_at_idx;


--
-- Name: readings_20231221_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20231221_sensor_id_taken_at_idx;


--
-- Name: readings_20231222_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20231222_sensor_id_taken_at_idx;


--
-- Name: readings_20231223_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20231223_sensor_id_taken_at_idx;


--
-- Name: readings_20231224_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20231224_sensor_id_taken_at_idx;


--
-- Name: readings_20231225_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20231225_sensor_id_taken_at_idx;


--
-- Name: readings_20231226_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20231226_sensor_id_taken_at_idx;


--
-- Name: readings_20231227_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20231227_sensor_id_taken_at_idx;


--
-- Name: readings_20231228_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20231228_sensor_id_taken_at_idx;


--
-- Name: readings_20231229_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20231229_sensor_id_taken_at_idx;


--
-- Name: readings_20231230_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20231230_sensor_id_taken_at_idx;


--
-- Name: readings_20231231_sensor_id_taken_at_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.readings_sensor_taken_idx ATTACH PARTITION public.readings_20231231_sensor_id_taken_at_idx;


--
-- Name: products products_price_audit; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER products_price_audit AFTER UPDATE ON public.products FOR EACH ROW EXECUTE FUNCTION public.log_price_change();


--
-- Name: account_events account_events_account_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.account_events
    ADD CONSTRAINT account_events_account_id_fkey FOREIGN KEY (account_id) REFERENCES public.accounts(id);


--
-- Name: order_items order_items_order_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.order_items
    ADD CONSTRAINT order_items_order_id_fkey FOREIGN KEY (order_id) REFERENCES public.orders(id) ON DELETE CASCADE;


--
-- Name: orders orders_customer_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.orders
    ADD CONSTRAINT orders_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES public.customers(id);


--
-- PostgreSQL database dump complete
--

\unrestrict 83n74HR2FeYosHDHM5SL6TBBddGryz4F79jg0JhBYPEY5RskOlDzswvT2zwuvRB

