use super::*;

fn classes(script: &Script) -> Vec<&'static str> {
    script
        .statements
        .iter()
        .map(|s| match s.class {
            StatementClass::Parsed { .. } => "parsed",
            StatementClass::Recognized(_) => "recognized",
            StatementClass::Irrelevant { .. } => "irrelevant",
            StatementClass::Unknown { .. } => "unknown",
            StatementClass::Applied => "applied",
        })
        .collect()
}

#[test]
fn each_statement_gets_the_first_reading_that_works() {
    let text = "\\connect shop\n\
                CREATE TABLE t (id int PRIMARY KEY);\n\
                CREATE SEQUENCE s AS integer START WITH 1 INCREMENT BY 1 CACHE 1;\n\
                ALTER TYPE mood OWNER TO postgres;\n\
                CREATE INDEX i ON ONLY t USING btree (id);\n\
                FROBNICATE t;";
    let script = parse_script(text);
    assert_eq!(classes(&script), ["irrelevant", "parsed", "recognized", "irrelevant", "parsed", "unknown"]);
    assert_eq!(script.statements[4].adjustments(), [Adjustment::IndexOnOnly]);
    let counts = StatementCounts { total: 6, parsed: 2, recognized: 1, irrelevant: 2, unknown: 1 };
    assert_eq!(script.counts, counts);
    assert!((counts.understood_percent() - 500.0 / 6.0).abs() < 1e-9);
    assert_eq!(script.statements[3].head(2), "ALTER TYPE");
}

#[test]
fn a_bad_statement_is_noted_where_it_fails_and_the_rest_is_read() {
    let text = "SELECT 1;\n\nCREATE TABLE t (\n  a int,\n  b int CHECK\n);\nSELECT 2;";
    let script = parse_script(text);
    assert_eq!(classes(&script), ["parsed", "unknown", "parsed"]);
    let note = &script.notes[0];
    assert_eq!((note.line, note.column, note.statement), (6, 1, 1), "{note:?}");
    assert!(note.message.starts_with("could not read `CREATE TABLE t ...`: Expected"), "{}", note.message);
}

#[test]
fn unterminated_input_is_noted_once() {
    let script = parse_script("SELECT 1;\nSELECT 'oops");
    assert_eq!(script.notes.len(), 1);
    assert_eq!((script.notes[0].line, script.notes[0].column), (2, 8));
    assert!(script.notes[0].message.contains("unterminated string"));
}

#[test]
fn leading_comments_travel_with_their_statement() {
    let script = parse_script("-- pgsight-ignore: drop-table\nDROP TABLE t;");
    let comments = &script.statements[0].leading_comments;
    assert_eq!(comments, &[Comment { text: "-- pgsight-ignore: drop-table".into(), line: 1, column: 1 }]);
    assert_eq!(script.statements[0].span.line, 2);
}

#[test]
fn an_empty_script_is_fully_understood() {
    let script = parse_script("-- nothing here\n");
    assert!(script.statements.is_empty());
    assert_eq!(script.counts.understood_percent(), 100.0);
}
