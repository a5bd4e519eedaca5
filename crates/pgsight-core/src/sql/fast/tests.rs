use std::path::{Path, PathBuf};

use super::read;
use crate::report::{Finding, InputKind};
use crate::rules::{AnalyzedScript, Context, Rule};
use crate::sql::parse::{read_script, read_statement, Reading, StatementClass};
use crate::sql::split::{split, StatementKind};
use crate::sql::Catalog;

/// Every `.sql` file under `dir`, sorted.
fn sql_files(dir: &Path, found: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            if !path.ends_with("node_modules") {
                sql_files(&path, found);
            }
        } else if path.extension().is_some_and(|e| e == "sql") {
            found.push(path);
        }
    }
}

/// Every real SQL file we have (the crate's fixtures, the repository's tests, the
/// shared pagila dump when present) and a small generated dump.
fn inputs() -> Vec<(String, String)> {
    let crate_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths = Vec::new();
    sql_files(&crate_dir.join("tests/fixtures"), &mut paths);
    sql_files(&crate_dir.join("../../tests"), &mut paths);
    sql_files(&crate_dir.join("../../../shared/corpus/pagila"), &mut paths);
    let mut inputs: Vec<(String, String)> =
        paths.into_iter().filter_map(|p| Some((p.display().to_string(), std::fs::read_to_string(&p).ok()?))).collect();
    assert!(inputs.len() > 100, "the fixtures were not found: {}", inputs.len());
    inputs.push(("generated 60 tables".to_owned(), pgsight_gen::schema::dump(60, 300).sql));
    inputs
}

fn same_class(fast: &StatementClass, full: &StatementClass) -> bool {
    match (fast, full) {
        (StatementClass::Parsed { statement: a, adjustments: x }, StatementClass::Parsed { statement: b, adjustments: y }) => {
            a == b && x == y && a.to_string() == b.to_string()
        }
        (StatementClass::Recognized(a), StatementClass::Recognized(b)) => a == b,
        _ => false,
    }
}

#[test]
fn every_statement_read_fast_reads_as_the_full_path_reads_it() {
    let mut read_fast = 0;
    let mut total = 0;
    for (name, text) in inputs() {
        for raw in split(&text).into_iter().filter(|r| r.kind == StatementKind::Sql) {
            let sql = raw.span.text(&text);
            total += 1;
            let Some(fast) = read(sql) else { continue };
            read_fast += 1;
            let (full, _) = read_statement(sql);
            assert!(same_class(&fast, &full), "{name} line {}: `{sql}`\nfast: {fast:#?}\nfull: {full:#?}", raw.span.line);
        }
    }
    // The fast reading must keep reading something, or this test proves nothing.
    assert!(read_fast > 500, "{read_fast} of {total} statements read fast");
}

#[test]
fn the_generated_dump_is_read_almost_all_fast() {
    let text = pgsight_gen::schema::dump(200, 1000).sql;
    let raws: Vec<_> = split(&text).into_iter().filter(|r| r.kind == StatementKind::Sql).collect();
    let slow: Vec<&str> = raws.iter().map(|r| r.span.text(&text)).filter(|sql| read(sql).is_none()).collect();
    assert!(slow.len() * 100 < raws.len(), "{} of {} not read fast, e.g. {:?}", slow.len(), raws.len(), &slow[..slow.len().min(5)]);
}

/// Every rule, on the script read as a schema, a migration and queries at once.
fn findings(text: &str, reading: Reading) -> (Catalog, Vec<Finding>) {
    let script = read_script(text, reading);
    let catalog = Catalog::from_script(&script);
    let scripts = [InputKind::Schema, InputKind::Migration, InputKind::Query]
        .into_iter()
        .enumerate()
        .map(|(input, kind)| AnalyzedScript { input, kind, script: script.clone() })
        .collect();
    let ctx = Context { scripts, catalog: Some(catalog.clone()), ..Context::default() };
    let mut findings = Vec::new();
    for rule in Rule::ALL {
        rule.check(&ctx, &mut findings);
    }
    (catalog, findings)
}

