use super::{AnalyzedScript, Context};
use crate::report::{Finding, Impact, Location};
use crate::Rule;

declare_rule! {
    /// ## What it does
    /// Applies the suppression comments in SQL inputs, and reports the ones that
    /// suppress nothing or name a rule that does not exist.
    ///
    /// - `-- pgsight-ignore rule-id[, rule-id]` in the comments right before a
    ///   statement silences those rules for that statement;
    /// - `-- pgsight-ignore-file rule-id[, rule-id]` anywhere silences them for the
    ///   whole file.
    ///
    /// ## Why it matters
    /// A suppression is a decision someone made about one statement. When the
    /// statement changes, or the rule id has a typo, the comment silently stops
    /// meaning anything, and the next real problem there goes unreported.
    ///
    /// ## Example
    /// ```sql
    /// -- pgsight-ignore create-index-not-concurent
    /// CREATE INDEX orders_status_idx ON orders (status);
    /// ```
    ///
    /// ## Fix
    /// Correct the rule id (the finding suggests the closest one), or remove the
    /// comment when the statement no longer triggers the rule.
    id: "unused-suppression",
    category: Query,
    severity: Info,
    summary: "A pgsight-ignore comment that suppresses nothing or names an unknown rule",
}

/// One suppression comment and the findings it may silence.
struct Suppression {
    input: usize,
    rule: String,
    line: u32,
    column: u32,
    /// Lines of the statement it precedes; `None` for a file-wide suppression.
    lines: Option<(u32, u32)>,
    used: bool,
}

/// Runs after every other rule (last in the table): it removes the findings that a
/// suppression comment covers, then reports suppressions that covered nothing.
pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let mut suppressions: Vec<Suppression> = ctx.scripts.iter().flat_map(read_suppressions).collect();
    if suppressions.is_empty() {
        return;
    }
    out.retain(|finding| {
        let line = finding.location.line;
        let covering = suppressions.iter_mut().find(|s| {
            s.input == finding.location.input
                && s.rule == finding.rule
                && match (s.lines, line) {
                    (None, _) => true,
                    (Some((first, last)), Some(line)) => (first..=last).contains(&line),
                    (Some(_), None) => false,
                }
        });
        match covering {
            Some(s) => {
                s.used = true;
                false
            }
            None => true,
        }
    });
    for s in suppressions.iter().filter(|s| !s.used) {
        let location = Location { input: s.input, line: Some(s.line), column: Some(s.column), ..Location::default() };
        let scope = if s.lines.is_some() { "the statement after it" } else { "this file" };
        let finding = match Rule::from_id(&s.rule) {
            None => {
                let hint = closest_rule(&s.rule).map(|id| format!(" Did you mean `{id}`?")).unwrap_or_default();
                Finding::new(&META, format!("Suppression names an unknown rule `{}`", s.rule), format!("No rule has the id `{}`, so this comment suppresses nothing.{hint}", s.rule))
                    .fix(None, match closest_rule(&s.rule) {
                        Some(id) => format!("Write `{id}`, or remove the comment."),
                        None => "Correct the rule id (`pgsight rules` lists them), or remove the comment.".to_owned(),
                    })
            }
            Some(_) => Finding::new(
                &META,
                format!("Suppression of `{}` matches nothing", s.rule),
                format!("`{}` reports nothing in {scope}, so the comment has nothing to silence.", s.rule),
            )
            .fix(None, "Remove the comment, so that a future finding there is not hidden."),
        };
        out.push(
            finding
                .location(location)
                .evidence("Suppressed rule", s.rule.clone())
                .impact(Impact { text: "None on the database: this keeps suppressions meaningful.".to_owned(), ..Impact::default() })
                .risk("None.")
                .rollback(None, "Nothing to undo."),
        );
    }
}

fn read_suppressions(script: &AnalyzedScript) -> Vec<Suppression> {
    let mut found = Vec::new();
    for statement in &script.script.statements {
        let first = statement.span.line;
        let last = first + statement.sql.matches('\n').count() as u32;
        for comment in &statement.leading_comments {
            let body = comment.text.trim_start_matches("--").trim_start_matches("/*").trim_end_matches("*/").trim();
            let (ids, lines) = if let Some(ids) = body.strip_prefix("pgsight-ignore-file") {
                (ids, None)
            } else if let Some(ids) = body.strip_prefix("pgsight-ignore") {
                (ids, Some((first, last)))
            } else {
                continue;
            };
            for id in ids.split(|c: char| c == ',' || c.is_whitespace()).filter(|id| !id.is_empty()) {
                found.push(Suppression { input: script.input, rule: id.to_owned(), line: comment.line, column: comment.column, lines, used: false });
            }
        }
    }
    found
}

/// The rule id nearest to a misspelling, if it is near enough to be a typo.
fn closest_rule(id: &str) -> Option<&'static str> {
    Rule::ALL
        .iter()
        .map(|r| (edit_distance(id, r.id()), r.id()))
        .filter(|(d, _)| *d <= 3)
        .min_by_key(|(d, _)| *d)
        .map(|(_, id)| id)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous + usize::from(ca != *cb);
            previous = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(previous + 1);
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use crate::rules::test_support::{fixture, render};
    use crate::{analyze, Config, Input, InputKind};

    fn analyze_query(path: &str) -> Vec<crate::Finding> {
        analyze(&[Input::new(InputKind::Query, path, fixture(path))], &Config::default()).findings
    }

    #[test]
    fn suppressions_silence_their_statement_and_report_typos() {
        let findings = analyze_query("crates/pgsight-core/tests/fixtures/suppressions/queries.sql");
        let rules: Vec<(&str, Option<u32>)> = findings.iter().map(|f| (f.rule, f.location.line)).collect();
        // The suppressed statement reports nothing of the suppressed rule...
        assert!(!rules.contains(&("missing-where", Some(3))), "{rules:?}");
        // ...the unsuppressed one still does.
        assert!(rules.contains(&("missing-where", Some(9))), "{rules:?}");
        let unused: Vec<&crate::Finding> = findings.iter().filter(|f| f.rule == super::META.id).collect();
        assert_eq!(unused.len(), 2, "{unused:#?}");
        assert!(unused.iter().any(|f| f.message.contains("Did you mean `missing-where`?")));
        insta::assert_snapshot!(render(unused[0]));
    }

    #[test]
    fn file_wide_suppression() {
        let findings = analyze_query("crates/pgsight-core/tests/fixtures/suppressions/file-wide.sql");
        assert!(findings.iter().all(|f| f.rule != "missing-where"), "{findings:#?}");
        assert!(findings.iter().all(|f| f.rule != super::META.id));
    }

    #[test]
    fn typo_distance() {
        assert_eq!(super::closest_rule("missing-wher"), Some("missing-where"));
        assert_eq!(super::closest_rule("totally-different-thing"), None);
    }
}
