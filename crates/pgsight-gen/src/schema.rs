//! A large schema as `pg_dump --schema-only` (PostgreSQL 15) prints it: tables with
//! identity keys, primary keys, secondary indexes (btree, partial, expression, gin,
//! unique) and foreign keys between the tables, each object in its own commented
//! entry, in pg_dump's order (tables and sequences by name, then constraints, indexes
//! and foreign keys, each by name).

use std::fmt::Write;

use crate::rng::Rng;

const DOMAINS: [&str; 40] = [
    "account", "billing", "catalog", "crm", "delivery", "finance", "fleet", "hr", "inventory", "invoice", "ledger", "loyalty", "mail",
    "market", "media", "metric", "order", "partner", "payment", "payroll", "pricing", "procure", "project", "promo", "quality", "refund",
    "report", "retail", "review", "risk", "sales", "search", "security", "shipping", "store", "support", "survey", "tax", "travel",
    "warranty",
];

const ENTITIES: [&str; 50] = [
    "accounts", "addresses", "approvals", "assets", "attachments", "audits", "batches", "budgets", "campaigns", "carts", "cases",
    "channels", "claims", "comments", "contacts", "contracts", "credits", "devices", "documents", "entries", "events", "exports",
    "fees", "files", "groups", "imports", "items", "jobs", "labels", "lines", "locations", "messages", "notes", "offers", "orders",
    "periods", "plans", "policies", "profiles", "quotes", "rates", "regions", "requests", "schedules", "sessions", "tasks", "teams",
    "tickets", "users", "vendors",
];

/// The generated dump and what it declares.
pub struct Schema {
    pub sql: String,
    pub tables: usize,
    pub indexes: usize,
    pub foreign_keys: usize,
}

