//! Bounded property tests, run in CI on every push: whatever the bytes, the readers and
//! the whole analysis return (a report, an error, a note) and never panic. Real plans
//! and scripts with random edits reach deeper than random bytes do. The case counts
//! keep the whole file to a few seconds; the long runs are the fuzz targets (fuzz/).

use std::path::Path;
use std::sync::OnceLock;

use pgsight_core::{analyze, share, Config, Input, InputKind};
use proptest::prelude::*;
use proptest::sample::{select, Index};

const KINDS: [InputKind; 4] = [InputKind::Plan, InputKind::Schema, InputKind::Migration, InputKind::Query];

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig { cases, failure_persistence: None, ..ProptestConfig::default() }
}

/// Every reader, then the whole analysis with the text as each kind of input.
fn everything(text: &str) {
    let _ = pgsight_core::plan::parse(text);
    let _ = pgsight_core::sql::parse_script(text);
    let _ = share::decode(text, 1 << 20);
    let inputs: Vec<Input> = KINDS.iter().map(|&kind| Input::new(kind, "fuzz", text)).collect();
    let report = analyze(&inputs, &Config::default());
    let _ = report.to_json();
}

/// The plan and SQL fixtures, read once.
fn fixtures() -> &'static (Vec<String>, Vec<String>) {
    static FIXTURES: OnceLock<(Vec<String>, Vec<String>)> = OnceLock::new();
    FIXTURES.get_or_init(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let (mut plans, mut sql) = (Vec::new(), Vec::new());
        let mut stack = vec![root.join("tests/scenarios"), root.join("crates/pgsight-core/tests/fixtures")];
        while let Some(dir) = stack.pop() {
            for path in std::fs::read_dir(&dir).into_iter().flatten().filter_map(|e| e.ok().map(|e| e.path())) {
                let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_owned();
                let Ok(text) = std::fs::read_to_string(&path) else {
                    if path.is_dir() {
                        stack.push(path);
                    }
                    continue;
                };
                if name.ends_with(".json") || name.ends_with(".txt") || name.ends_with("-plan") || name.ends_with("-expect") {
                    plans.push(text);
                } else if name.ends_with(".sql") && text.len() < 64 * 1024 {
                    sql.push(text);
                }
            }
        }
        plans.sort();
        sql.sort();
        assert!(plans.len() > 100 && sql.len() > 100, "fixtures found: {} plans, {} scripts", plans.len(), sql.len());
        (plans, sql)
    })
}

/// Pieces that matter to the readers: JSON structure, plan keys, text-plan syntax,
/// odd numbers, SQL quoting and nesting.
const SNIPPETS: &[&str] = &[
    "{", "}", "[", "]", ",", ":", "\"", "\\", "\\u", "\\ud800", "\n", "\r\n", "\t", "  ", "->  ", "  ->  ", "\0", "\u{feff}", "é", "🐘",
    "\"Plans\": [", "\"Plan\": ", "\"Node Type\": ", "\"Actual Loops\": 0", "\"Actual Rows\": -1", "\"Workers\": [{}]", "null", "true",
    "0", "-0", "1e309", "-1e309", "1e-400", "NaN", "18446744073709551616", "9999999999999999999999999", "0.000",
    "(cost=", "..", " rows=", " width=", "(actual time=", " loops=0", " loops=", "never executed", "Buffers: shared hit=",
    "Workers Planned: ", "Sort Method: external merge  Disk: ", "Filter: ", "Rows Removed by Filter: ", "SubPlan 1", "InitPlan 1",
    "Planning Time: ", "Execution Time: ", " ms", "QUERY PLAN", "-----", "(1 row)", "|", "│", "+",
    ";", "'", "''", "$$", "$a$", "--", "/*", "*/", "(", ")", "E'\\", "\"\"", "CREATE TABLE ", "ALTER TABLE ", "BEGIN;", "COMMIT;",
    "CONCURRENTLY ", "NOT VALID", "REFERENCES ", "PRIMARY KEY", "PARTITION OF ", "DEFAULT now()", "SELECT * FROM ", "WHERE ",
    "LIKE '%x'", "OFFSET 100000", "ORDER BY random()", "NOT IN (SELECT ", "COPY t FROM stdin;\n", "\\.\n", "\\",
];

