//! What the migration rules share: the lock evidence and risk every finding carries,
//! and the rewritten statements their fixes propose (edited statements, the
//! NOT VALID + VALIDATE pair, the CHECK-then-SET-NOT-NULL sequence, batched
//! backfills).

use sqlparser::tokenizer::Token;

use super::walk::{Lock, Migration, Step};
use crate::position::byte_offset;
use crate::report::Finding;
use crate::sql::names::quote_ident;
use crate::sql::tokens::{is_keyword, tokenize};

/// Rows per batch in the backfills fixes propose (the `unbatched-backfill`
/// threshold `batch_rows` overrides it).
pub const DEFAULT_BATCH_ROWS: u64 = 10_000;

/// The statement on one line, shortened to `max` characters.
pub fn one_line(sql: &str, max: usize) -> String {
    let flat = sql.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        return flat;
    }
    let cut: String = flat.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}

/// The statement as the evidence quotes it.
pub fn statement_text(step: &Step) -> String {
    one_line(&step.statement.sql, 160)
}

/// The lock of `step` on `table` (or its strongest lock).
pub fn lock_on<'s>(step: &'s Step, table: &str) -> Option<&'s Lock> {
    step.locks.iter().find(|l| l.target == table).or_else(|| step.locks.iter().max_by_key(|l| (l.mode, l.work)))
}

/// Adds the statement, the lock and the work to a finding's evidence.
pub fn lock_evidence(mut finding: Finding, step: &Step, lock: Option<&Lock>) -> Finding {
    finding = finding.evidence("Statement", statement_text(step));
    if let Some(lock) = lock {
        finding = finding.evidence("Lock", lock.describe());
        finding = finding.evidence("Work", lock.work.describe(&lock.target));
    }
    finding
}

/// Where the lock is released, and whether lock_timeout bounds the wait: the part
/// of the risk every migration finding shares.
pub fn lock_context(migration: &Migration, step: &Step, lock: &Lock) -> String {
    let mut text = String::new();
    if let Some(transaction) = migration.transaction_of(step) {
        let held = match transaction.end {
            Some(end) => format!("until line {}", migration.line(end)),
            None => "until the transaction ends".to_owned(),
        };
        text.push_str(&format!(" It runs inside {}, so the lock is held {held}, through every statement after it.", migration.describe_transaction(transaction)));
    }
    match step.settings.lock_timeout() {
        Some(timeout) => text.push_str(&format!(
            " lock_timeout = {} (set at line {}) bounds the wait for the lock: the statement fails instead of queueing traffic.",
            timeout.value, timeout.line
        )),
        None if lock.mode >= crate::migration::LockMode::Share => text.push_str(&format!(
            " No lock_timeout is set: while it waits behind any running transaction on {}, every new query that needs the table queues behind it.",
            lock.target
        )),
        None => {}
    }
    text
}

/// Byte offset just after the first top-level occurrence of `keywords` in `sql`.
pub fn after_keywords(sql: &str, keywords: &[&str]) -> Option<usize> {
    let tokens = tokenize(sql).ok()?;
    let significant: Vec<_> = tokens.iter().filter(|t| !matches!(t.token, Token::Whitespace(_))).collect();
    let mut depth = 0usize;
    for (i, token) in significant.iter().enumerate() {
        match token.token {
            Token::LParen => depth += 1,
            Token::RParen => depth = depth.saturating_sub(1),
            _ => {}
        }
        if depth != 0 || i + keywords.len() > significant.len() {
            continue;
        }
        if keywords.iter().zip(&significant[i..]).all(|(k, t)| is_keyword(&t.token, k)) {
            let last = significant[i + keywords.len() - 1];
            let end = last.span.end;
            return byte_offset(sql, u32::try_from(end.line).ok()?, u32::try_from(end.column).ok()?);
        }
    }
    None
}

/// `sql` with `insertion` (e.g. ` CONCURRENTLY`) put right after `keywords`.
pub fn insert_after(sql: &str, keywords: &[&str], insertion: &str) -> Option<String> {
    let at = after_keywords(sql, keywords)?;
    Some(format!("{}{insertion}{}", &sql[..at], &sql[at..]))
}

/// A statement ready to run: trimmed, with its semicolon.
pub fn terminated(sql: &str) -> String {
    let trimmed = sql.trim().trim_end_matches(';').trim_end();
    format!("{trimmed};")
}

