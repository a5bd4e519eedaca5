--
-- PostgreSQL database dump
--

\restrict CKK6dw43QbcPzuhfgJcgcK23Hwxe5wvXoVS5XRQzqq7NCySJkxEgUifKfXTnXOP

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
-- Name: app; Type: SCHEMA; Schema: -; Owner: postgres
--

CREATE SCHEMA app;


ALTER SCHEMA app OWNER TO postgres;

--
-- Name: audit; Type: SCHEMA; Schema: -; Owner: postgres
--

CREATE SCHEMA audit;


ALTER SCHEMA audit OWNER TO postgres;

--
-- Name: SCHEMA audit; Type: COMMENT; Schema: -; Owner: postgres
--

COMMENT ON SCHEMA audit IS 'Append-only change log.';


--
-- Name: citext; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS citext WITH SCHEMA public;


--
-- Name: EXTENSION citext; Type: COMMENT; Schema: -; Owner: 
--

COMMENT ON EXTENSION citext IS 'data type for case-insensitive character strings';


--
-- Name: hstore; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS hstore WITH SCHEMA public;


--
-- Name: EXTENSION hstore; Type: COMMENT; Schema: -; Owner: 
--

COMMENT ON EXTENSION hstore IS 'data type for storing sets of (key, value) pairs';


--
-- Name: pg_trgm; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;


--
-- Name: EXTENSION pg_trgm; Type: COMMENT; Schema: -; Owner: 
--

COMMENT ON EXTENSION pg_trgm IS 'text similarity measurement and index searching based on trigrams';


--
-- Name: issue_state; Type: TYPE; Schema: app; Owner: postgres
--

CREATE TYPE app.issue_state AS ENUM (
    'open',
    'in_progress',
    'closed',
    'wont_fix'
);


ALTER TYPE app.issue_state OWNER TO postgres;

--
-- Name: priority; Type: TYPE; Schema: app; Owner: postgres
--

CREATE TYPE app.priority AS ENUM (
    'low',
    'normal',
    'high',
    'urgent'
);


ALTER TYPE app.priority OWNER TO postgres;

--
-- Name: slug; Type: DOMAIN; Schema: app; Owner: postgres
--

CREATE DOMAIN app.slug AS text COLLATE pg_catalog."C"
	CONSTRAINT slug_check CHECK ((VALUE ~ '^[a-z0-9-]+$'::text))
	CONSTRAINT slug_check1 CHECK ((length(VALUE) <= 48));


ALTER DOMAIN app.slug OWNER TO postgres;

--
-- Name: priority_weight(app.priority); Type: FUNCTION; Schema: app; Owner: postgres
--

CREATE FUNCTION app.priority_weight(p app.priority) RETURNS integer
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    BEGIN ATOMIC
 SELECT
         CASE p
             WHEN 'urgent'::app.priority THEN 4
             WHEN 'high'::app.priority THEN 3
             WHEN 'normal'::app.priority THEN 2
             ELSE 1
         END AS "case";
END;


ALTER FUNCTION app.priority_weight(p app.priority) OWNER TO postgres;

--
-- Name: FUNCTION priority_weight(p app.priority); Type: COMMENT; Schema: app; Owner: postgres
--

COMMENT ON FUNCTION app.priority_weight(p app.priority) IS 'Sort key for priorities.';


--
-- Name: CAST (app.priority AS integer); Type: CAST; Schema: -; Owner: -
--

CREATE CAST (app.priority AS integer) WITH FUNCTION app.priority_weight(app.priority);


--
-- Name: issues; Type: TABLE; Schema: app; Owner: postgres
--

CREATE TABLE app.issues (
    tenant_id integer NOT NULL,
    issue_id bigint NOT NULL,
    project_id integer NOT NULL,
    state app.issue_state DEFAULT 'open'::app.issue_state NOT NULL,
    priority app.priority DEFAULT 'normal'::app.priority NOT NULL,
    title text NOT NULL,
    body text,
    assignee_id uuid,
    labels text[],
    created_at timestamp with time zone DEFAULT now() NOT NULL
)
PARTITION BY LIST (state);

ALTER TABLE ONLY app.issues FORCE ROW LEVEL SECURITY;


ALTER TABLE app.issues OWNER TO postgres;

--
-- Name: COLUMN issues.labels; Type: COMMENT; Schema: app; Owner: postgres
--

COMMENT ON COLUMN app.issues.labels IS 'Free-form, indexed with GIN.';