#[test]
fn catalogs_and_findings_do_not_depend_on_the_fast_reading() {
    for (name, text) in inputs() {
        let fast = read_script(&text, Reading::Fast);
        let full = read_script(&text, Reading::Full);
        assert_eq!(fast.notes, full.notes, "{name}");
        // Read with one reader for the whole script, which remembers pieces.
        assert_eq!(fast.statements.len(), full.statements.len(), "{name}");
        for (a, b) in fast.statements.iter().zip(&full.statements) {
            let same = same_class(&a.class, &b.class) || format!("{:?}", a.class) == format!("{:?}", b.class);
            assert!(same && a.span == b.span && a.sql == b.sql && a.leading_comments == b.leading_comments, "{name}: `{}`", a.sql);
        }
        assert_eq!(fast.counts, full.counts, "{name}");
        let (fast_catalog, fast_findings) = findings(&text, Reading::Fast);
        let (full_catalog, full_findings) = findings(&text, Reading::Full);
        let json = |catalog: &Catalog| serde_json::to_string_pretty(catalog).unwrap_or_default();
        assert_eq!(json(&fast_catalog), json(&full_catalog), "{name}");
        // Applied as read, as `analyze` reads a schema: the same catalog, the same text.
        let mut applied_catalog = Catalog::default();
        let applied = crate::sql::parse::parse_schema_into(&text, &mut applied_catalog);
        assert_eq!(json(&applied_catalog), json(&full_catalog), "{name}");
        assert_eq!((applied.counts, &applied.notes), (full.counts, &full.notes), "{name}");
        for (a, b) in applied.statements.iter().zip(&full.statements) {
            assert!(a.span == b.span && a.sql == b.sql && a.leading_comments == b.leading_comments, "{name}: `{}`", a.sql);
        }
        assert_eq!(fast_findings, full_findings, "{name}");
    }
}

#[test]
fn shapes_outside_the_fast_reading_are_left_to_the_full_path() {
    for sql in [
        "CREATE TABLE t (a integer) PARTITION BY RANGE (a)",
        "CREATE TABLE t (a integer COLLATE \"C\")",
        "CREATE TABLE t (a integer, PRIMARY KEY (a))",
        "CREATE INDEX i ON ONLY t USING btree (a)",
        "CREATE INDEX CONCURRENTLY i ON t USING btree (a)",
        "CREATE INDEX i ON t USING btree (a) INCLUDE (b)",
        "ALTER TABLE t ADD CONSTRAINT k FOREIGN KEY (a) REFERENCES u(a) DEFERRABLE",
        "ALTER TABLE t ADD COLUMN a integer",
        "ALTER TABLE t OWNER TO CURRENT_USER",
        "CREATE TABLE t (a text DEFAULT E'x\\n')",
        "CREATE TABLE t (a text DEFAULT $$x$$)",
        "CREATE TABLE t (a text -- comment\n)",
    ] {
        assert!(read(sql).is_none(), "{sql}");
    }
}

#[test]
fn quick_tokens_are_sqlparser_tokens() {
    use sqlparser::tokenizer::{Token, TokenWithSpan};
    // Keywords are not looked up: compare without them.
    let plain = |tokens: Vec<TokenWithSpan>| -> Vec<(Token, sqlparser::tokenizer::Span)> {
        tokens
            .into_iter()
            .map(|t| match t.token {
                Token::Word(mut word) => {
                    word.keyword = sqlparser::keywords::Keyword::NoKeyword;
                    (Token::Word(word), t.span)
                }
                other => (other, t.span),
            })
            .collect()
    };
    let mut compared = 0;
    for (name, text) in inputs() {
        for raw in split(&text) {
            let sql = raw.span.text(&text);
            let Some(quick) = super::tokens(sql) else { continue };
            let Ok(full) = crate::sql::tokens::tokenize(sql) else { panic!("{name}: sqlparser cannot tokenize `{sql}`") };
            let full = crate::sql::tokens::significant(&full);
            compared += 1;
            assert_eq!(plain(quick), plain(full), "{name} line {}: `{sql}`", raw.span.line);
        }
    }
    assert!(compared > 1000, "{compared}");
}
