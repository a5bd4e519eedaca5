//! The SQL front end on real pg_dump output: pagila (tests/fixtures/sql/pagila) and
//! the dumps tests/schemas/make-dumps.sh makes from PostgreSQL 15, plus a migration
//! script whose changes must apply in order.

use pgsight_core::sql::catalog::{Catalog, ColumnRef, IdentityKind, IndexKey, ReferentialAction, Table, TypeKind};
use pgsight_core::sql::names::QualifiedName;
use pgsight_core::sql::{parse_script, Script, StatementClass};

fn read(path: &str) -> String {
    let path = format!("{}/{path}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Parses a dump, checks it was (almost) all understood, and builds its catalog.
fn load(path: &str) -> (Script, Catalog) {
    let script = parse_script(&read(path));
    let unknown: Vec<String> = script
        .statements
        .iter()
        .filter(|s| matches!(s.class, StatementClass::Unknown { .. }))
        .map(|s| format!("line {}: {}", s.span.line, s.head(3)))
        .collect();
    let percent = script.counts.understood_percent();
    assert!(percent >= 99.5, "{path}: only {percent:.2}% understood; unknown: {unknown:#?}");
    let catalog = Catalog::from_script(&script);
    assert!(catalog.notes.is_empty(), "{path}: {:#?}", catalog.notes);
    (script, catalog)
}

fn name(schema: &str, name: &str) -> QualifiedName {
    QualifiedName::new(Some(schema), name)
}

fn table<'a>(catalog: &'a Catalog, schema: &str, table: &str) -> &'a Table {
    catalog.tables.get(&name(schema, table)).unwrap_or_else(|| panic!("no table {schema}.{table}"))
}

fn column_key(column: &str) -> IndexKey {
    IndexKey { column: Some(column.into()), expression: None, opclass: None, descending: false }
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| (*s).to_owned()).collect()
}