SET default_table_access_method = heap;

--
-- Name: projects; Type: TABLE; Schema: app; Owner: postgres
--

CREATE TABLE app.projects (
    project_id integer NOT NULL,
    tenant_id integer NOT NULL,
    key character varying(10) NOT NULL,
    lead_id uuid,
    archived boolean DEFAULT false NOT NULL,
    CONSTRAINT projects_key_check CHECK (((key)::text = upper((key)::text)))
)
WITH (fillfactor='80');


ALTER TABLE app.projects OWNER TO postgres;

--
-- Name: close_project(integer); Type: PROCEDURE; Schema: app; Owner: postgres
--

CREATE PROCEDURE app.close_project(IN p_project integer)
    LANGUAGE sql
    BEGIN ATOMIC
 UPDATE app.projects SET archived = true
   WHERE (projects.project_id = close_project.p_project);
 UPDATE app.issues SET state = 'closed'::app.issue_state
   WHERE ((issues.project_id = close_project.p_project) AND (issues.state <> 'closed'::app.issue_state));
END;


ALTER PROCEDURE app.close_project(IN p_project integer) OWNER TO postgres;

--
-- Name: record_change(); Type: FUNCTION; Schema: audit; Owner: postgres
--

CREATE FUNCTION audit.record_change() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'audit'
    AS $$
BEGIN
    INSERT INTO audit.log (tenant_id, table_name, action, changed)
    VALUES (NEW.tenant_id, TG_TABLE_NAME, left(TG_OP, 1), hstore(NEW) - hstore(OLD));
    RETURN NEW;
END;
$$;


ALTER FUNCTION audit.record_change() OWNER TO postgres;

--
-- Name: comments; Type: TABLE; Schema: app; Owner: postgres
--

CREATE TABLE app.comments (
    comment_id bigint NOT NULL,
    tenant_id integer NOT NULL,
    issue_id bigint NOT NULL,
    issue_state app.issue_state NOT NULL,
    author_id uuid NOT NULL,
    body text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT comments_body_check CHECK ((length(body) > 0))
);


ALTER TABLE app.comments OWNER TO postgres;

--
-- Name: comments_comment_id_seq; Type: SEQUENCE; Schema: app; Owner: postgres
--

CREATE SEQUENCE app.comments_comment_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE app.comments_comment_id_seq OWNER TO postgres;

--
-- Name: comments_comment_id_seq; Type: SEQUENCE OWNED BY; Schema: app; Owner: postgres
--

ALTER SEQUENCE app.comments_comment_id_seq OWNED BY app.comments.comment_id;


--
-- Name: issue_number_seq; Type: SEQUENCE; Schema: app; Owner: postgres
--

CREATE SEQUENCE app.issue_number_seq
    AS integer
    START WITH 1000
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 10;


ALTER TABLE app.issue_number_seq OWNER TO postgres;

--
-- Name: issue_number_seq; Type: SEQUENCE OWNED BY; Schema: app; Owner: postgres
--

ALTER SEQUENCE app.issue_number_seq OWNED BY app.issues.issue_id;


--
-- Name: issues_done; Type: TABLE; Schema: app; Owner: postgres
--

CREATE TABLE app.issues_done (
    tenant_id integer NOT NULL,
    issue_id bigint DEFAULT nextval('app.issue_number_seq'::regclass) NOT NULL,
    project_id integer NOT NULL,
    state app.issue_state DEFAULT 'open'::app.issue_state NOT NULL,
    priority app.priority DEFAULT 'normal'::app.priority NOT NULL,
    title text NOT NULL,
    body text,
    assignee_id uuid,
    labels text[],
    created_at timestamp with time zone DEFAULT now() NOT NULL
);


ALTER TABLE app.issues_done OWNER TO postgres;

--
-- Name: issues_open; Type: TABLE; Schema: app; Owner: postgres
--

CREATE TABLE app.issues_open (
    tenant_id integer NOT NULL,
    issue_id bigint DEFAULT nextval('app.issue_number_seq'::regclass) NOT NULL,
    project_id integer NOT NULL,
    state app.issue_state DEFAULT 'open'::app.issue_state NOT NULL,
    priority app.priority DEFAULT 'normal'::app.priority NOT NULL,
    title text NOT NULL,
    body text,
    assignee_id uuid,
    labels text[],
    created_at timestamp with time zone DEFAULT now() NOT NULL
)
PARTITION BY HASH (tenant_id);


ALTER TABLE app.issues_open OWNER TO postgres;

