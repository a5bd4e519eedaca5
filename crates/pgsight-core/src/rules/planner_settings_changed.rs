use super::Context;
use crate::report::{Finding, Impact};

declare_rule! {
    /// ## What it does
    /// Reads the plan's `Settings` (from `EXPLAIN (SETTINGS)`, PostgreSQL 12+) and
    /// reports planner settings that differ from the server defaults, above all
    /// `enable_*` switches turned off.
    ///
    /// ## Why it matters
    /// A plan made with `enable_seqscan = off` or a changed `random_page_cost` is not
    /// the plan production will choose. Tuning from it, or comparing it with another
    /// plan, leads to wrong conclusions.
    ///
    /// ## Example
    /// ```text
    /// Settings: enable_hashjoin = 'off', random_page_cost = '1.1'
    /// ```
    ///
    /// ## Fix
    /// `RESET` the settings in the session before capturing the plan again, or make
    /// the change deliberately for the whole server once measured.
    id: "planner-settings-changed",
    category: Plan,
    severity: Info,
    summary: "The plan was made with planner settings changed from the defaults",
}

/// Settings that change which plan the planner picks.
fn is_planner_setting(name: &str) -> bool {
    name.starts_with("enable_")
        || name.ends_with("_cost")
        || name.starts_with("geqo")
        || matches!(
            name,
            "effective_cache_size"
                | "effective_io_concurrency"
                | "join_collapse_limit"
                | "from_collapse_limit"
                | "default_statistics_target"
                | "constraint_exclusion"
                | "cursor_tuple_fraction"
                | "plan_cache_mode"
                | "work_mem"
                | "hash_mem_multiplier"
                | "max_parallel_workers_per_gather"
                | "max_parallel_workers"
                | "min_parallel_table_scan_size"
                | "min_parallel_index_scan_size"
                | "force_parallel_mode"
                | "debug_parallel_query"
                | "jit"
                | "recursive_worktable_factor"
        )
}

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for plan in &ctx.plans {
        let changed: Vec<(&str, &str)> = plan.doc.settings().into_iter().filter(|(k, _)| is_planner_setting(k)).collect();
        if changed.is_empty() {
            continue;
        }
        let disabled: Vec<&str> = changed.iter().filter(|(k, v)| k.starts_with("enable_") && *v == "off").map(|(k, _)| *k).collect();
        let title = if disabled.is_empty() {
            format!("Plan made with {} planner setting(s) changed", changed.len())
        } else {
            format!("Plan made with {} turned off", disabled.join(", "))
        };
        let message = if disabled.is_empty() {
            "The planner ran with settings that differ from the server defaults; production may pick another plan.".to_owned()
        } else {
            format!(
                "The planner was told not to use {}; production, with the defaults, may pick a different plan. Tune from a plan made with the settings production has.",
                disabled.iter().map(|d| d.trim_start_matches("enable_")).collect::<Vec<_>>().join(", ")
            )
        };
        let mut f = Finding::new(&META, title, message).location(plan.document_location());
        for (k, v) in &changed {
            f = f.evidence(format!("Setting {k}"), (*v).to_owned());
        }
        let reset: Vec<String> = changed.iter().map(|(k, _)| format!("RESET {k};")).collect();
        let restore: Vec<String> = changed.iter().map(|(k, v)| format!("SET {k} = '{}';", v.replace('\'', "''"))).collect();
        out.push(
            f.impact(Impact { text: "None on the query itself: this is about trusting the plan.".to_owned(), ..Impact::default() })
                .fix(Some(reset.join("\n")), "Reset these settings in the session and capture the plan again, unless production runs with them too.")
                .risk("Session-level only: other sessions are not affected.")
                .rollback(Some(restore.join("\n")), "Sets the values the plan was made with again."),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_support::{findings_for_fixture, render};

    #[test]
    fn reports_changed_settings() {
        let findings = findings_for_fixture("tests/scenarios/misestimate-correlated.json", super::META.id);
        assert_eq!(findings.len(), 1);
        insta::assert_snapshot!(render(&findings[0]));
    }
}