#[test]
fn pagila_is_read_whole() {
    let (script, catalog) = load("tests/fixtures/sql/pagila/pagila-schema.sql");
    assert_eq!(script.counts.total, 388);
    let counts = catalog.counts();
    assert_eq!((counts.tables, counts.partitions, counts.foreign_keys, counts.indexes), (71, 55, 37, 38));

    // payment is range-partitioned by month, 55 partitions attached by ALTER TABLE ONLY.
    let payment = table(&catalog, "public", "payment");
    assert_eq!(payment.partition_by.as_deref(), Some("RANGE(payment_date)"));
    assert_eq!(payment.primary_key.as_ref().map(|k| k.columns.clone()), Some(strings(&["payment_date", "payment_id"])));
    assert_eq!(catalog.partitions_of(&name("public", "payment")).count(), 55);
    let first = table(&catalog, "public", "payment_p2022_01").partition_of.clone().expect("a partition");
    assert_eq!(first.parent, name("public", "payment"));
    assert_eq!(first.bound, "FOR VALUES FROM ('2022-01-01 00:00:00+00') TO ('2022-02-01 00:00:00+00')");

    // Every table has columns; every table that is not a partition has a primary key.
    for t in catalog.tables.values() {
        assert!(!t.columns.is_empty(), "{} has no columns", t.name);
        assert!(t.partition_of.is_some() || t.primary_key.is_some(), "{} has no primary key", t.name);
    }

    let film_actor = table(&catalog, "public", "film_actor");
    let pk = film_actor.primary_key.as_ref().expect("film_actor pk");
    assert_eq!((pk.name.as_str(), pk.columns.clone()), ("film_actor_pkey", strings(&["actor_id", "film_id"])));
    let fk = film_actor.foreign_keys.iter().find(|fk| fk.name == "film_actor_actor_id_fkey").expect("fk");
    assert_eq!((fk.columns.clone(), &fk.referenced_table, fk.referenced_columns.clone()), (strings(&["actor_id"]), &name("public", "actor"), strings(&["actor_id"])));
    assert_eq!((fk.on_delete, fk.on_update), (ReferentialAction::Restrict, ReferentialAction::Cascade));
    let embedding_fk = &table(&catalog, "public", "film_embedding").foreign_keys[0];
    assert_eq!((embedding_fk.on_delete, embedding_fk.on_update), (ReferentialAction::Cascade, ReferentialAction::Cascade));
    assert_eq!(catalog.foreign_keys_to(&name("public", "film")).count(), 4);

    let film = table(&catalog, "public", "film");
    let fulltext = film.index("film_fulltext_idx").expect("gist index");
    assert_eq!((fulltext.method.as_str(), fulltext.keys.clone()), ("gist", vec![column_key("fulltext")]));
    let hnsw = table(&catalog, "public", "film_embedding").index("film_embedding_embedding_hnsw_idx").expect("hnsw index");
    assert_eq!((hnsw.method.as_str(), hnsw.keys[0].opclass.as_deref()), ("hnsw", Some("public.vector_cosine_ops")));
    let by_store = table(&catalog, "public", "inventory").index("idx_store_id_film_id").expect("index");
    assert_eq!((by_store.method.as_str(), by_store.leading_columns(), by_store.defined_at.line), ("btree", strings(&["store_id", "film_id"]), 2522));
    assert!(table(&catalog, "public", "rental").index("idx_unq_rental_rental_date_inventory_id_customer_id").is_some_and(|i| i.unique));

    // Columns: pg_dump's types, defaults, the domain and the PostgreSQL 18 virtual column.
    let rating = film.column("rating").expect("rating");
    assert_eq!((rating.data_type.as_str(), rating.default.as_deref()), ("public.mpaa_rating", Some("'G'::public.mpaa_rating")));
    assert_eq!(film.column("film_id").and_then(|c| c.default_sequence.clone()), Some(name("public", "film_film_id_seq")));
    assert_eq!(film.column("release_year").map(|c| c.normalized_type.as_str()), Some("public.year"));
    assert!(film.column("length_hours").is_some_and(|c| c.generated.is_some()));
    assert_eq!(catalog.types[&name("public", "mpaa_rating")].kind, TypeKind::Enum { values: strings(&["G", "PG", "PG-13", "R", "NC-17"]) });
    assert_eq!(catalog.domains[&name("public", "bıgınt")].normalized_type, "bigint");
    let rental_by_category = &catalog.views[&name("public", "rental_by_category")];
    assert!(rental_by_category.materialized && !rental_by_category.populated);
    assert_eq!(rental_by_category.indexes[0].name, "rental_category");
}