--
-- Name: issues_open_h0; Type: TABLE; Schema: app; Owner: postgres
--

CREATE TABLE app.issues_open_h0 (
    tenant_id integer NOT NULL,
    issue_id bigint DEFAULT nextval('app.issue_number_seq'::regclass) NOT NULL,
    project_id integer NOT NULL,
    state app.issue_state DEFAULT 'open'::app.issue_state NOT NULL,
    priority app.priority DEFAULT 'normal'::app.priority NOT NULL,
    title text NOT NULL,
    body text,
    assignee_id uuid,
    labels text[],
    created_at timestamp with time zone DEFAULT now() NOT NULL
);


ALTER TABLE app.issues_open_h0 OWNER TO postgres;

--
-- Name: issues_open_h1; Type: TABLE; Schema: app; Owner: postgres
--

CREATE TABLE app.issues_open_h1 (
    tenant_id integer NOT NULL,
    issue_id bigint DEFAULT nextval('app.issue_number_seq'::regclass) NOT NULL,
    project_id integer NOT NULL,
    state app.issue_state DEFAULT 'open'::app.issue_state NOT NULL,
    priority app.priority DEFAULT 'normal'::app.priority NOT NULL,
    title text NOT NULL,
    body text,
    assignee_id uuid,
    labels text[],
    created_at timestamp with time zone DEFAULT now() NOT NULL
);


ALTER TABLE app.issues_open_h1 OWNER TO postgres;

--
-- Name: open_issue_counts; Type: VIEW; Schema: app; Owner: postgres
--

CREATE VIEW app.open_issue_counts WITH (security_barrier='true') AS
 SELECT issues.tenant_id,
    issues.project_id,
    count(*) AS open_issues
   FROM app.issues
  WHERE (issues.state = ANY (ARRAY['open'::app.issue_state, 'in_progress'::app.issue_state]))
  GROUP BY issues.tenant_id, issues.project_id;


ALTER TABLE app.open_issue_counts OWNER TO postgres;

--
-- Name: project_stats; Type: MATERIALIZED VIEW; Schema: app; Owner: postgres
--

CREATE MATERIALIZED VIEW app.project_stats AS
 SELECT p.project_id,
    count(i.*) AS issues,
    max(i.created_at) AS last_issue_at
   FROM (app.projects p
     LEFT JOIN app.issues i USING (project_id))
  GROUP BY p.project_id
  WITH NO DATA;


ALTER TABLE app.project_stats OWNER TO postgres;

--
-- Name: projects_project_id_seq; Type: SEQUENCE; Schema: app; Owner: postgres
--

ALTER TABLE app.projects ALTER COLUMN project_id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME app.projects_project_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: sessions; Type: TABLE; Schema: app; Owner: postgres
--

CREATE UNLOGGED TABLE app.sessions (
    token text NOT NULL,
    user_id uuid NOT NULL,
    expires_at timestamp with time zone NOT NULL
);


ALTER TABLE app.sessions OWNER TO postgres;

--
-- Name: tenants; Type: TABLE; Schema: app; Owner: postgres
--

CREATE TABLE app.tenants (
    tenant_id integer NOT NULL,
    slug app.slug NOT NULL,
    name text NOT NULL,
    settings public.hstore
);


ALTER TABLE app.tenants OWNER TO postgres;

--
-- Name: tenants_tenant_id_seq; Type: SEQUENCE; Schema: app; Owner: postgres
--

ALTER TABLE app.tenants ALTER COLUMN tenant_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME app.tenants_tenant_id_seq
    START WITH 100
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: users; Type: TABLE; Schema: app; Owner: postgres
--

CREATE TABLE app.users (
    user_id uuid DEFAULT gen_random_uuid() NOT NULL,
    tenant_id integer NOT NULL,
    login public.citext NOT NULL,
    "ExternalId" text,
    is_admin boolean DEFAULT false NOT NULL
);


ALTER TABLE app.users OWNER TO postgres;

--
-- Name: log; Type: TABLE; Schema: audit; Owner: postgres
--

CREATE TABLE audit.log (
    id bigint NOT NULL,
    tenant_id integer,
    table_name text NOT NULL,
    action character(1) NOT NULL,
    changed public.hstore,
    at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT log_action_check CHECK ((action = ANY (ARRAY['I'::bpchar, 'U'::bpchar, 'D'::bpchar])))
);


ALTER TABLE audit.log OWNER TO postgres;

