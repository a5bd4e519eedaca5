use super::format::{count, percent};
use super::Context;
use crate::report::{Finding, Impact, Location, Severity};

declare_rule! {
    /// ## What it does
    /// Reads a health snapshot (`pgsight snapshot-sql`) and compares the client
    /// connections open when it was taken with `max_connections`: a warning above
    /// 80%, an error above 95% (`warning_share`, `error_share`). The finding counts
    /// them by state (active, idle, idle in transaction).
    ///
    /// ## Why it matters
    /// At max_connections (less the slots reserved for superusers) new connections
    /// fail with `FATAL: sorry, too many clients already`: deploys, cron jobs and
    /// failover checks fail first. Each connection is a process with its own memory;
    /// many idle ones usually mean application pools sized per instance with no
    /// pooler in front, and sessions left "idle in transaction" also hold locks and
    /// keep VACUUM from cleaning up.
    ///
    /// ## Example
    /// ```text
    /// 92 client connections of max_connections = 100: 70 idle, 15 idle in transaction, 7 active
    /// ```
    ///
    /// ## Fix
    /// Put a connection pooler (PgBouncer in transaction mode, or the managed
    /// service's proxy) in front and size the application pools down; end sessions
    /// forgotten in a transaction:
    /// ```sql
    /// ALTER SYSTEM SET idle_in_transaction_session_timeout = '5min';
    /// SELECT pg_reload_conf();
    /// ```
    id: "connections-near-limit",
    category: Schema,
    severity: Warning,
    summary: "Client connections above 80% of max_connections (health snapshot)",
    thresholds: Thresholds,
}

