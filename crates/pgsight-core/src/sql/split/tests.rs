use super::*;

/// (text, line, column) of each statement.
fn statements(text: &str) -> Vec<(&str, u32, u32)> {
    split(text).iter().map(|s| (s.span.text(text), s.span.line, s.span.column)).collect()
}

#[test]
fn semicolons_end_statements_and_positions_are_one_based() {
    let text = "SELECT 1;\n  SELECT 2 ;SELECT 3";
    assert_eq!(statements(text), [("SELECT 1", 1, 1), ("SELECT 2", 2, 3), ("SELECT 3", 2, 13)]);
}

#[test]
fn columns_count_characters_not_bytes() {
    let text = "SELECT 'çé𝄞'; SELECT 2;";
    assert_eq!(statements(text)[1], ("SELECT 2", 1, 15));
}

#[test]
fn dollar_quotes_hide_semicolons() {
    let text = "CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql;\n\
                CREATE FUNCTION g() RETURNS int AS $body$ SELECT $$;$$; $body$ LANGUAGE sql;\n\
                SELECT $1, a$b;";
    let found = statements(text);
    assert_eq!(found.len(), 3, "{found:?}");
    assert!(found[0].0.ends_with("LANGUAGE sql"));
    assert_eq!((found[1].1, found[1].2), (2, 1));
    assert_eq!(found[2], ("SELECT $1, a$b", 3, 1));
}

#[test]
fn nested_block_comments_and_line_comments() {
    let text = "/* outer /* inner; */ still; */ SELECT 1; -- after; this\nSELECT /* ; */ 2 -- ;\n;";
    let found = split(text);
    assert_eq!(found.len(), 2);
    assert_eq!(found[0].span.text(text), "SELECT 1");
    assert_eq!((found[0].span.line, found[0].span.column), (1, 33));
    assert_eq!(found[0].leading_comments[0].text(text), "/* outer /* inner; */ still; */");
    assert_eq!(found[1].span.text(text), "SELECT /* ; */ 2 -- ;");
    assert_eq!(found[1].leading_comments.len(), 1);
    assert_eq!(found[1].leading_comments[0].text(text), "-- after; this");
    assert_eq!((found[1].leading_comments[0].line, found[1].leading_comments[0].column), (1, 43));
}

#[test]
fn leading_comments_are_kept_apart_from_the_statement() {
    let text = "SELECT 1;\n\n-- pgsight-ignore: drop-table\n/* why */\nDROP TABLE t;";
    let drop = &split(text)[1];
    assert_eq!(drop.span.text(text), "DROP TABLE t");
    assert_eq!((drop.span.line, drop.span.column), (5, 1));
    let comments: Vec<(&str, u32)> = drop.leading_comments.iter().map(|c| (c.text(text), c.line)).collect();
    assert_eq!(comments, [("-- pgsight-ignore: drop-table", 3), ("/* why */", 4)]);
}

#[test]
fn standard_and_escape_strings() {
    // In 'c\' the backslash is an ordinary character; in E'a\'' it escapes the quote.
    let text = "SELECT 'it''s;', E'a\\';b', e'\\\\', 'c\\';\nSELECT 2;";
    assert_eq!(statements(text), [("SELECT 'it''s;', E'a\\';b', e'\\\\', 'c\\'", 1, 1), ("SELECT 2", 2, 1)]);
    // A word ending in e is not an E prefix.
    assert_eq!(statements("SELECT type'x\\'; SELECT 2").len(), 2);
}

#[test]
fn quoted_identifiers() {
    let text = "CREATE TABLE \"we;ird\"\"name\" (x int); SELECT 2;";
    assert_eq!(statements(text), [("CREATE TABLE \"we;ird\"\"name\" (x int)", 1, 1), ("SELECT 2", 1, 38)]);
}