--
-- Name: log_id_seq; Type: SEQUENCE; Schema: audit; Owner: postgres
--

ALTER TABLE audit.log ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME audit.log_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: issues_done; Type: TABLE ATTACH; Schema: app; Owner: postgres
--

ALTER TABLE ONLY app.issues ATTACH PARTITION app.issues_done FOR VALUES IN ('closed', 'wont_fix');


--
-- Name: issues_open; Type: TABLE ATTACH; Schema: app; Owner: postgres
--

ALTER TABLE ONLY app.issues ATTACH PARTITION app.issues_open FOR VALUES IN ('open', 'in_progress');


--
-- Name: issues_open_h0; Type: TABLE ATTACH; Schema: app; Owner: postgres
--

ALTER TABLE ONLY app.issues_open ATTACH PARTITION app.issues_open_h0 FOR VALUES WITH (modulus 2, remainder 0);


--
-- Name: issues_open_h1; Type: TABLE ATTACH; Schema: app; Owner: postgres
--

ALTER TABLE ONLY app.issues_open ATTACH PARTITION app.issues_open_h1 FOR VALUES WITH (modulus 2, remainder 1);


--
-- Name: comments comment_id; Type: DEFAULT; Schema: app; Owner: postgres
--

ALTER TABLE ONLY app.comments ALTER COLUMN comment_id SET DEFAULT nextval('app.comments_comment_id_seq'::regclass);


--
-- Name: issues issue_id; Type: DEFAULT; Schema: app; Owner: postgres
--

ALTER TABLE ONLY app.issues ALTER COLUMN issue_id SET DEFAULT nextval('app.issue_number_seq'::regclass);


--
-- Name: comments comments_pkey; Type: CONSTRAINT; Schema: app; Owner: postgres
--

ALTER TABLE ONLY app.comments
    ADD CONSTRAINT comments_pkey PRIMARY KEY (comment_id);


--
-- Name: issues issues_pkey; Type: CONSTRAINT; Schema: app; Owner: postgres
--

ALTER TABLE ONLY app.issues
    ADD CONSTRAINT issues_pkey PRIMARY KEY (tenant_id, issue_id, state);


--
-- Name: issues_done issues_done_pkey; Type: CONSTRAINT; Schema: app; Owner: postgres
--

ALTER TABLE ONLY app.issues_done
    ADD CONSTRAINT issues_done_pkey PRIMARY KEY (tenant_id, issue_id, state);


--
-- Name: issues_open issues_open_pkey; Type: CONSTRAINT; Schema: app; Owner: postgres
--

ALTER TABLE ONLY app.issues_open
    ADD CONSTRAINT issues_open_pkey PRIMARY KEY (tenant_id, issue_id, state);


--
-- Name: issues_open_h0 issues_open_h0_pkey; Type: CONSTRAINT; Schema: app; Owner: postgres
--

ALTER TABLE ONLY app.issues_open_h0
    ADD CONSTRAINT issues_open_h0_pkey PRIMARY KEY (tenant_id, issue_id, state);


--
-- Name: issues_open_h1 issues_open_h1_pkey; Type: CONSTRAINT; Schema: app; Owner: postgres
--

ALTER TABLE ONLY app.issues_open_h1
    ADD CONSTRAINT issues_open_h1_pkey PRIMARY KEY (tenant_id, issue_id, state);


--
-- Name: projects projects_pkey; Type: CONSTRAINT; Schema: app; Owner: postgres
--

ALTER TABLE ONLY app.projects
    ADD CONSTRAINT projects_pkey PRIMARY KEY (project_id);


--
-- Name: sessions sessions_pkey; Type: CONSTRAINT; Schema: app; Owner: postgres
--

ALTER TABLE ONLY app.sessions
    ADD CONSTRAINT sessions_pkey PRIMARY KEY (token);


--
-- Name: tenants tenants_pkey; Type: CONSTRAINT; Schema: app; Owner: postgres
--

ALTER TABLE ONLY app.tenants
    ADD CONSTRAINT tenants_pkey PRIMARY KEY (tenant_id);


--
-- Name: tenants tenants_slug_key; Type: CONSTRAINT; Schema: app; Owner: postgres
--

ALTER TABLE ONLY app.tenants
    ADD CONSTRAINT tenants_slug_key UNIQUE NULLS NOT DISTINCT (slug);


--
-- Name: users users_pkey; Type: CONSTRAINT; Schema: app; Owner: postgres
--