/// The PostgreSQL 12+ way to make a column NOT NULL without a long ACCESS EXCLUSIVE
/// scan: a NOT VALID check, validated under SHARE UPDATE EXCLUSIVE, that SET NOT NULL
/// then uses as its proof.
pub fn not_null_sequence(table: &str, column: &str, constraint: &str) -> String {
    let column = quote_ident(column);
    let constraint = quote_ident(constraint);
    format!(
        "ALTER TABLE {table} ADD CONSTRAINT {constraint} CHECK ({column} IS NOT NULL) NOT VALID;\n\
         ALTER TABLE {table} VALIDATE CONSTRAINT {constraint};\n\
         ALTER TABLE {table} ALTER COLUMN {column} SET NOT NULL;\n\
         ALTER TABLE {table} DROP CONSTRAINT {constraint};"
    )
}

/// A name for a helper constraint: `orders_status_not_null`.
pub fn not_null_constraint_name(table: &str, column: &str) -> String {
    format!("{table}_{column}_not_null")
}

/// A `DO` block that runs `statement` (an UPDATE or DELETE whose WHERE ends with
/// `{range}`) batch by batch, committing after each one. With a numeric key it walks
/// key ranges; without one it walks the table's pages by `ctid` (PostgreSQL 14+ reads
/// a ctid range without a full scan).
pub fn batched_do_block(table: &str, key: Option<&str>, batch_rows: u64, statement_with_range: impl Fn(&str) -> String) -> String {
    match key {
        Some(key) => {
            let key = quote_ident(key);
            let range = format!("{key} >= batch_start AND {key} < batch_start + batch_size");
            format!(
                "DO $$\n\
                 DECLARE\n\
                 \x20 batch_size  constant bigint := {batch_rows};\n\
                 \x20 batch_start bigint;\n\
                 \x20 last_key    bigint;\n\
                 BEGIN\n\
                 \x20 SELECT min({key}), max({key}) INTO batch_start, last_key FROM {table};\n\
                 \x20 WHILE batch_start <= last_key LOOP\n\
                 \x20   {};\n\
                 \x20   batch_start := batch_start + batch_size;\n\
                 \x20   COMMIT;  -- one transaction per batch: row locks and WAL stay small\n\
                 \x20 END LOOP;\n\
                 END\n\
                 $$;",
                statement_with_range(&range)
            )
        }
        None => {
            let pages = (batch_rows / 100).max(1);
            let range = "ctid >= format('(%s,0)', batch_start)::tid AND ctid < format('(%s,0)', batch_start + batch_pages)::tid".to_owned();
            let literal = table.replace('\'', "''");
            format!(
                "DO $$\n\
                 DECLARE\n\
                 \x20 batch_pages constant bigint := {pages};  -- about {batch_rows} rows of 80 bytes\n\
                 \x20 batch_start bigint := 0;\n\
                 \x20 last_page   bigint := pg_relation_size('{literal}') / current_setting('block_size')::bigint;\n\
                 BEGIN\n\
                 \x20 WHILE batch_start <= last_page LOOP\n\
                 \x20   {};\n\
                 \x20   batch_start := batch_start + batch_pages;\n\
                 \x20   COMMIT;  -- one transaction per batch: row locks and WAL stay small\n\
                 \x20 END LOOP;\n\
                 END\n\
                 $$;",
                statement_with_range(&range)
            )
        }
    }
}

/// How the fix text explains a batched block.
pub fn batched_block_text(key: Option<&str>) -> String {
    let walk = match key {
        Some(key) => format!("walks the key {key} in ranges"),
        None => "walks the table's pages by ctid (no single-column integer key is known; PostgreSQL 14+ reads a ctid range without a full scan)".to_owned(),
    };
    format!(
        "The block {walk} and commits after each batch (PostgreSQL 11+), so each batch holds its row locks briefly and VACUUM can reclaim the old row versions between batches. \
         Run it on its own, outside any transaction block (COMMIT inside DO fails there); it can be stopped and run again."
    )
}

/// `sql` with the first top-level `keyword` (and the space after it) removed.
pub fn remove_keyword(sql: &str, keyword: &str) -> Option<String> {
    let end = after_keywords(sql, &[keyword])?;
    let start = end.checked_sub(keyword.len())?;
    let rest = sql[end..].trim_start_matches([' ', '\t']);
    Some(format!("{}{rest}", &sql[..start]))
}

/// `sql` with `insertion` put after every top-level occurrence of `keywords`.
pub fn insert_after_all(sql: &str, keywords: &[&str], insertion: &str) -> Option<String> {
    let mut out = String::new();
    let mut rest = sql;
    let mut found = false;
    while let Some(at) = after_keywords(rest, keywords) {
        out.push_str(&rest[..at]);
        out.push_str(insertion);
        rest = &rest[at..];
        found = true;
    }
    out.push_str(rest);
    found.then_some(out)
}

/// Parses one SQL expression.
pub fn parse_expr(text: &str) -> Option<sqlparser::ast::Expr> {
    let dialect = sqlparser::dialect::PostgreSqlDialect {};
    sqlparser::parser::Parser::new(&dialect).try_with_sql(text).ok()?.parse_expr().ok()
}