/// Defaults.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Thresholds {
    pub warning_share: f64,
    pub error_share: f64,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds { warning_share: 0.8, error_share: 0.95 }
    }
}

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let t: Thresholds = ctx.thresholds(&META);
    for snap in &ctx.snapshots {
        let s = &snap.snapshot;
        let (Some(connections), Some(max)) = (&s.connections, s.setting("max_connections").and_then(|m| m.number())) else { continue };
        let Some(total) = connections.total else { continue };
        if max <= 0.0 || (total as f64) <= t.warning_share * max {
            continue;
        }
        let share = total as f64 / max;
        let state = |name: &str| connections.by_state.get(name).copied().unwrap_or(0);
        let idle_in_transaction = state("idle in transaction") + state("idle in transaction (aborted)");
        let idle = state("idle");
        let reserved = s.setting("superuser_reserved_connections").and_then(|r| r.number()).unwrap_or(3.0);
        let mut states: Vec<(&String, &i64)> = connections.by_state.iter().collect();
        states.sort_by_key(|(_, n)| std::cmp::Reverse(**n));
        let states_text: Vec<String> = states.iter().map(|(k, n)| format!("{} {k}", count(**n as f64))).collect();
        let mut f = Finding::new(
            &META,
            format!("{} client connections of max_connections = {} ({})", count(total as f64), count(max), percent(share)),
            format!(
                "{} client connections were open, {} of max_connections. Once the {} slots left to ordinary users are taken, \
                 new connections fail with \"too many clients already\".{}",
                count(total as f64),
                percent(share),
                count((max - reserved).max(0.0)),
                if states_text.is_empty() { String::new() } else { format!(" By state: {}.", states_text.join(", ")) }
            ),
        )
        .location(Location { input: snap.input, ..Location::default() })
        .evidence("Client connections", count(total as f64))
        .evidence("max_connections", count(max))
        .evidence("superuser_reserved_connections", count(reserved));
        for (name, n) in &states {
            f = f.evidence(format!("State: {name}"), count(**n as f64));
        }
        if share > t.error_share {
            f = f.severity(Severity::Error);
        }
        let version = s.server_version_num.unwrap_or(0);
        let (fix, text, risk, rollback) = if idle_in_transaction as f64 >= 0.1 * total as f64 {
            (
                "ALTER SYSTEM SET idle_in_transaction_session_timeout = '5min';\nSELECT pg_reload_conf();",
                format!(
                    "{} sessions sit idle inside a transaction: end those forgotten for more than 5 minutes, and fix the \
                     code paths that leave them open. In the longer run, put a pooler in front.",
                    count(idle_in_transaction as f64)
                ),
                "Sessions idle in a transaction for 5 minutes are terminated: an application that legitimately keeps a \
                 transaction open that long between statements gets an error. Set it per role (ALTER ROLE ... SET) to \
                 spare batch jobs.",
                "ALTER SYSTEM RESET idle_in_transaction_session_timeout;\nSELECT pg_reload_conf();",
            )
        } else if version >= 140_000 && idle as f64 >= 0.5 * total as f64 {
            (
                "ALTER SYSTEM SET idle_session_timeout = '30min';\nSELECT pg_reload_conf();",
                format!(
                    "{} connections are idle: put a connection pooler (PgBouncer in transaction mode, or the managed \
                     service's proxy) in front and size the application pools down. Meanwhile, end sessions idle for 30 \
                     minutes.",
                    count(idle as f64)
                ),
                "idle_session_timeout also closes idle connections of application pools, which then see an error on their \
                 next use unless the pool validates connections; never set it on a server behind PgBouncer in session mode \
                 without checking its server_idle_timeout.",
                "ALTER SYSTEM RESET idle_session_timeout;\nSELECT pg_reload_conf();",
            )
        } else {
            (
                "SELECT usename, application_name, client_addr, state, count(*)\nFROM pg_stat_activity\nWHERE backend_type = 'client backend'\nGROUP BY 1, 2, 3, 4\nORDER BY 5 DESC;",
                "Find which applications hold the connections, put a connection pooler (PgBouncer in transaction mode, or \
                 the managed service's proxy) in front and size their pools down. Raising max_connections only moves the \
                 limit: each connection costs memory and scheduling."
                    .to_owned(),
                "The query only reads pg_stat_activity.",
                "",
            )
        };
        out.push(
            f.impact(Impact {
                text: "Keeps headroom for new connections (deploys, failover, maintenance) and frees the memory of idle backends."
                    .to_owned(),
                ..Impact::default()
            })
            .fix(Some(fix.to_owned()), text)
            .risk(risk)
            .rollback((!rollback.is_empty()).then(|| rollback.to_owned()), if rollback.is_empty() { "Nothing to undo." } else { "Restores the setting." }),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_support::render;
    use crate::snapshot::testing::{fixture_findings, snapshot_findings};
    use crate::Severity;

    #[test]
    fn quiet_on_the_fixture() {
        assert!(fixture_findings(super::META.id).is_empty());
    }

    #[test]
    fn fires_above_80_percent() {
        let findings = snapshot_findings(
            |v| v["connections"] = serde_json::json!({"total": 92, "by_state": {"idle": 70, "idle in transaction": 15, "active": 7}}),
            &[],
            super::META.id,
        );
        assert_eq!(findings.len(), 1, "{findings:#?}");
        assert_eq!(findings[0].title, "92 client connections of max_connections = 100 (92%)");
        assert_eq!(findings[0].severity, Severity::Warning);
        assert!(findings[0].fix.sql.as_deref().is_some_and(|s| s.contains("idle_in_transaction_session_timeout")));
        insta::assert_snapshot!(render(&findings[0]));
    }

    #[test]
    fn mostly_idle_gets_the_idle_timeout_and_an_error_near_the_limit() {
        let findings = snapshot_findings(|v| v["connections"] = serde_json::json!({"total": 97, "by_state": {"idle": 90, "active": 7}}), &[], super::META.id);
        assert_eq!(findings[0].severity, Severity::Error);
        assert!(findings[0].fix.sql.as_deref().is_some_and(|s| s.contains("idle_session_timeout = '30min'")));
    }
}