ALTER TABLE ONLY app.users
    ADD CONSTRAINT users_pkey PRIMARY KEY (user_id);


--
-- Name: users users_tenant_id_login_key; Type: CONSTRAINT; Schema: app; Owner: postgres
--

ALTER TABLE ONLY app.users
    ADD CONSTRAINT users_tenant_id_login_key UNIQUE (tenant_id, login) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: log log_pkey; Type: CONSTRAINT; Schema: audit; Owner: postgres
--

ALTER TABLE ONLY audit.log
    ADD CONSTRAINT log_pkey PRIMARY KEY (id);


--
-- Name: issues_assignee; Type: INDEX; Schema: app; Owner: postgres
--

CREATE INDEX issues_assignee ON ONLY app.issues USING btree (assignee_id) INCLUDE (priority) WHERE (assignee_id IS NOT NULL);


--
-- Name: issues_done_assignee_id_priority_idx; Type: INDEX; Schema: app; Owner: postgres
--

CREATE INDEX issues_done_assignee_id_priority_idx ON app.issues_done USING btree (assignee_id) INCLUDE (priority) WHERE (assignee_id IS NOT NULL);


--
-- Name: issues_labels; Type: INDEX; Schema: app; Owner: postgres
--

CREATE INDEX issues_labels ON ONLY app.issues USING gin (labels);


--
-- Name: issues_done_labels_idx; Type: INDEX; Schema: app; Owner: postgres
--

CREATE INDEX issues_done_labels_idx ON app.issues_done USING gin (labels);


--
-- Name: issues_lower_title; Type: INDEX; Schema: app; Owner: postgres
--

CREATE INDEX issues_lower_title ON ONLY app.issues USING btree (lower(title), created_at DESC);


--
-- Name: issues_done_lower_created_at_idx; Type: INDEX; Schema: app; Owner: postgres
--

CREATE INDEX issues_done_lower_created_at_idx ON app.issues_done USING btree (lower(title), created_at DESC);


--
-- Name: issues_title_trgm; Type: INDEX; Schema: app; Owner: postgres
--

CREATE INDEX issues_title_trgm ON ONLY app.issues USING gist (title public.gist_trgm_ops);


--
-- Name: issues_done_title_idx; Type: INDEX; Schema: app; Owner: postgres
--

CREATE INDEX issues_done_title_idx ON app.issues_done USING gist (title public.gist_trgm_ops);


--
-- Name: issues_open_assignee_id_priority_idx; Type: INDEX; Schema: app; Owner: postgres
--

CREATE INDEX issues_open_assignee_id_priority_idx ON ONLY app.issues_open USING btree (assignee_id) INCLUDE (priority) WHERE (assignee_id IS NOT NULL);


--
-- Name: issues_open_h0_assignee_id_priority_idx; Type: INDEX; Schema: app; Owner: postgres
--

CREATE INDEX issues_open_h0_assignee_id_priority_idx ON app.issues_open_h0 USING btree (assignee_id) INCLUDE (priority) WHERE (assignee_id IS NOT NULL);


--
-- Name: issues_open_labels_idx; Type: INDEX; Schema: app; Owner: postgres
--

CREATE INDEX issues_open_labels_idx ON ONLY app.issues_open USING gin (labels);


--
-- Name: issues_open_h0_labels_idx; Type: INDEX; Schema: app; Owner: postgres
--

CREATE INDEX issues_open_h0_labels_idx ON app.issues_open_h0 USING gin (labels);


--
-- Name: issues_open_lower_created_at_idx; Type: INDEX; Schema: app; Owner: postgres
--

CREATE INDEX issues_open_lower_created_at_idx ON ONLY app.issues_open USING btree (lower(title), created_at DESC);


--
-- Name: issues_open_h0_lower_created_at_idx; Type: INDEX; Schema: app; Owner: postgres
--

CREATE INDEX issues_open_h0_lower_created_at_idx ON app.issues_open_h0 USING btree (lower(title), created_at DESC);


--
-- Name: issues_open_title_idx; Type: INDEX; Schema: app; Owner: postgres
--

CREATE INDEX issues_open_title_idx ON ONLY app.issues_open USING gist (title public.gist_trgm_ops);


--
-- Name: issues_open_h0_title_idx; Type: INDEX; Schema: app; Owner: postgres
--

CREATE INDEX issues_open_h0_title_idx ON app.issues_open_h0 USING gist (title public.gist_trgm_ops);


