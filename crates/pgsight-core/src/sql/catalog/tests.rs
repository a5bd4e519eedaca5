use super::*;
use crate::sql::parse_script;

fn catalog(sql: &str) -> Catalog {
    Catalog::from_script(&parse_script(sql))
}

fn name(schema: &str, name: &str) -> QualifiedName {
    QualifiedName::new(Some(schema), name)
}

#[test]
fn names_resolve_along_the_search_path_in_force() {
    let c = catalog(
        "CREATE TABLE a (id int);\n\
         SET search_path = app, public;\n\
         CREATE TABLE b (a_id int REFERENCES a);\n\
         SELECT pg_catalog.set_config('search_path', '', false);\n\
         CREATE TABLE c (id int);",
    );
    assert!(c.tables.contains_key(&name("public", "a")));
    let b = &c.tables[&name("app", "b")];
    // `a` is not in app, so the lookup goes on to public.
    assert_eq!(b.foreign_keys[0].referenced_table, name("public", "a"));
    assert_eq!(b.foreign_keys[0].name, "b_a_id_fkey");
    assert!(c.tables.contains_key(&name("public", "c")), "an empty path creates in public");
    assert_eq!(c.table(&QualifiedName::new(None, "c")).map(|t| t.defined_at.line), Some(5));
}

#[test]
fn pg_dump_serial_is_a_sequence_owned_by_its_column() {
    let c = catalog(
        "CREATE TABLE public.t (id integer NOT NULL);\n\
         CREATE SEQUENCE public.t_id_seq AS integer START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;\n\
         ALTER SEQUENCE public.t_id_seq OWNED BY public.t.id;\n\
         ALTER TABLE ONLY public.t ALTER COLUMN id SET DEFAULT nextval('public.t_id_seq'::regclass);",
    );
    let id = c.tables[&name("public", "t")].column("id").cloned().expect("id");
    assert_eq!(id.identity, Some(Identity { kind: IdentityKind::Serial, sequence: Some(name("public", "t_id_seq")) }));
    assert_eq!(c.sequences[&name("public", "t_id_seq")].owned_by, Some(ColumnRef { table: name("public", "t"), column: "id".into() }));
}

#[test]
fn written_serial_creates_its_sequence() {
    let c = catalog("CREATE TABLE t (id bigserial PRIMARY KEY);");
    let id = c.tables[&name("public", "t")].column("id").cloned().expect("id");
    assert_eq!((id.normalized_type.as_str(), id.nullable), ("bigint", false));
    assert_eq!(id.identity.map(|i| i.sequence), Some(Some(name("public", "t_id_seq"))));
    assert_eq!(c.sequences[&name("public", "t_id_seq")].data_type.as_deref(), Some("bigint"));
}

#[test]
fn enums_grow_in_place_and_domains_keep_not_null() {
    let c = catalog(
        "CREATE TYPE mood AS ENUM ('sad', 'happy');\n\
         ALTER TYPE mood ADD VALUE 'ok' BEFORE 'happy';\n\
         CREATE DOMAIN qty AS int4 NOT NULL CHECK (VALUE > 0);",
    );
    assert_eq!(c.types[&name("public", "mood")].kind, TypeKind::Enum { values: vec!["sad".into(), "ok".into(), "happy".into()] });
    let qty = &c.domains[&name("public", "qty")];
    assert_eq!((qty.normalized_type.as_str(), qty.not_null, qty.checks.len()), ("integer", true, 1));
}

#[test]
fn constraints_using_an_index_take_it_over() {
    let c = catalog("CREATE TABLE t (id int NOT NULL);\nCREATE UNIQUE INDEX CONCURRENTLY t_id_idx ON t (id);\nALTER TABLE t ADD CONSTRAINT t_pkey PRIMARY KEY USING INDEX t_id_idx;");
    let t = &c.tables[&name("public", "t")];
    assert!(t.indexes.is_empty());
    assert_eq!(t.primary_key.as_ref().map(|k| (k.name.as_str(), k.columns.clone())), Some(("t_pkey", vec!["id".to_owned()])));
    assert!(t.has_index_on(&["id".to_owned()]));
}

#[test]
fn dropping_a_table_drops_its_partitions_and_the_keys_pointing_at_it() {
    let c = catalog(
        "CREATE TABLE p (id int PRIMARY KEY) PARTITION BY HASH (id);\n\
         CREATE TABLE p0 PARTITION OF p FOR VALUES WITH (MODULUS 2, REMAINDER 0);\n\
         CREATE TABLE r (p_id int REFERENCES p);\n\
         DROP TABLE p CASCADE;",
    );
    assert_eq!(c.tables.keys().cloned().collect::<Vec<_>>(), [name("public", "r")]);
    assert!(c.tables[&name("public", "r")].foreign_keys.is_empty());
}

#[test]
fn partitions_created_with_partition_of_inherit_columns() {
    let c = catalog("CREATE TABLE p (id int, at date) PARTITION BY RANGE (at);\nCREATE TABLE p1 PARTITION OF p FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');");
    let p1 = &c.tables[&name("public", "p1")];
    assert_eq!(p1.columns.iter().map(|c| c.name.as_str()).collect::<Vec<_>>(), ["id", "at"]);
    assert_eq!(p1.partition_of.as_ref().map(|p| p.parent.clone()), Some(name("public", "p")));
    assert_eq!(c.partitions_of(&name("public", "p")).count(), 1);
}

#[test]
fn statements_about_missing_objects_leave_notes() {
    let c = catalog("ALTER TABLE ghost ADD COLUMN x int;\nDROP INDEX IF EXISTS nothing;\nDROP INDEX nothing;");
    let notes: Vec<(u32, &str)> = c.notes.iter().map(|n| (n.location.line, n.message.as_str())).collect();
    assert_eq!(
        notes,
        [
            (1, "ALTER TABLE refers to public.ghost, which the script does not create"),
            (3, "DROP INDEX refers to nothing, which the script does not create"),
        ]
    );
}