/// `expression` with every reference to `column` replaced by `replacement` (an
/// identifier such as `NEW.amount`).
pub fn replace_column(expression: &str, column: &str, replacement: &str) -> Option<String> {
    use sqlparser::ast::{visit_expressions_mut, Expr, Ident};
    let mut expr = parse_expr(expression)?;
    let parts: Vec<Ident> = replacement.split('.').map(Ident::new).collect();
    let _ = visit_expressions_mut(&mut expr, |e| {
        if let Expr::Identifier(ident) = e {
            if crate::sql::names::fold_ident(ident) == column {
                *e = if parts.len() == 1 { Expr::Identifier(parts[0].clone()) } else { Expr::CompoundIdentifier(parts.clone()) };
            }
        }
        std::ops::ControlFlow::<()>::Continue(())
    });
    Some(expr.to_string())
}

/// A column definition without the options `drop` selects (its default, its
/// NOT NULL, its REFERENCES).
pub fn column_def_without(def: &sqlparser::ast::ColumnDef, drop: impl Fn(&sqlparser::ast::ColumnOption) -> bool) -> String {
    let mut text = format!("{} {}", def.name, crate::sql::catalog::types::lower_unquoted(&def.data_type.to_string()));
    for option in def.options.iter().filter(|o| !drop(&o.option)) {
        text.push(' ');
        text.push_str(&option.to_string());
    }
    text
}

/// The migration with the statement at `at` moved out of its transaction: the
/// transaction is committed before it and reopened after it (with its SET LOCALs
/// repeated), so every statement keeps its order.
pub fn move_out_of_transaction(migration: &Migration, at: usize, moved: &str) -> String {
    let Some(t) = migration.steps[at].transaction.map(|t| &migration.transactions[t]) else { return terminated(moved) };
    let first = t.begin.map_or(0, |b| b + 1);
    let last = t.end.unwrap_or(migration.steps.len());
    let text = |i: usize| terminated(&migration.steps[i].statement.sql);
    let begin = t.begin.map_or_else(|| "BEGIN;".to_owned(), text);
    let end = t.end.map_or_else(|| "COMMIT;".to_owned(), text);
    let before: Vec<String> = (first..at).map(text).collect();
    let after: Vec<String> = (at + 1..last).map(text).collect();
    let locals: Vec<String> = (first..at)
        .filter(|&i| matches!(&migration.steps[i].control, super::walk::Control::Set { local: true, .. }))
        .map(text)
        .collect();
    let mut out = Vec::new();
    let before_has_work = before.iter().any(|s| !s.to_ascii_uppercase().starts_with("SET "));
    if before_has_work {
        out.push(begin.clone());
        out.extend(before);
        out.push("COMMIT;".to_owned());
    } else {
        // Only settings before it: keep them as session settings.
        out.extend(before.iter().map(|s| s.replacen("SET LOCAL ", "SET ", 1).replacen("set local ", "set ", 1)));
    }
    out.push(terminated(moved));
    if !after.is_empty() {
        out.push(begin);
        if before_has_work {
            out.extend(locals);
        }
        out.extend(after);
        out.push(end);
    }
    out.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keywords_are_found_at_top_level_only() {
        assert_eq!(insert_after("CREATE INDEX i ON t (a)", &["INDEX"], " CONCURRENTLY").as_deref(), Some("CREATE INDEX CONCURRENTLY i ON t (a)"));
        assert_eq!(
            insert_after("create unique index\n  i on t (a)", &["INDEX"], " CONCURRENTLY").as_deref(),
            Some("create unique index CONCURRENTLY\n  i on t (a)")
        );
        assert_eq!(insert_after("ALTER TABLE t ADD COLUMN c int", &["ADD", "COLUMN"], " IF NOT EXISTS").as_deref(), Some("ALTER TABLE t ADD COLUMN IF NOT EXISTS c int"));
        assert_eq!(after_keywords("SELECT (INDEX)", &["INDEX"]), None);
        assert_eq!(one_line("a\n   b  c", 80), "a b c");
        assert_eq!(one_line("abcdef", 4), "abc…");
        assert_eq!(remove_keyword("CREATE INDEX CONCURRENTLY i ON t (a)", "CONCURRENTLY").as_deref(), Some("CREATE INDEX i ON t (a)"));
        assert_eq!(
            insert_after_all("ALTER TABLE t DROP COLUMN a, DROP COLUMN b", &["DROP", "COLUMN"], " IF EXISTS").as_deref(),
            Some("ALTER TABLE t DROP COLUMN IF EXISTS a, DROP COLUMN IF EXISTS b")
        );
        assert_eq!(replace_column("amount * 100", "amount", "NEW.amount").as_deref(), Some("NEW.amount * 100"));
    }
}