#[test]
fn psql_meta_commands_are_their_own_statements() {
    let text = "\\restrict abc123\n\\connect shop\nSET x = 1;\n  \\set ON_ERROR_STOP on\n\\unrestrict abc123\n";
    let found = split(text);
    let kinds: Vec<(StatementKind, &str, u32, u32)> = found.iter().map(|s| (s.kind, s.span.text(text), s.span.line, s.span.column)).collect();
    assert_eq!(
        kinds,
        [
            (StatementKind::PsqlCommand, "\\restrict abc123", 1, 1),
            (StatementKind::PsqlCommand, "\\connect shop", 2, 1),
            (StatementKind::Sql, "SET x = 1", 3, 1),
            (StatementKind::PsqlCommand, "\\set ON_ERROR_STOP on", 4, 3),
            (StatementKind::PsqlCommand, "\\unrestrict abc123", 5, 1),
        ]
    );
}

#[test]
fn copy_from_stdin_skips_its_data() {
    let text = "COPY public.t (a, b) FROM stdin;\n1\tx;y\n2\t'\n\\.\nSELECT 1;";
    let found = split(text);
    assert_eq!(found.len(), 2);
    assert_eq!(found[0].span.text(text), "COPY public.t (a, b) FROM stdin");
    let data = found[0].copy_data.expect("copy data");
    assert_eq!(data.text(text), "1\tx;y\n2\t'\n");
    assert_eq!((data.line, data.column), (2, 1));
    assert_eq!((found[1].span.line, found[1].span.column), (5, 1));
    // COPY to stdout has no data lines.
    assert_eq!(split("COPY t TO stdout; SELECT 1;").len(), 2);
}

#[test]
fn copy_data_without_terminator_is_noted() {
    let found = split("COPY t FROM stdin;\n1\n2\n");
    assert_eq!(found.len(), 1);
    let note = found[0].note.as_ref().expect("note");
    assert!(note.message.contains("COPY data"), "{}", note.message);
    assert_eq!((note.line, note.column), (2, 1));
}

#[test]
fn begin_atomic_bodies_keep_their_semicolons() {
    let text = "CREATE OR REPLACE FUNCTION f(a int) RETURNS int LANGUAGE sql\n\
                BEGIN ATOMIC\n  SELECT 1;\n  SELECT CASE WHEN a > 0 THEN 1 ELSE 2 END;\nEND;\n\
                BEGIN;\nSELECT (CASE WHEN true THEN 1 END);\nCOMMIT;";
    let found = statements(text);
    assert_eq!(found.len(), 4, "{found:?}");
    assert!(found[0].0.ends_with("ELSE 2 END;\nEND"));
    assert_eq!(&found[1..], [("BEGIN", 6, 1), ("SELECT (CASE WHEN true THEN 1 END)", 7, 1), ("COMMIT", 8, 1)]);
}

#[test]
fn unterminated_constructs_become_noted_statements() {
    let text = "SELECT 1;\nSELECT 'abc;\nSELECT 2;";
    let found = split(text);
    assert_eq!(found.len(), 2);
    assert_eq!(found[1].span.text(text), "SELECT 'abc;\nSELECT 2;");
    let note = found[1].note.as_ref().expect("note");
    assert!(note.message.contains("unterminated string"));
    assert_eq!((note.line, note.column), (2, 8));

    for (text, what, line, column) in [
        ("SELECT 1;\n/* open /* nested */", "block comment", 2, 1),
        ("SELECT $x$ never closed", "dollar-quoted string", 1, 8),
        ("SELECT \"col", "quoted identifier", 1, 8),
        ("CREATE PROCEDURE p() BEGIN ATOMIC SELECT 1;", "BEGIN ATOMIC", 1, 22),
    ] {
        let last = split(text).pop().expect("a statement");
        let note = last.note.expect("note");
        assert!(note.message.contains(what), "{text}: {}", note.message);
        assert_eq!((note.line, note.column), (line, column), "{text}");
    }
}

#[test]
fn empty_statements_and_trailing_comments_vanish() {
    assert_eq!(statements(";; SELECT 1;;\n-- the end\n"), [("SELECT 1", 1, 4)]);
    assert!(split("").is_empty());
    assert!(split("  -- only a comment").is_empty());
}

#[test]
fn never_panics_on_odd_bytes() {
    for text in ["$", "'", "E'\\", "/*", "--", "\\", "$$", "$a", "(((", ")))", "é$é$", "COPY x FROM stdin;", "\u{feff}SELECT 1"] {
        let _ = split(text);
    }
}