struct Table {
    name: String,
    /// Referenced tables: (column, referenced table, ON DELETE action).
    refs: Vec<(String, String, &'static str)>,
    check: bool,
}

struct Index {
    name: String,
    table: String,
    unique: bool,
    method: &'static str,
    definition: String,
    predicate: Option<&'static str>,
}

/// `tables` tables (at most 2,000) and `indexes` indexes in all, primary keys
/// included (so `indexes >= tables`).
pub fn dump(tables: usize, indexes: usize) -> Schema {
    assert!(tables <= DOMAINS.len() * ENTITIES.len(), "at most {} tables", DOMAINS.len() * ENTITIES.len());
    assert!(indexes >= tables, "every table has a primary key index");
    let mut rng = Rng::new(0x5C4E_3A00 ^ tables as u64);
    let names: Vec<String> = (0..tables).map(|i| format!("{}_{}", DOMAINS[i / ENTITIES.len()], ENTITIES[i % ENTITIES.len()])).collect();
    let mut list = Vec::with_capacity(tables);
    for (i, name) in names.iter().enumerate() {
        let wanted = if i == 0 { 0 } else { rng.range(1, 3) as usize };
        let mut refs: Vec<(String, String, &'static str)> = Vec::new();
        for j in 0..wanted {
            let target = &names[rng.range(0, i as u64 - 1) as usize];
            if target == name || refs.iter().any(|(_, t, _)| t == target) {
                continue;
            }
            let action = match rng.range(0, 3) {
                0 => "",
                1 => " ON DELETE CASCADE",
                2 if j > 0 => " ON DELETE SET NULL",
                _ => " ON DELETE RESTRICT",
            };
            refs.push((format!("{target}_id"), target.clone(), action));
        }
        list.push(Table { name: name.clone(), refs, check: i % 3 == 0 });
    }

    // Secondary indexes: `indexes - tables` spread evenly, foreign key columns first
    // (a fifth of them left unindexed, as in real schemas).
    let secondary = indexes - tables;
    let mut index_list = Vec::with_capacity(secondary);
    for (i, t) in list.iter().enumerate() {
        let quota = (i + 1) * secondary / tables - i * secondary / tables;
        let mut candidates: Vec<Index> = Vec::new();
        for (column, _, _) in &t.refs {
            if rng.unit() < 0.8 {
                candidates.push(btree(&t.name, &format!("{column}_idx"), column, None));
            }
        }
        let mut generic = vec![
            btree(&t.name, "tenant_id_created_at_idx", "tenant_id, created_at", None),
            btree(&t.name, "status_idx", "status", Some("(deleted_at IS NULL)")),
            Index { name: format!("{}_payload_idx", t.name), table: t.name.clone(), unique: false, method: "gin", definition: "payload".into(), predicate: None },
            Index {
                name: format!("{}_tenant_id_name_idx", t.name),
                table: t.name.clone(),
                unique: true,
                method: "btree",
                definition: "tenant_id, name".into(),
                predicate: None,
            },
            btree(&t.name, "created_at_idx", "created_at", None),
            btree(&t.name, "lower_idx", "lower(name)", None),
            btree(&t.name, "tenant_id_idx", "tenant_id", None),
            btree(&t.name, "updated_at_idx", "updated_at", Some("(deleted_at IS NULL)")),
        ];
        let rotate = rng.range(0, 3) as usize;
        generic.rotate_left(rotate);
        candidates.extend(generic);
        // Past the named kinds, number the rest (only with more than ~11 per table).
        let mut extra = 0;
        while candidates.len() < quota {
            extra += 1;
            candidates.push(btree(&t.name, &format!("amount_{extra}_idx"), "amount", Some("(amount IS NOT NULL)")));
        }
        candidates.truncate(quota);
        index_list.extend(candidates);
    }
    let foreign_keys = list.iter().map(|t| t.refs.len()).sum();
    let sql = render(&list, &mut index_list, &mut rng);
    Schema { sql, tables, indexes, foreign_keys }
}

fn btree(table: &str, suffix: &str, definition: &str, predicate: Option<&'static str>) -> Index {
    Index { name: format!("{table}_{suffix}"), table: table.to_owned(), unique: false, method: "btree", definition: definition.to_owned(), predicate }
}

fn entry(out: &mut String, name: &str, kind: &str) {
    let _ = write!(out, "--\n-- Name: {name}; Type: {kind}; Schema: app; Owner: postgres\n--\n\n");
}

fn render(tables: &[Table], indexes: &mut [Index], rng: &mut Rng) -> String {
    let key: String = (0..63)
        .map(|_| {
            let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
            alphabet[rng.range(0, alphabet.len() as u64 - 1) as usize] as char
        })
        .collect();
    let mut out = String::new();
    out.push_str("--\n-- PostgreSQL database dump\n--\n\n");
    let _ = write!(out, "\\restrict {key}\n\n");
    out.push_str("-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)\n-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)\n\n");
    for line in [
        "SET statement_timeout = 0;",
        "SET lock_timeout = 0;",
        "SET idle_in_transaction_session_timeout = 0;",
        "SET client_encoding = 'UTF8';",
        "SET standard_conforming_strings = on;",
        "SELECT pg_catalog.set_config('search_path', '', false);",
        "SET check_function_bodies = false;",
        "SET xmloption = content;",
        "SET client_min_messages = warning;",
        "SET row_security = off;",
    ] {
        out.push_str(line);
        out.push('\n');
    }
    out.push_str("\n--\n-- Name: app; Type: SCHEMA; Schema: -; Owner: postgres\n--\n\nCREATE SCHEMA app;\n\n\nALTER SCHEMA app OWNER TO postgres;\n\n");
    out.push_str("SET default_tablespace = '';\n\nSET default_table_access_method = heap;\n\n");

    // Tables and their identity sequences, by name.
    let mut objects: Vec<(String, &Table, bool)> = Vec::new();
    for t in tables {
        objects.push((t.name.clone(), t, false));
        objects.push((format!("{}_id_seq", t.name), t, true));
    }
    objects.sort_by(|a, b| a.0.cmp(&b.0));
    for (name, t, is_sequence) in &objects {
        if *is_sequence {
            entry(&mut out, name, "SEQUENCE");
            let _ = write!(
                out,
                "ALTER TABLE app.{} ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (\n    SEQUENCE NAME app.{name}\n    START WITH 1\n    INCREMENT BY 1\n    NO MINVALUE\n    NO MAXVALUE\n    CACHE 1\n);\n\n\n",
                t.name
            );
            continue;
        }
        entry(&mut out, name, "TABLE");
        let _ = writeln!(out, "CREATE TABLE app.{name} (");
        let mut columns = vec!["    id bigint NOT NULL".to_owned(), "    tenant_id integer NOT NULL".to_owned()];
        for (i, (column, _, _)) in t.refs.iter().enumerate() {
            columns.push(format!("    {column} bigint{}", if i == 0 { " NOT NULL" } else { "" }));
        }
        columns.extend(
            [
                "    name text NOT NULL",
                "    status text DEFAULT 'active'::text NOT NULL",
                "    amount numeric(12,2)",
                "    payload jsonb",
                "    created_at timestamp with time zone DEFAULT now() NOT NULL",
                "    updated_at timestamp with time zone",
                "    deleted_at timestamp with time zone",
            ]
            .map(str::to_owned),
        );
        if t.check {
            columns.push(format!("    CONSTRAINT {name}_amount_check CHECK ((amount >= (0)::numeric))"));
        }
        out.push_str(&columns.join(",\n"));
        let _ = write!(out, "\n);\n\n\nALTER TABLE app.{name} OWNER TO postgres;\n\n");
    }

    let mut keys: Vec<&Table> = tables.iter().collect();
    keys.sort_by(|a, b| format!("{}_pkey", a.name).cmp(&format!("{}_pkey", b.name)));
    for t in keys {
        entry(&mut out, &format!("{} {}_pkey", t.name, t.name), "CONSTRAINT");
        let _ = write!(out, "ALTER TABLE ONLY app.{}\n    ADD CONSTRAINT {}_pkey PRIMARY KEY (id);\n\n\n", t.name, t.name);
    }

    indexes.sort_by(|a, b| a.name.cmp(&b.name));
    for ix in indexes.iter() {
        entry(&mut out, &ix.name, "INDEX");
        let unique = if ix.unique { "UNIQUE " } else { "" };
        let _ = write!(out, "CREATE {unique}INDEX {} ON app.{} USING {} ({})", ix.name, ix.table, ix.method, ix.definition);
        if let Some(p) = ix.predicate {
            let _ = write!(out, " WHERE {p}");
        }
        out.push_str(";\n\n\n");
    }

    let mut fks: Vec<(String, &Table, &(String, String, &'static str))> =
        tables.iter().flat_map(|t| t.refs.iter().map(move |r| (format!("{}_{}_fkey", t.name, r.0), t, r))).collect();
    fks.sort_by(|a, b| a.0.cmp(&b.0));
    for (name, t, (column, target, action)) in fks {
        entry(&mut out, &format!("{} {name}", t.name), "FK CONSTRAINT");
        let _ = write!(
            out,
            "ALTER TABLE ONLY app.{}\n    ADD CONSTRAINT {name} FOREIGN KEY ({column}) REFERENCES app.{target}(id){action};\n\n\n",
            t.name
        );
    }
    out.push_str("--\n-- PostgreSQL database dump complete\n--\n\n");
    let _ = write!(out, "\\unrestrict {key}\n\n");
    out
}