#[test]
fn shop_dump_is_read_whole() {
    let (_, catalog) = load("../../tests/schemas/shop.sql");
    let counts = catalog.counts();
    assert_eq!((counts.tables, counts.partitioned_tables, counts.partitions, counts.foreign_keys, counts.indexes), (12, 2, 5, 8, 16));

    // Identity columns come from ALTER TABLE ... ADD GENERATED, serial from OWNED BY.
    let customers = table(&catalog, "shop", "customers");
    let identity = customers.column("customer_id").and_then(|c| c.identity.clone()).expect("identity");
    assert_eq!((identity.kind, identity.sequence), (IdentityKind::Always, Some(name("shop", "customers_customer_id_seq"))));
    assert_eq!(table(&catalog, "shop", "orders").column("order_id").and_then(|c| c.identity.as_ref()).map(|i| i.kind), Some(IdentityKind::ByDefault));
    let serial = table(&catalog, "shop", "products").column("product_id").and_then(|c| c.identity.clone()).expect("serial");
    assert_eq!((serial.kind, serial.sequence), (IdentityKind::Serial, Some(name("shop", "products_product_id_seq"))));
    assert_eq!(customers.column("email").map(|c| (c.data_type.as_str(), c.nullable)), Some(("shop.email", false)));

    // Partitions: range with a default, hash; indexes ON ONLY the parent, attached per partition.
    let orders = table(&catalog, "shop", "orders");
    assert_eq!(orders.partition_by.as_deref(), Some("RANGE(placed_at)"));
    assert_eq!(table(&catalog, "shop", "orders_default").partition_of.as_ref().map(|p| p.bound.as_str()), Some("DEFAULT"));
    let open = orders.index("orders_open_idx").expect("partial index");
    assert!(open.only && open.predicate.as_deref().is_some_and(|p| p.contains("'placed'::shop.order_status")));
    let child = table(&catalog, "shop", "orders_2024_01").index("orders_2024_01_placed_at_idx").expect("partition index");
    assert_eq!(child.parent_index, Some(name("shop", "orders_open_idx")));
    assert_eq!(table(&catalog, "shop", "cart_events_p1").partition_of.as_ref().map(|p| p.bound.as_str()), Some("FOR VALUES WITH (modulus 2, remainder 1)"));

    // Foreign keys with actions, composite and NOT VALID; checks and an exclusion constraint.
    let lines = table(&catalog, "shop", "order_lines");
    let to_orders = lines.foreign_keys.iter().find(|fk| fk.name == "order_lines_order_fkey").expect("fk");
    assert_eq!((to_orders.columns.clone(), to_orders.on_delete, to_orders.on_update), (strings(&["order_id", "placed_at"]), ReferentialAction::Cascade, ReferentialAction::Cascade));
    let products = table(&catalog, "shop", "products");
    assert!(products.foreign_keys.iter().any(|fk| fk.name == "products_replaced_by_fkey" && fk.not_valid));
    assert!(products.check_constraints.iter().any(|c| c.name == "products_price_check"));
    assert_eq!(table(&catalog, "shop", "promotions").exclusion_constraints[0].method, "gist");

    // Expression, INCLUDE, opclass and DESC keys.
    let sku = products.index("products_sku_key").expect("expression index");
    assert!(sku.unique && sku.keys[0].expression.as_deref() == Some("lower(sku)"));
    let live = products.index("products_live_by_category").expect("covering index");
    assert_eq!((live.include.clone(), live.keys[1].descending), (strings(&["title"]), true));
    assert_eq!(products.index("products_title_trgm").map(|i| (i.method.as_str(), i.keys[0].opclass.as_deref())), Some(("gin", Some("public.gin_trgm_ops"))));

    assert!(catalog.domains[&name("shop", "positive_qty")].not_null);
    assert!(catalog.views[&name("shop", "monthly_revenue")].materialized);
    assert_eq!(catalog.extensions.iter().map(|e| e.name.as_str()).collect::<Vec<_>>(), ["btree_gist", "citext", "pg_trgm"]);
}