#[derive(Debug, Clone)]
enum Edit {
    Insert(Index, &'static str),
    Delete(Index, usize),
    Duplicate(Index, usize),
    Truncate(Index),
    Byte(Index, u8),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        4 => (any::<Index>(), select(SNIPPETS)).prop_map(|(at, s)| Edit::Insert(at, s)),
        3 => (any::<Index>(), 1usize..64).prop_map(|(at, n)| Edit::Delete(at, n)),
        1 => (any::<Index>(), 1usize..400).prop_map(|(at, n)| Edit::Duplicate(at, n)),
        1 => any::<Index>().prop_map(Edit::Truncate),
        2 => (any::<Index>(), any::<u8>()).prop_map(|(at, b)| Edit::Byte(at, b)),
    ]
}

/// Applies byte-level edits (so invalid UTF-8 happens), then reads the bytes lossily,
/// as the CLI does.
fn mutate(text: &str, edits: &[Edit]) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for edit in edits {
        let at = |i: &Index| i.index(bytes.len() + 1);
        match edit {
            Edit::Insert(i, s) => {
                let at = at(i);
                bytes.splice(at..at, s.bytes());
            }
            Edit::Delete(i, n) => {
                let at = at(i);
                bytes.drain(at..(at + n).min(bytes.len()));
            }
            Edit::Duplicate(i, n) => {
                let at = at(i);
                let piece = bytes[at..(at + n).min(bytes.len())].to_vec();
                bytes.splice(at..at, piece);
            }
            Edit::Truncate(i) => bytes.truncate(at(i)),
            Edit::Byte(i, b) => {
                let at = at(i);
                if at < bytes.len() {
                    bytes[at] = *b;
                }
            }
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

proptest! {
    #![proptest_config(config(200))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        everything(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn arbitrary_strings_never_panic(text in any::<String>()) {
        everything(&text);
    }

    #[test]
    fn snippet_soup_never_panics(pieces in proptest::collection::vec(select(SNIPPETS), 0..60)) {
        everything(&pieces.concat());
    }
}

proptest! {
    #![proptest_config(config(300))]

    #[test]
    fn mutated_real_plans_never_panic(which in any::<Index>(), edits in proptest::collection::vec(edit(), 1..12)) {
        let (plans, _) = fixtures();
        let text = mutate(which.get::<String>(plans), &edits);
        let report = analyze(&[Input::new(InputKind::Plan, "mutated", text.as_str())], &Config::default());
        prop_assert_eq!(report.inputs.len(), 1);
        if let Ok(parsed) = pgsight_core::plan::parse(&text) {
            // What reads must print as JSON that reads back.
            let printed = pgsight_core::plan::write::to_explain_json(&parsed.documents);
            prop_assert!(pgsight_core::plan::json::parse_documents(&printed).is_ok(), "printed plan does not read back:\n{}", printed);
        }
    }

    #[test]
    fn mutated_real_scripts_never_panic(which in any::<Index>(), kind in select(vec![InputKind::Schema, InputKind::Migration, InputKind::Query]), edits in proptest::collection::vec(edit(), 1..12)) {
        let (_, scripts) = fixtures();
        let text = mutate(which.get::<String>(scripts), &edits);
        let report = analyze(&[Input::new(kind, "mutated", text.as_str())], &Config::default());
        prop_assert_eq!(report.inputs.len(), 1);
    }

    #[test]
    fn mutated_share_links_never_panic(which in any::<Index>(), edits in proptest::collection::vec(edit(), 1..6)) {
        let (plans, scripts) = fixtures();
        let inputs = share::SharedInputs { plan: which.get::<String>(plans).clone(), sql: which.get::<String>(scripts).clone(), ..Default::default() };
        let link = share::encode(&inputs);
        prop_assert_eq!(share::decode(&link, share::DEFAULT_MAX_DECODED_BYTES), Ok(inputs));
        let _ = share::decode(&mutate(&link, &edits), share::DEFAULT_MAX_DECODED_BYTES);
    }
}
