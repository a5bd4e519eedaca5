//! Rule thresholds are configurable: every rule that declares thresholds serializes
//! its defaults to a flat table of numbers and booleans, `pgsight.toml` accepts an
//! override of each one, and a raised threshold reaches the rule.

use std::path::Path;

use pgsight_core::{analyze, Config, Input, InputKind, Rule};

/// A JSON number or boolean written as a TOML value of the same type: integers stay
/// integers, floats keep a decimal point or exponent.
fn toml_value(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::Bool(b) => b.to_string(),
        serde_json::Value::Number(n) if n.is_f64() => {
            let text = n.to_string();
            if text.contains(['.', 'e', 'E']) {
                text
            } else {
                format!("{text}.0")
            }
        }
        serde_json::Value::Number(n) => n.to_string(),
        // A JSON string is a valid TOML basic string.
        serde_json::Value::String(_) => value.to_string(),
        other => panic!("threshold value {other} is not a number, boolean or string"),
    }
}

#[test]
fn every_threshold_default_round_trips_through_the_config() {
    let mut tunable = Vec::new();
    let mut problems = Vec::new();
    for rule in Rule::ALL {
        let meta = rule.meta();
        let Some(defaults) = meta.default_thresholds else { continue };
        tunable.push(meta.id);
        let defaults = defaults();
        let Some(map) = defaults.as_object().filter(|m| !m.is_empty()) else {
            problems.push(format!("{}: thresholds are not a non-empty JSON object: {defaults}", meta.id));
            continue;
        };
        let mut text = format!("[rules.thresholds.{}]\n", meta.id);
        let mut typed = true;
        for (name, value) in map {
            if !(value.is_number() || value.is_boolean() || value.is_string()) {
                problems.push(format!("{}: threshold `{name}` = {value} is not a number, boolean or string", meta.id));
                typed = false;
                continue;
            }
            text.push_str(&format!("{name} = {}\n", toml_value(value)));
        }
        if !typed {
            continue;
        }
        let config = match Config::from_toml(&text) {
            Ok(config) => config,
            Err(e) => {
                problems.push(format!("{}: {e}\n{text}", meta.id));
                continue;
            }
        };
        let overrides = &config.thresholds[meta.id];
        for (name, value) in map {
            let read = &overrides[name];
            let same = match (read.as_f64(), value.as_f64()) {
                (Some(a), Some(b)) => a == b,
                _ => read == value,
            };
            if !same {
                problems.push(format!("{}: `{name}` read back as {read} instead of {value}", meta.id));
            }
        }
    }
    for id in [
        "index-scan-filter",
        "row-misestimate",
        "jit-overhead",
        "high-planning-time",
        "slow-node",
        "sort-spill",
        "hash-spill",
        "lossy-bitmap",
        "heap-fetches",
        "not-in-subplan",
        "large-offset",
        "read-inefficiency",
        "trigger-time",
        "count-full-table",
    ] {
        if !tunable.contains(&id) {
            problems.push(format!("{id} has no configurable thresholds"));
        }
    }
    assert!(problems.is_empty(), "{} problem(s):\n{}", problems.len(), problems.join("\n"));
}

fn fires(scenario: &str, rule: &str, config: &Config) -> bool {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").join(scenario);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let report = analyze(&[Input::new(InputKind::Plan, scenario, text)], config);
    assert!(report.inputs[0].ok, "{scenario} did not parse: {:?}", report.notes);
    report.findings.iter().any(|f| f.rule == rule)
}

#[test]
fn raised_thresholds_silence_findings() {
    for (scenario, rule, threshold) in [
        ("tests/scenarios/misestimate-correlated.json", "row-misestimate", "min_factor = 1e12"),
        ("tests/scenarios/sort-spill-low-work-mem.json", "sort-spill", "min_disk_kb = 1e12"),
        ("tests/scenarios/seq-scan-orders-status.json", "seq-scan-selective-filter", "min_removed_rows = 1e12"),
    ] {
        assert!(fires(scenario, rule, &Config::default()), "{rule} should fire on {scenario} by default");
        let config = Config::from_toml(&format!("[rules.thresholds.{rule}]\n{threshold}\n")).expect("valid config");
        assert!(!fires(scenario, rule, &config), "{rule} still fires on {scenario} with {threshold}");
    }
}
