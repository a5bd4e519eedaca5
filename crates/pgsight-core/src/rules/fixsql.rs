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

/// Quotes each part of a dotted, unquoted name: `public.Orders` → `public."Orders"`.
pub fn quote_qualified(name: &str) -> String {
    name.split('.').map(quote_ident).collect::<Vec<_>>().join(".")
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
    let bare_table = table.rsplit('.').next().unwrap_or(table);
    let mut name = bare_table.to_owned();
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

/// The schema of a qualified name, to qualify an index name the same way.
pub fn schema_of(table: &str) -> Option<&str> {
    table.rsplit_once('.').map(|(schema, _)| schema)
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
    fn index_names_fit_postgres_limit() {
        let long: Vec<String> = (0..20).map(|i| format!("column_{i}")).collect();
        let name = index_name("public.orders", &long, "idx");
        assert!(name.len() <= 63 && name.ends_with("_idx") && name.starts_with("orders_"));
    }
}