#[test]
fn tracker_dump_is_read_whole() {
    let (script, catalog) = load("../../tests/schemas/tracker.sql");
    assert!(script.statements.iter().any(|s| s.sql.starts_with("\\restrict")), "pg_dump 15.14+ writes \\restrict");
    let counts = catalog.counts();
    assert_eq!((counts.tables, counts.partitioned_tables, counts.partitions, counts.foreign_keys, counts.indexes), (11, 2, 4, 9, 24));

    // Two levels of partitions: list, then hash.
    let open = table(&catalog, "app", "issues_open");
    assert_eq!(open.partition_by.as_deref(), Some("HASH(tenant_id)"));
    assert_eq!(open.partition_of.as_ref().map(|p| (&p.parent, p.bound.as_str())), Some((&name("app", "issues"), "FOR VALUES IN ('open', 'in_progress')")));
    assert_eq!(catalog.partitions_of(&name("app", "issues_open")).count(), 2);

    // A sequence made by hand and given to a column is serial in all but name.
    let issue_id = table(&catalog, "app", "issues").column("issue_id").and_then(|c| c.identity.clone()).expect("serial");
    assert_eq!(issue_id.sequence, Some(name("app", "issue_number_seq")));
    assert_eq!(catalog.sequences[&name("app", "issue_number_seq")].owned_by, Some(ColumnRef { table: name("app", "issues"), column: "issue_id".into() }));

    // The FK to a partitioned table without a column list, renamed columns, audit in its own schema.
    let comments = table(&catalog, "app", "comments");
    let to_issues = comments.foreign_keys.iter().find(|fk| fk.referenced_table == name("app", "issues")).expect("fk");
    assert_eq!(to_issues.referenced_columns, strings(&["tenant_id", "issue_id", "state"]));
    assert!(comments.column("created_at").is_some() && comments.column("posted_at").is_none());
    let log = table(&catalog, "audit", "log");
    assert!(log.foreign_keys[0].not_valid && log.foreign_keys[0].on_delete == ReferentialAction::SetNull);
    assert!(table(&catalog, "app", "sessions").unlogged);
    assert!(table(&catalog, "app", "issues").row_level_security);
    assert!(table(&catalog, "app", "tenants").unique_constraints[0].nulls_not_distinct);
    assert!(table(&catalog, "app", "users").unique_constraints[0].deferrable);
    assert_eq!(table(&catalog, "app", "users").index("users_external_id").map(|i| i.keys[0].column.clone()), Some(Some("ExternalId".to_owned())));

    let lower_title = table(&catalog, "app", "issues").index("issues_lower_title").expect("expression index");
    assert_eq!((lower_title.keys[0].expression.as_deref(), lower_title.keys[1].descending), (Some("lower(title)"), true));
    assert_eq!(catalog.types[&name("app", "issue_state")].kind, TypeKind::Enum { values: strings(&["open", "in_progress", "closed", "wont_fix"]) });
    assert_eq!(catalog.domains[&name("app", "slug")].checks.len(), 2);
    assert_eq!(catalog.schemas.iter().map(|s| s.name.as_str()).collect::<Vec<_>>(), ["app", "audit"]);
}

#[test]
fn migrations_apply_in_order() {
    let (script, catalog) = load("tests/fixtures/sql/migrations/evolve-orders.sql");
    assert_eq!(script.counts.unknown, 0);

    // customers was renamed; its serial sequence and the foreign keys followed it.
    let clients = table(&catalog, "public", "clients");
    assert!(!catalog.tables.contains_key(&name("public", "customers")));
    assert_eq!(catalog.sequences[&name("public", "customers_id_seq")].owned_by.as_ref().map(|o| &o.table), Some(&name("public", "clients")));
    assert!(clients.index("clients_email_key").is_some_and(|i| i.unique && i.concurrently));

    let orders = table(&catalog, "public", "orders");
    let columns: Vec<(&str, &str)> = orders.columns.iter().map(|c| (c.name.as_str(), c.normalized_type.as_str())).collect();
    assert_eq!(columns, [("id", "bigint"), ("customer_id", "bigint"), ("state", "text"), ("placed_at", "timestamp with time zone")]);
    assert_eq!(orders.column("placed_at").map(|c| c.defined_at.line), Some(22));

    // The index on the renamed column was dropped; the new one was renamed.
    let names: Vec<&str> = orders.indexes.iter().map(|i| i.name.as_str()).collect();
    assert_eq!(names, ["orders_open_by_time"]);
    assert_eq!(orders.indexes[0].predicate.as_deref(), Some("state <> 'done'"));

    // The old FK was dropped, the new one added NOT VALID and then validated.
    assert_eq!(orders.foreign_keys.len(), 1);
    let fk = &orders.foreign_keys[0];
    assert_eq!((fk.name.as_str(), &fk.referenced_table, fk.not_valid, fk.on_delete), ("orders_customer_fk", &name("public", "clients"), false, ReferentialAction::Cascade));

    // After SET search_path, new tables land in billing and names still find public ones.
    let invoices = table(&catalog, "billing", "invoices");
    assert_eq!(invoices.foreign_keys[0].referenced_table, name("public", "orders"));
    assert_eq!(invoices.foreign_keys[0].referenced_columns, strings(&["id"]));
    assert_eq!(invoices.column("id").and_then(|c| c.identity.as_ref()).map(|i| i.kind), Some(IdentityKind::Always));
}
