//! Inputs built to break a parser: deep, huge, binary, or simply not what they claim.
//! Every one must give a report (with a note where something could not be read),
//! never a panic or a stack overflow. The analysis runs on a thread with a 1 MiB stack,
//! the size of a browser's wasm stack, so recursion would show here first.

use pgsight_core::{analyze, Config, Input, InputKind, Report};

const WASM_LIKE_STACK: usize = 1024 * 1024;

fn analyze_small_stack(inputs: Vec<Input>) -> Report {
    std::thread::Builder::new()
        .stack_size(WASM_LIKE_STACK)
        .spawn(move || analyze(&inputs, &Config::default()))
        .expect("spawn")
        .join()
        .expect("analysis must not panic or overflow the stack")
}

fn deep_json_plan(depth: usize) -> String {
    let mut text = String::from("[{\"Plan\": ");
    for i in 0..depth {
        text.push_str(&format!(
            "{{\"Node Type\": \"Nested Loop\", \"Join Type\": \"Inner\", \"Plan Rows\": 1, \"Actual Rows\": {}, \"Actual Loops\": 1, \"Actual Total Time\": {}, \"Plans\": [",
            1000 + i,
            (depth - i) as f64 * 0.01
        ));
    }
    text.push_str("{\"Node Type\": \"Seq Scan\", \"Relation Name\": \"t\", \"Plan Rows\": 1, \"Actual Rows\": 1, \"Actual Loops\": 1, \"Actual Total Time\": 0.01}");
    for _ in 0..depth {
        text.push_str("]}");
    }
    text.push_str(", \"Execution Time\": 100.0}]");
    text
}

fn deep_text_plan(depth: usize) -> String {
    let mut text = String::new();
    for i in 0..=depth {
        // As psql prints it: a child's arrow sits two columns right of its parent's text.
        let indent = if i == 0 { String::new() } else { " ".repeat(2 + 6 * (i - 1)) + "->  " };
        let node = if i == depth { "Seq Scan on t" } else { "Nested Loop" };
        text.push_str(&format!("{indent}{node}  (cost=0.00..1.00 rows=1 width=4) (actual time=0.001..0.010 rows={} loops=1)\n", 1000 + i));
    }
    text
}

#[test]
fn plans_thousands_of_levels_deep() {
    // A text plan's indentation grows with depth: 10,000 levels is 300 MB of text,
    // so the text case stops at 2,000 levels (12 MB); the JSON case goes to 10,000.
    for (name, text, depth) in [("deep.json", deep_json_plan(10_000), 10_000), ("deep.txt", deep_text_plan(2_000), 2_000)] {
        let report = analyze_small_stack(vec![Input::new(InputKind::Plan, name, text)]);
        assert!(report.inputs[0].ok, "{name}: {:?}", report.notes);
        assert_eq!(report.inputs[0].nodes, depth + 1, "{name}");
        assert_eq!(report.plans[0].nodes.last().map(|n| n.depth), Some(depth));
    }
}

#[test]
fn garbage_is_a_note_not_a_crash() {
    let cases: Vec<(&str, InputKind, String)> = vec![
        ("empty", InputKind::Plan, String::new()),
        ("spaces", InputKind::Plan, "   \n\t\n".into()),
        ("prose", InputKind::Plan, "Hello, this is not a plan.\nNeither is this.".into()),
        ("nul", InputKind::Plan, "Seq Scan on t\0\0".into()),
        ("binary", InputKind::Plan, (0u8..=255).cycle().take(4096).map(|b| char::from(b)).collect()),
        ("broken json", InputKind::Plan, "[{\"Plan\": {\"Node Type\": \"Seq Scan\", ".into()),
        ("json array of numbers", InputKind::Plan, "[1, 2, 3]".into()),
        ("deep non-plan json", InputKind::Plan, format!("{}{}", "[".repeat(100_000), "]".repeat(100_000))),
        ("unterminated sql", InputKind::Schema, "CREATE TABLE t (a text DEFAULT 'oops".into()),
        ("dollar quote", InputKind::Migration, "DO $x$ BEGIN RAISE NOTICE 'never closed';".into()),
        ("nested comment", InputKind::Query, "/* /* */ SELECT 1".into()),
    ];
    for (name, kind, text) in cases {
        let report = analyze_small_stack(vec![Input::new(kind, name, text)]);
        assert_eq!(report.inputs.len(), 1, "{name}");
        if kind == InputKind::Plan {
            assert!(!report.inputs[0].ok && !report.notes.is_empty(), "{name} should be refused with a note");
        }
    }
}

