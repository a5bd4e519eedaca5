//! Every plan scenario made on a real PostgreSQL (tests/scenarios/NAME.sql, with its
//! NAME.json and NAME.txt captures) is analyzed from both captures:
//! - the rule ids its `-- expect:` header names fire from the JSON and from the text;
//! - the two captures agree on which rules fire (they are separate runs of the same
//!   query, so figures differ, but not the diagnosis);
//! - a clean scenario (`-- expect: (nothing at warning or above)`) gives nothing at
//!   warning or above.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use pgsight_core::{analyze, Config, Input, InputKind, Severity};

fn scenarios_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/scenarios")
}

/// Rule ids at or above `min` fired on one capture.
fn fired(path: &Path, min: Severity) -> BTreeSet<&'static str> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let report = analyze(&[Input::new(InputKind::Plan, path.display().to_string(), text)], &Config::default());
    assert!(report.inputs[0].ok, "{} did not parse: {:?}", path.display(), report.notes);
    report.findings.iter().filter(|f| f.severity >= min).map(|f| f.rule).collect()
}

#[test]
fn every_scenario_fires_what_it_expects_from_json_and_text() {
    let mut names: Vec<String> = std::fs::read_dir(scenarios_dir())
        .expect("tests/scenarios")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "sql") && p.file_stem().is_some_and(|s| s != "setup" && s != "schema"))
        .filter_map(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
        .collect();
    names.sort();
    assert!(names.len() >= 30, "expected the scenario corpus, found {}", names.len());
    let mut problems = Vec::new();
    for name in &names {
        let sql = std::fs::read_to_string(scenarios_dir().join(format!("{name}.sql"))).expect("scenario sql");
        let Some(expect) = sql.lines().find_map(|l| l.strip_prefix("-- expect:")).map(str::trim) else {
            continue;
        };
        let json = scenarios_dir().join(format!("{name}.json"));
        let text = scenarios_dir().join(format!("{name}.txt"));
        if expect.starts_with("(nothing") {
            for capture in [&json, &text] {
                let loud = fired(capture, Severity::Warning);
                if !loud.is_empty() {
                    problems.push(format!("{name}: clean scenario fires {loud:?} from {}", capture.display()));
                }
            }
            continue;
        }
        let (from_json, from_text) = (fired(&json, Severity::Info), fired(&text, Severity::Info));
        for id in expect.split(',').map(str::trim) {
            if !from_json.contains(id) {
                problems.push(format!("{name}: {id} does not fire from JSON (fired: {from_json:?})"));
            }
            if !from_text.contains(id) {
                problems.push(format!("{name}: {id} does not fire from text (fired: {from_text:?})"));
            }
        }
        // slow-node depends on timing alone, which differs between the two runs.
        let diagnosis = |set: &BTreeSet<&'static str>| set.iter().copied().filter(|id| *id != "slow-node").collect::<BTreeSet<_>>();
        if diagnosis(&from_json) != diagnosis(&from_text) {
            problems.push(format!("{name}: JSON fires {from_json:?} but text fires {from_text:?}"));
        }
    }
    assert!(problems.is_empty(), "{} problem(s):\n{}", problems.len(), problems.join("\n"));
}
