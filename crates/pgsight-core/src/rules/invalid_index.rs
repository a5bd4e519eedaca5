use super::unused_index::recreate_sql;
use super::Context;
use crate::report::{Finding, Impact, Location};
use crate::snapshot::{bytes_text, table_sql};

declare_rule! {
    /// ## What it does
    /// Reads a health snapshot (`pgsight snapshot-sql`) and finds indexes marked
    /// invalid (`pg_index.indisvalid = false`): what a failed `CREATE INDEX
    /// CONCURRENTLY` or `REINDEX CONCURRENTLY` leaves behind, for instance a unique
    /// index whose build met a duplicate.
    ///
    /// ## Why it matters
    /// The planner never uses an invalid index, so the queries it was built for still
    /// run without it. If it is ready (`indisready`), every write still updates it:
    /// all of the cost, none of the benefit. It also takes disk space, and a unique
    /// one does not enforce anything.
    ///
    /// An index being built by a `CREATE INDEX CONCURRENTLY` that is still running
    /// is invalid too: check `pg_stat_progress_create_index` first.
    ///
    /// ## Example
    /// ```text
    /// orders_status_key on orders: indisvalid = false
    ///   (CREATE UNIQUE INDEX CONCURRENTLY failed: could not create unique index)
    /// ```
    ///
    /// ## Fix
    /// Drop it, remove what made the build fail (duplicates, a lock timeout), and
    /// build it again:
    /// ```sql
    /// DROP INDEX CONCURRENTLY IF EXISTS orders_status_key;
    /// CREATE UNIQUE INDEX CONCURRENTLY orders_status_key ON public.orders USING btree (status);
    /// ```
    id: "invalid-index",
    category: Schema,
    severity: Warning,
    summary: "An index left invalid by a failed concurrent build (health snapshot)",
}

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for snap in &ctx.snapshots {
        for t in &snap.snapshot.tables {
            for index in t.indexes.iter().filter(|i| !i.valid && !i.name.is_empty()) {
                let table = table_sql(&t.schema, &t.name);
                let index_sql = table_sql(&t.schema, &index.name);
                let recreate = recreate_sql(&index.definition, t.is_partitioned());
                let drop = if t.is_partitioned() {
                    format!("DROP INDEX IF EXISTS {index_sql};")
                } else {
                    format!("DROP INDEX CONCURRENTLY IF EXISTS {index_sql};")
                };
                let size = index.bytes.filter(|b| *b > 0).map(|b| bytes_text(b as f64));
                let mut f = Finding::new(
                    &META,
                    format!("Index {} on {table} is invalid", index.name),
                    format!(
                        "{} is marked invalid: a CREATE INDEX CONCURRENTLY or REINDEX CONCURRENTLY failed (or is still \
                         running). The planner never uses it{}.{}",
                        index.name,
                        if index.ready { ", but every write to the table still updates it" } else { "" },
                        if index.unique { " Being invalid, the unique index enforces nothing." } else { "" }
                    ),
                )
                .location(Location { input: snap.input, ..Location::default() })
                .evidence("Index", index.definition.clone())
                .evidence("indisvalid", "false")
                .evidence("indisready", index.ready.to_string());
                if let Some(size) = &size {
                    f = f.evidence("Size", size.clone());
                }
                let mut fix = drop.clone();
                if let Some(create) = &recreate {
                    fix.push('\n');
                    fix.push_str(create);
                }
                out.push(
                    f.impact(Impact {
                        text: format!(
                            "Dropping it {}; building it again gives the queries it was made for the index they lack.",
                            match (&size, index.ready) {
                                (Some(size), true) => format!("frees {size} and one index write per row written"),
                                (Some(size), false) => format!("frees {size}"),
                                (None, true) => "removes one index write per row written".to_owned(),
                                (None, false) => "removes a dead catalog entry".to_owned(),
                            }
                        ),
                        ..Impact::default()
                    })
                    .fix(
                        Some(fix),
                        format!(
                            "Check that no build is running (pg_stat_progress_create_index), drop the index, fix what made the \
                             build fail (for a unique index, the duplicate values), then build it again.{}",
                            if t.is_partitioned() { " The table is partitioned: DROP INDEX cannot run concurrently on it." } else { "" }
                        ),
                    )
                    .risk(format!(
                        "DROP INDEX CONCURRENTLY and CREATE INDEX CONCURRENTLY take a SHARE UPDATE EXCLUSIVE lock: reads and \
                         writes on {table} go on, but each waits for the transactions using the table and cannot run \
                         inside a transaction block. The new build fails again, leaving a new invalid index, if its cause \
                         is still there."
                    ))
                    .rollback(
                        recreate.clone(),
                        "Nothing is lost by the drop: an invalid index serves no query. The statement above builds it again.",
                    ),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_support::render;
    use crate::snapshot::testing::{fixture_findings, snapshot_findings, table};

    #[test]
    fn fires_on_the_failed_unique_build_of_the_fixture() {
        let findings = fixture_findings(super::META.id);
        assert_eq!(findings.len(), 1, "{findings:#?}");
        assert_eq!(findings[0].title, "Index orders_status_key on orders is invalid");
        assert_eq!(
            findings[0].fix.sql.as_deref(),
            Some("DROP INDEX CONCURRENTLY IF EXISTS orders_status_key;\nCREATE UNIQUE INDEX CONCURRENTLY orders_status_key ON public.orders USING btree (status);")
        );
        insta::assert_snapshot!(render(&findings[0]));
    }

    #[test]
    fn quiet_when_every_index_is_valid() {
        let findings = snapshot_findings(
            |v| {
                for index in table(v, "orders")["indexes"].as_array_mut().expect("indexes") {
                    index["valid"] = serde_json::json!(true);
                }
            },
            &[],
            super::META.id,
        );
        assert!(findings.is_empty(), "{findings:#?}");
    }
}