#[test]
fn huge_lines_and_statements() {
    // A 5 MB single line of SQL, and a statement of 100,000 tokens.
    let long_literal = format!("SELECT '{}' AS x;", "a".repeat(5 * 1024 * 1024));
    let many_tokens = format!("SELECT {} FROM t;", (0..50_000).map(|i| format!("c{i}")).collect::<Vec<_>>().join(", "));
    let deep_parens = format!("SELECT {}1{} FROM t;", "(".repeat(5_000), ")".repeat(5_000));
    for (name, text) in [("long line", long_literal), ("many tokens", many_tokens), ("deep parens", deep_parens)] {
        let report = analyze_small_stack(vec![Input::new(InputKind::Query, name, text)]);
        assert_eq!(report.inputs[0].statements, 1, "{name}");
    }
    // A 5 MB single-line JSON plan.
    let wide = format!(
        "[{{\"Plan\": {{\"Node Type\": \"Seq Scan\", \"Relation Name\": \"t\", \"Filter\": \"{}\"}}}}]",
        "(a = 1) AND ".repeat(400_000)
    );
    let report = analyze_small_stack(vec![Input::new(InputKind::Plan, "wide", wide)]);
    assert!(report.inputs[0].ok, "{:?}", report.notes);
}

#[test]
fn one_bad_input_does_not_sink_the_others() {
    let good = std::fs::read_to_string(format!("{}/../../tests/scenarios/seq-scan-orders-status.json", env!("CARGO_MANIFEST_DIR"))).expect("scenario");
    let report = analyze_small_stack(vec![
        Input::new(InputKind::Plan, "bad", "not a plan".to_owned()),
        Input::new(InputKind::Plan, "good", good),
    ]);
    assert!(!report.inputs[0].ok && report.inputs[1].ok);
    assert!(report.findings.iter().any(|f| f.rule == "seq-scan-selective-filter" && f.location.input == 1));
}

/// Every crash the fuzz targets (fuzz/) and the property tests (tests/properties.rs)
/// found, as the smallest input that showed it. Each must now give a report.
#[test]
fn fuzz_regressions() {
    let cases: Vec<(&str, InputKind, String)> = vec![
        // predicate::split_top_level sliced `s[i..]` inside a multi-byte character: any
        // non-ASCII name outside parentheses in a condition (found by properties.rs).
        ("non-ascii column in a filter (text)", InputKind::Plan, "Seq Scan on clients  (cost=0.00..1.00 rows=1 width=4)\n  Filter: (prénom = 'Zoé'::text)\n".into()),
        (
            "non-ascii column in a filter (json)",
            InputKind::Plan,
            r#"[{"Plan": {"Node Type": "Seq Scan", "Relation Name": "t", "Filter": "((🐘 > 1) AND prénom IS NULL)", "Rows Removed by Filter": 5000, "Actual Rows": 1, "Actual Loops": 1}}]"#.into(),
        ),
        ("replacement character in a recheck", InputKind::Plan, "Bitmap Heap Scan on orders  (cost=1.00..2.00 rows=1 width=4)\n  Recheck Cond: (\u{FFFD}(a >= 1) AND (a < 2))\n".into()),
    ];
    for (name, kind, text) in cases {
        let report = analyze_small_stack(vec![Input::new(kind, name, text)]);
        assert_eq!(report.inputs.len(), 1, "{name}");
    }
    for expr in ["prénom = 1 AND 🐘 > 2", "\u{FFFD}(a >= 1) AND (a < 2))", "é"] {
        let _ = pgsight_core::plan::predicate::conjuncts(expr);
    }
    // A bare node with `Plans` but no `Node Type` was read, then printed as JSON our own
    // reader refused (fuzz target plan_json). It is refused like a wrapped one now.
    let typeless = r#"{"Node TypType": "Hash Join", "Plans": [{"Node Type": "Seq Scan"}]}"#;
    let err = pgsight_core::plan::parse(typeless).expect_err("a node needs a type");
    assert!(err.message.contains("Node Type"), "{err}");
}