--
-- Name: issues_open_h1_assignee_id_priority_idx; Type: INDEX; Schema: app; Owner: postgres
--

CREATE INDEX issues_open_h1_assignee_id_priority_idx ON app.issues_open_h1 USING btree (assignee_id) INCLUDE (priority) WHERE (assignee_id IS NOT NULL);


--
-- Name: issues_open_h1_labels_idx; Type: INDEX; Schema: app; Owner: postgres
--

CREATE INDEX issues_open_h1_labels_idx ON app.issues_open_h1 USING gin (labels);


--
-- Name: issues_open_h1_lower_created_at_idx; Type: INDEX; Schema: app; Owner: postgres
--

CREATE INDEX issues_open_h1_lower_created_at_idx ON app.issues_open_h1 USING btree (lower(title), created_at DESC);


--
-- Name: issues_open_h1_title_idx; Type: INDEX; Schema: app; Owner: postgres
--

CREATE INDEX issues_open_h1_title_idx ON app.issues_open_h1 USING gist (title public.gist_trgm_ops);


--
-- Name: project_stats_pkey; Type: INDEX; Schema: app; Owner: postgres
--

CREATE UNIQUE INDEX project_stats_pkey ON app.project_stats USING btree (project_id);


--
-- Name: projects_key_pattern; Type: INDEX; Schema: app; Owner: postgres
--

CREATE INDEX projects_key_pattern ON app.projects USING btree (key text_pattern_ops);


--
-- Name: projects_tenant_key; Type: INDEX; Schema: app; Owner: postgres
--

CREATE UNIQUE INDEX projects_tenant_key ON app.projects USING btree (tenant_id, key) WHERE (NOT archived);


--
-- Name: users_external_id; Type: INDEX; Schema: app; Owner: postgres
--

CREATE INDEX users_external_id ON app.users USING hash ("ExternalId");


--
-- Name: issues_done_assignee_id_priority_idx; Type: INDEX ATTACH; Schema: app; Owner: postgres
--

ALTER INDEX app.issues_assignee ATTACH PARTITION app.issues_done_assignee_id_priority_idx;


--
-- Name: issues_done_labels_idx; Type: INDEX ATTACH; Schema: app; Owner: postgres
--

ALTER INDEX app.issues_labels ATTACH PARTITION app.issues_done_labels_idx;


--
-- Name: issues_done_lower_created_at_idx; Type: INDEX ATTACH; Schema: app; Owner: postgres
--

ALTER INDEX app.issues_lower_title ATTACH PARTITION app.issues_done_lower_created_at_idx;


--
-- Name: issues_done_pkey; Type: INDEX ATTACH; Schema: app; Owner: postgres
--

ALTER INDEX app.issues_pkey ATTACH PARTITION app.issues_done_pkey;


--
-- Name: issues_done_title_idx; Type: INDEX ATTACH; Schema: app; Owner: postgres
--

ALTER INDEX app.issues_title_trgm ATTACH PARTITION app.issues_done_title_idx;


--
-- Name: issues_open_assignee_id_priority_idx; Type: INDEX ATTACH; Schema: app; Owner: postgres
--

ALTER INDEX app.issues_assignee ATTACH PARTITION app.issues_open_assignee_id_priority_idx;


--
-- Name: issues_open_h0_assignee_id_priority_idx; Type: INDEX ATTACH; Schema: app; Owner: postgres
--

ALTER INDEX app.issues_open_assignee_id_priority_idx ATTACH PARTITION app.issues_open_h0_assignee_id_priority_idx;


--
-- Name: issues_open_h0_labels_idx; Type: INDEX ATTACH; Schema: app; Owner: postgres
--

ALTER INDEX app.issues_open_labels_idx ATTACH PARTITION app.issues_open_h0_labels_idx;


--
-- Name: issues_open_h0_lower_created_at_idx; Type: INDEX ATTACH; Schema: app; Owner: postgres
--

ALTER INDEX app.issues_open_lower_created_at_idx ATTACH PARTITION app.issues_open_h0_lower_created_at_idx;


--
-- Name: issues_open_h0_pkey; Type: INDEX ATTACH; Schema: app; Owner: postgres
--

ALTER INDEX app.issues_open_pkey ATTACH PARTITION app.issues_open_h0_pkey;


--
-- Name: issues_open_h0_title_idx; Type: INDEX ATTACH; Schema: app; Owner: postgres
--

ALTER INDEX app.issues_open_title_idx ATTACH PARTITION app.issues_open_h0_title_idx;


