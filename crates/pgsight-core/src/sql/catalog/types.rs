//! Type names as PostgreSQL prints them (`format_type`), so that `int4`, `int`
//! and `integer` compare equal and a migration's types match a dump's.

/// Aliases and their canonical spelling; `pg_catalog.` is stripped first.
const CANONICAL: &[(&[&str], &str)] = &[
    (&["int", "int4", "integer", "serial", "serial4"], "integer"),
    (&["int2", "smallint", "smallserial", "serial2"], "smallint"),
    (&["int8", "bigint", "bigserial", "serial8"], "bigint"),
    (&["float4", "real"], "real"),
    (&["float8", "float", "double precision"], "double precision"),
    (&["bool", "boolean"], "boolean"),
    (&["varchar", "character varying", "char varying"], "character varying"),
    (&["char", "character", "bpchar"], "character"),
    (&["decimal", "numeric", "dec"], "numeric"),
    (&["timestamptz", "timestamp with time zone"], "timestamp with time zone"),
    (&["timestamp", "timestamp without time zone"], "timestamp without time zone"),
    (&["timetz", "time with time zone"], "time with time zone"),
    (&["time", "time without time zone"], "time without time zone"),
    (&["varbit", "bit varying"], "bit varying"),
];

/// The serial pseudo-types and the integer type each stands for.
pub fn serial_base(type_name: &str) -> Option<&'static str> {
    match type_name.trim().to_ascii_lowercase().as_str() {
        "serial" | "serial4" => Some("integer"),
        "bigserial" | "serial8" => Some("bigint"),
        "smallserial" | "serial2" => Some("smallint"),
        _ => None,
    }
}

/// Lower-cases a type as written, leaving quoted identifiers alone.
pub fn lower_unquoted(written: &str) -> String {
    let mut out = String::with_capacity(written.len());
    let mut quoted = false;
    for c in written.chars() {
        if c == '"' {
            quoted = !quoted;
        }
        out.push(if quoted { c } else { c.to_ascii_lowercase() });
    }
    out
}

/// The canonical spelling of a type: base name mapped, modifiers (`(5,2)`) and
/// array brackets kept, `WITH TIME ZONE` put back after the modifiers.
pub fn normalize(written: &str) -> String {
    let lowered = lower_unquoted(written.trim());
    let (rest, arrays) = split_array_suffix(&lowered);
    let (base, modifiers) = split_modifiers(rest);
    let base = base.strip_prefix("pg_catalog.").unwrap_or(&base);
    let canonical = CANONICAL.iter().find(|(aliases, _)| aliases.contains(&base)).map_or(base, |(_, name)| name);
    let with_modifiers = match canonical.split_once(" with") {
        // timestamp(3) with time zone: modifiers go after the first word.
        Some((head, zone)) if !modifiers.is_empty() => format!("{head}{modifiers} with{zone}"),
        _ => format!("{canonical}{modifiers}"),
    };
    format!("{with_modifiers}{arrays}")
}

/// `text[]` → (`text`, `[]`); `int ARRAY` counts as one dimension.
fn split_array_suffix(text: &str) -> (&str, String) {
    if let Some(base) = text.strip_suffix(" array") {
        return (base.trim_end(), "[]".to_owned());
    }
    match outside_quotes(text, '[') {
        Some(i) => (text[..i].trim_end(), "[]".repeat(text[i..].matches('[').count())),
        None => (text, String::new()),
    }
}

/// Byte offset of the first `wanted` outside double quotes.
fn outside_quotes(text: &str, wanted: char) -> Option<usize> {
    let mut quoted = false;
    for (i, c) in text.char_indices() {
        match c {
            '"' => quoted = !quoted,
            c if c == wanted && !quoted => return Some(i),
            _ => {}
        }
    }
    None
}

/// `numeric(5, 2)` → (`numeric`, `(5,2)`); `timestamp(3) with time zone` →
/// (`timestamp with time zone`, `(3)`). Spaces collapse to one.
fn split_modifiers(text: &str) -> (String, String) {
    let (base, modifiers) = match (outside_quotes(text, '('), outside_quotes(text, ')')) {
        (Some(open), Some(close)) if open < close => {
            let modifiers: String = text[open..=close].chars().filter(|c| !c.is_whitespace()).collect();
            (format!("{} {}", &text[..open], &text[close + 1..]), modifiers)
        }
        _ => (text.to_owned(), String::new()),
    };
    (base.split_whitespace().collect::<Vec<_>>().join(" "), modifiers)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_map_to_what_postgres_prints() {
        let cases = [
            ("INT4", "integer"),
            ("serial", "integer"),
            ("BIGSERIAL", "bigint"),
            ("character varying(50)", "character varying(50)"),
            ("VARCHAR (50)", "character varying(50)"),
            ("NUMERIC(5, 2)", "numeric(5,2)"),
            ("timestamptz", "timestamp with time zone"),
            ("TIMESTAMP(3) WITH TIME ZONE", "timestamp(3) with time zone"),
            ("timestamp", "timestamp without time zone"),
            ("pg_catalog.int8", "bigint"),
            ("text[]", "text[]"),
            ("INTEGER[][]", "integer[][]"),
            ("int ARRAY", "integer[]"),
            ("public.\"bıgınt\"", "public.\"bıgınt\""),
            ("Public.MPAA_Rating", "public.mpaa_rating"),
            ("double precision", "double precision"),
        ];
        for (written, expected) in cases {
            assert_eq!(normalize(written), expected, "{written}");
        }
        assert_eq!(serial_base("SERIAL8"), Some("bigint"));
        assert_eq!(serial_base("integer"), None);
    }
}