/// Whatever reads must print as EXPLAIN JSON that reads back (the fuzz targets'
/// invariant, kept here for inputs that broke it).
#[test]
fn printed_plans_read_back() {
    for text in [r#"{"Plans": [{"Node Type": "Seq Scan"}], "Node Type": "Append"}"#, "Seq Scan on t  (cost=0.00..1.00 rows=1 width=4)"] {
        let parsed = pgsight_core::plan::parse(text).expect("reads");
        let printed = pgsight_core::plan::write::to_explain_json(&parsed.documents);
        let again = pgsight_core::plan::parse(&printed).unwrap_or_else(|e| panic!("{text}: printed plan does not read back: {e}\n{printed}"));
        assert_eq!(again.documents.len(), parsed.documents.len());
    }
}

#[test]
fn nul_bytes_and_long_lines_in_every_kind() {
    // Dense for the plan reader; one long literal for the SQL readers (the 100,000-token
    // statement is in huge_lines_and_statements).
    let dense = format!("Seq Scan on t  (cost=0.00..1.00 rows=1 width=4) {}", "(a = 1) AND ".repeat(450_000));
    let literal = format!("Seq Scan on t  (cost=0.00..1.00 rows=1 width=4) Filter: (a = '{}'); SELECT 1", "x".repeat(5_000_000));
    for kind in [InputKind::Plan, InputKind::Schema, InputKind::Migration, InputKind::Query] {
        let long_line = if kind == InputKind::Plan { &dense } else { &literal };
        assert!(long_line.len() > 5_000_000 && !long_line.contains('\n'));
        for (name, text) in [("nul", "CREATE TABLE t (a int);\0SELECT\0 1;\0".to_owned()), ("5 MB line", long_line.clone())] {
            let report = analyze_small_stack(vec![Input::new(kind, name, text)]);
            assert_eq!(report.inputs.len(), 1, "{name} as {kind:?}");
        }
    }
}

#[test]
fn inputs_over_the_size_cap_get_a_note() {
    assert_eq!(Config::default().max_input_bytes, 64 * 1024 * 1024, "the documented default");
    let config = Config { max_input_bytes: 1000, ..Config::default() };
    let inputs = [Input::new(InputKind::Plan, "big.json", "x".repeat(1001)), Input::new(InputKind::Query, "small.sql", "SELECT 1;")];
    let report = analyze(&inputs, &config);
    assert!(!report.inputs[0].ok && report.inputs[1].ok);
    let note = &report.notes[0];
    assert_eq!(note.input, 0);
    assert!(note.message.starts_with("big.json: the input is 1001 bytes, over the input size cap of 1000 bytes"), "{}", note.message);
    let mib = Config { max_input_bytes: 2 * 1024 * 1024, ..Config::default() };
    let report = analyze(&[Input::new(InputKind::Schema, "dump.sql", "-".repeat(3 * 1024 * 1024 + 512 * 1024))], &mib);
    assert!(report.notes[0].message.contains("the input is 3.5 MiB (3670016 bytes), over the input size cap of 2 MiB"), "{}", report.notes[0].message);
}

#[test]
fn share_link_bombs_are_capped() {
    use pgsight_core::share::{decode, encode, ShareError, SharedInputs, DEFAULT_MAX_DECODED_BYTES};
    // 16 MiB of one character packs into a short link; unpacking stops at the cap.
    let bomb = encode(&SharedInputs { plan: "0".repeat(16 * 1024 * 1024), ..SharedInputs::default() });
    assert!(bomb.len() < 64_000, "{}", bomb.len());
    assert_eq!(decode(&bomb, DEFAULT_MAX_DECODED_BYTES), Err(ShareError::TooLarge(DEFAULT_MAX_DECODED_BYTES)));
    assert!(ShareError::TooLarge(DEFAULT_MAX_DECODED_BYTES).to_string().contains("8388608 bytes"));
    // Just under the cap still opens.
    let fits = SharedInputs { plan: "0".repeat(DEFAULT_MAX_DECODED_BYTES - 100), ..SharedInputs::default() };
    assert_eq!(decode(&encode(&fits), DEFAULT_MAX_DECODED_BYTES).as_ref(), Ok(&fits));
}