--
-- Name: issues_open_h1_assignee_id_priority_idx; Type: INDEX ATTACH; Schema: app; Owner: postgres
--

ALTER INDEX app.issues_open_assignee_id_priority_idx ATTACH PARTITION app.issues_open_h1_assignee_id_priority_idx;


--
-- Name: issues_open_h1_labels_idx; Type: INDEX ATTACH; Schema: app; Owner: postgres
--

ALTER INDEX app.issues_open_labels_idx ATTACH PARTITION app.issues_open_h1_labels_idx;


--
-- Name: issues_open_h1_lower_created_at_idx; Type: INDEX ATTACH; Schema: app; Owner: postgres
--

ALTER INDEX app.issues_open_lower_created_at_idx ATTACH PARTITION app.issues_open_h1_lower_created_at_idx;


--
-- Name: issues_open_h1_pkey; Type: INDEX ATTACH; Schema: app; Owner: postgres
--

ALTER INDEX app.issues_open_pkey ATTACH PARTITION app.issues_open_h1_pkey;


--
-- Name: issues_open_h1_title_idx; Type: INDEX ATTACH; Schema: app; Owner: postgres
--

ALTER INDEX app.issues_open_title_idx ATTACH PARTITION app.issues_open_h1_title_idx;


--
-- Name: issues_open_labels_idx; Type: INDEX ATTACH; Schema: app; Owner: postgres
--

ALTER INDEX app.issues_labels ATTACH PARTITION app.issues_open_labels_idx;


--
-- Name: issues_open_lower_created_at_idx; Type: INDEX ATTACH; Schema: app; Owner: postgres
--

ALTER INDEX app.issues_lower_title ATTACH PARTITION app.issues_open_lower_created_at_idx;


--
-- Name: issues_open_pkey; Type: INDEX ATTACH; Schema: app; Owner: postgres
--

ALTER INDEX app.issues_pkey ATTACH PARTITION app.issues_open_pkey;


--
-- Name: issues_open_title_idx; Type: INDEX ATTACH; Schema: app; Owner: postgres
--

ALTER INDEX app.issues_title_trgm ATTACH PARTITION app.issues_open_title_idx;


--
-- Name: issues_state_priority; Type: STATISTICS; Schema: app; Owner: postgres
--

CREATE STATISTICS app.issues_state_priority (ndistinct, dependencies) ON state, priority FROM app.issues;


ALTER STATISTICS app.issues_state_priority OWNER TO postgres;

--
-- Name: projects projects_audit; Type: TRIGGER; Schema: app; Owner: postgres
--

CREATE TRIGGER projects_audit AFTER UPDATE ON app.projects FOR EACH ROW WHEN ((old.* IS DISTINCT FROM new.*)) EXECUTE FUNCTION audit.record_change();


--
-- Name: comments comments_author_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: postgres
--

ALTER TABLE ONLY app.comments
    ADD CONSTRAINT comments_author_id_fkey FOREIGN KEY (author_id) REFERENCES app.users(user_id) ON DELETE RESTRICT;


--
-- Name: comments comments_tenant_id_issue_id_issue_state_fkey; Type: FK CONSTRAINT; Schema: app; Owner: postgres
--

ALTER TABLE ONLY app.comments
    ADD CONSTRAINT comments_tenant_id_issue_id_issue_state_fkey FOREIGN KEY (tenant_id, issue_id, issue_state) REFERENCES app.issues(tenant_id, issue_id, state) ON UPDATE CASCADE ON DELETE CASCADE;


--
-- Name: issues issues_assignee_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: postgres
--

ALTER TABLE app.issues
    ADD CONSTRAINT issues_assignee_id_fkey FOREIGN KEY (assignee_id) REFERENCES app.users(user_id) ON DELETE SET NULL;


--
-- Name: issues issues_project_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: postgres
--

ALTER TABLE app.issues
    ADD CONSTRAINT issues_project_id_fkey FOREIGN KEY (project_id) REFERENCES app.projects(project_id) ON DELETE CASCADE;


--
-- Name: projects projects_lead_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: postgres
--

ALTER TABLE ONLY app.projects
    ADD CONSTRAINT projects_lead_id_fkey FOREIGN KEY (lead_id) REFERENCES app.users(user_id) ON DELETE SET NULL;


--
-- Name: projects projects_tenant_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: postgres
--

ALTER TABLE ONLY app.projects
    ADD CONSTRAINT projects_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES app.tenants(tenant_id) ON UPDATE CASCADE ON DELETE CASCADE;


