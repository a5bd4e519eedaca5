//! Writing the SQL that findings propose: quoting and naming, in one place.

/// Quotes an identifier when PostgreSQL would need it (upper case, spaces, keywords).
pub fn quote_ident(name: &str) -> String {
    let plain = name.chars().next().is_some_and(|c| c.is_ascii_lowercase() || c == '_')
        && name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '$')
        && !is_reserved(name);
    if plain {
        name.to_owned()
    } else {
        format!("\"{}\"", name.replace('"', "\"\""))
    }
}

/// A schema-qualified name as findings carry it: `schema.name`, each part as written
/// unless it holds a `.` or a `"`, which would make the dotted form ambiguous; such a
/// part is double-quoted. `("public", "orders")` → `public.orders`, but a table named
/// `a.b` gives `public."a.b"`. [`split_qualified`] reads it back.
pub fn qualify(schema: Option<&str>, name: &str) -> String {
    match schema {
        Some(schema) => format!("{}.{}", quote_if_ambiguous(schema), quote_if_ambiguous(name)),
        None => quote_if_ambiguous(name),
    }
}

fn quote_if_ambiguous(part: &str) -> String {
    if part.contains(['.', '"']) {
        format!("\"{}\"", part.replace('"', "\"\""))
    } else {
        part.to_owned()
    }
}

/// The parts of a dotted name, unquoted: `public."a.b"` → `["public", "a.b"]`. Dots
/// inside double quotes do not split; `""` inside quotes is one `"`.
pub fn split_qualified(name: &str) -> Vec<String> {
    let mut parts = vec![String::new()];
    let mut chars = name.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                parts.last_mut().expect("never empty").push('"');
            }
            '"' => quoted = !quoted,
            '.' if !quoted => parts.push(String::new()),
            c => parts.last_mut().expect("never empty").push(c),
        }
    }
    parts
}

/// The schema and the bare name of a dotted name (see [`split_qualified`]).
pub fn schema_and_name(name: &str) -> (Option<String>, String) {
    let mut parts = split_qualified(name);
    let bare = parts.pop().unwrap_or_default();
    let schema = (!parts.is_empty()).then(|| parts.join("."));
    (schema, bare)
}

/// Quotes each part of a dotted name for SQL: `public.Orders` → `public."Orders"`,
/// `public."a.b"` → `public."a.b"`.
pub fn quote_qualified(name: &str) -> String {
    split_qualified(name).iter().map(|p| quote_ident(p)).collect::<Vec<_>>().join(".")
}

fn is_reserved(word: &str) -> bool {
    matches!(
        word,
        "all" | "analyse" | "analyze" | "and" | "any" | "array" | "as" | "asc" | "both" | "case" | "cast" | "check"
            | "collate" | "column" | "constraint" | "create" | "default" | "desc" | "distinct" | "do" | "else" | "end"
            | "except" | "false" | "fetch" | "for" | "foreign" | "from" | "grant" | "group" | "having" | "in"
            | "initially" | "intersect" | "into" | "leading" | "limit" | "not" | "null" | "offset" | "on" | "only"
            | "or" | "order" | "placing" | "primary" | "references" | "returning" | "select" | "some" | "table"
            | "then" | "to" | "trailing" | "true" | "union" | "unique" | "user" | "using" | "when" | "where"
            | "window" | "with"
    )
}

/// PostgreSQL truncates identifiers to 63 bytes; keep names inside that.
const MAX_IDENTIFIER_BYTES: usize = 63;

/// `orders_customer_id_status_idx`, from the bare table name and the key columns.
pub fn index_name(table: &str, columns: &[String], suffix: &str) -> String {
    let (_, mut name) = schema_and_name(table);
    for column in columns {
        name.push('_');
        name.push_str(column);
    }
    let mut name: String = name
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || c == '_' { c.to_ascii_lowercase() } else { '_' })
        .collect();
    let room = MAX_IDENTIFIER_BYTES - suffix.len() - 1;
    name.truncate(room);
    format!("{name}_{suffix}")
}

/// The schema of a qualified name, unquoted, to qualify an index name the same way.
pub fn schema_of(table: &str) -> Option<String> {
    schema_and_name(table).0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_only_when_needed() {
        assert_eq!(quote_ident("orders"), "orders");
        assert_eq!(quote_ident("Orders"), "\"Orders\"");
        assert_eq!(quote_ident("order"), "\"order\"");
        assert_eq!(quote_qualified("public.order"), "public.\"order\"");
    }

    #[test]
    fn names_with_dots_and_quotes_survive_the_round_trip() {
        let table = "<script>window.__pwned=1</script>";
        let qualified = qualify(Some("public"), table);
        assert_eq!(qualified, "public.\"<script>window.__pwned=1</script>\"");
        assert_eq!(schema_and_name(&qualified), (Some("public".to_owned()), table.to_owned()));
        assert_eq!(quote_qualified(&qualified), qualified);
        assert_eq!(schema_of(&qualified).as_deref(), Some("public"));

        let odd = qualify(Some("my.schema"), "a\"b");
        assert_eq!(odd, "\"my.schema\".\"a\"\"b\"");
        assert_eq!(split_qualified(&odd), ["my.schema", "a\"b"]);
        assert_eq!(quote_qualified(&odd), odd);
        // Plain names are unchanged.
        assert_eq!(qualify(Some("public"), "orders"), "public.orders");
        assert_eq!(split_qualified("orders"), ["orders"]);
        assert!(index_name(&qualified, &["x".to_owned()], "idx").starts_with("_script_window___pwned_1__script__x"));
    }

    #[test]
    fn index_names_fit_postgres_limit() {
        let long: Vec<String> = (0..20).map(|i| format!("column_{i}")).collect();
        let name = index_name("public.orders", &long, "idx");
        assert!(name.len() <= 63 && name.ends_with("_idx") && name.starts_with("orders_"));
    }
}