--
-- Name: sessions sessions_user_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: postgres
--

ALTER TABLE ONLY app.sessions
    ADD CONSTRAINT sessions_user_id_fkey FOREIGN KEY (user_id) REFERENCES app.users(user_id) ON DELETE CASCADE;


--
-- Name: users users_tenant_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: postgres
--

ALTER TABLE ONLY app.users
    ADD CONSTRAINT users_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES app.tenants(tenant_id) ON DELETE CASCADE;


--
-- Name: log log_tenant_fkey; Type: FK CONSTRAINT; Schema: audit; Owner: postgres
--

ALTER TABLE ONLY audit.log
    ADD CONSTRAINT log_tenant_fkey FOREIGN KEY (tenant_id) REFERENCES app.tenants(tenant_id) ON DELETE SET NULL NOT VALID;


--
-- Name: issues; Type: ROW SECURITY; Schema: app; Owner: postgres
--

ALTER TABLE app.issues ENABLE ROW LEVEL SECURITY;

--
-- Name: issues tenant_isolation; Type: POLICY; Schema: app; Owner: postgres
--

CREATE POLICY tenant_isolation ON app.issues TO tracker_app USING ((tenant_id = (current_setting('app.tenant_id'::text))::integer)) WITH CHECK ((tenant_id = (current_setting('app.tenant_id'::text))::integer));


--
-- Name: SCHEMA app; Type: ACL; Schema: -; Owner: postgres
--

GRANT USAGE ON SCHEMA app TO tracker_app;


--
-- Name: TABLE issues; Type: ACL; Schema: app; Owner: postgres
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE app.issues TO tracker_app;


--
-- Name: TABLE projects; Type: ACL; Schema: app; Owner: postgres
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE app.projects TO tracker_app;


--
-- Name: TABLE comments; Type: ACL; Schema: app; Owner: postgres
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE app.comments TO tracker_app;


--
-- Name: SEQUENCE comments_comment_id_seq; Type: ACL; Schema: app; Owner: postgres
--

GRANT USAGE ON SEQUENCE app.comments_comment_id_seq TO tracker_app;


--
-- Name: SEQUENCE issue_number_seq; Type: ACL; Schema: app; Owner: postgres
--

GRANT USAGE ON SEQUENCE app.issue_number_seq TO tracker_app;


--
-- Name: TABLE issues_done; Type: ACL; Schema: app; Owner: postgres
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE app.issues_done TO tracker_app;


--
-- Name: TABLE issues_open; Type: ACL; Schema: app; Owner: postgres
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE app.issues_open TO tracker_app;


--
-- Name: TABLE issues_open_h0; Type: ACL; Schema: app; Owner: postgres
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE app.issues_open_h0 TO tracker_app;


--
-- Name: TABLE issues_open_h1; Type: ACL; Schema: app; Owner: postgres
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE app.issues_open_h1 TO tracker_app;


--
-- Name: TABLE open_issue_counts; Type: ACL; Schema: app; Owner: postgres
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE app.open_issue_counts TO tracker_app;


--
-- Name: TABLE project_stats; Type: ACL; Schema: app; Owner: postgres
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE app.project_stats TO tracker_app;


--
-- Name: SEQUENCE projects_project_id_seq; Type: ACL; Schema: app; Owner: postgres
--

GRANT USAGE ON SEQUENCE app.projects_project_id_seq TO tracker_app;


--
-- Name: TABLE sessions; Type: ACL; Schema: app; Owner: postgres
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE app.sessions TO tracker_app;


--
-- Name: TABLE tenants; Type: ACL; Schema: app; Owner: postgres
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE app.tenants TO tracker_app;


--
-- Name: SEQUENCE tenants_tenant_id_seq; Type: ACL; Schema: app; Owner: postgres
--

GRANT USAGE ON SEQUENCE app.tenants_tenant_id_seq TO tracker_app;


--
-- Name: TABLE users; Type: ACL; Schema: app; Owner: postgres
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE app.users TO tracker_app;


--
-- Name: DEFAULT PRIVILEGES FOR TABLES; Type: DEFAULT ACL; Schema: app; Owner: postgres
--

ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA app GRANT SELECT ON TABLES  TO tracker_app;


--
-- PostgreSQL database dump complete
--

\unrestrict CKK6dw43QbcPzuhfgJcgcK23Hwxe5wvXoVS5XRQzqq7NCySJkxEgUifKfXTnXOP

