//! Reads the conditions PostgreSQL prints in plans (`Filter`, `Index Cond`, ...).
//!
//! PostgreSQL deparses expressions fully parenthesized, with casts on literals:
//! `((status = 'open'::text) AND (created_at >= '2024-01-01'::date))`. This module
//! splits the top-level ANDs and recognizes the `column op constant` shapes that
//! index advice needs. Anything else is kept as [`ConjunctKind::Other`].

/// A column reference, as written in the plan (`o.status` or `status`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnRef {
    pub qualifier: Option<String>,
    pub name: String,
}

/// How a conjunct constrains its column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConjunctKind {
    /// `col = const`, `col = ANY (...)`: an index equality column.
    Equality,
    /// `col < const`, `col >= const`, `col ~~ 'abc%'`: an index range column.
    Range,
    /// `col IS NULL` / `col IS NOT NULL`.
    NullTest { negated: bool },
    /// A bare boolean column or `NOT col`.
    Boolean { value: bool },
    /// `col ~~ '%x'` and friends: LIKE with a leading wildcard.
    LeadingWildcard,
    /// Anything else (functions on the column, OR, column-to-column).
    Other,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conjunct {
    /// The conjunct as printed, outer parentheses removed.
    pub text: String,
    pub column: Option<ColumnRef>,
    pub kind: ConjunctKind,
    /// The operator between column and constant (`=`, `>=`, `~~`), when there is one.
    pub operator: Option<String>,
    /// The constant side as printed (`'open'::text`), when there is one.
    pub constant: Option<String>,
}

/// Splits `expr` into its top-level AND conjuncts and classifies each.
pub fn conjuncts(expr: &str) -> Vec<Conjunct> {
    split_top_level(strip_outer_parens(expr.trim()), " AND ")
        .into_iter()
        .map(|part| classify(strip_outer_parens(part.trim())))
        .collect()
}

/// Removes parentheses that wrap the whole expression, however many.
pub fn strip_outer_parens(mut s: &str) -> &str {
    loop {
        let t = s.trim();
        if t.starts_with('(') && matching_close(t, 0) == Some(t.len() - 1) {
            s = &t[1..t.len() - 1];
        } else {
            return t;
        }
    }
}

/// Byte index of the parenthesis closing the one at `open`, skipping quoted text.
fn matching_close(s: &str, open: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut quote: Option<u8> = None;
    for (i, &b) in s.as_bytes().iter().enumerate().skip(open) {
        match (quote, b) {
            (Some(q), _) if b == q => quote = None,
            (Some(_), _) => {}
            (None, b'\'' | b'"') => quote = Some(b),
            (None, b'(') => depth += 1,
            (None, b')') => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

/// Splits at `sep` where it stands outside parentheses and quotes.
pub fn split_top_level<'a>(s: &'a str, sep: &str) -> Vec<&'a str> {
    let bytes = s.as_bytes();
    let mut parts = Vec::new();
    let (mut depth, mut quote, mut start, mut i) = (0i32, None::<u8>, 0usize, 0usize);
    while i < bytes.len() {
        let b = bytes[i];
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None => match b {
                b'\'' | b'"' => quote = Some(b),
                b'(' | b'[' => depth += 1,
                b')' | b']' => depth -= 1,
                _ if depth == 0 && s[i..].starts_with(sep) => {
                    parts.push(&s[start..i]);
                    i += sep.len();
                    start = i;
                    continue;
                }
                _ => {}
            },
        }
        i += 1;
    }
    parts.push(&s[start..]);
    parts
}

const OPERATORS: &[(&str, ConjunctKind)] = &[
    (" = ANY ", ConjunctKind::Equality),
    (" <= ", ConjunctKind::Range),
    (" >= ", ConjunctKind::Range),
    (" <> ", ConjunctKind::Other),
    (" !~~* ", ConjunctKind::Other),
    (" !~~ ", ConjunctKind::Other),
    (" ~~* ", ConjunctKind::Range),
    (" ~~ ", ConjunctKind::Range),
    (" = ", ConjunctKind::Equality),
    (" < ", ConjunctKind::Range),
    (" > ", ConjunctKind::Range),
];

fn classify(text: &str) -> Conjunct {
    let mut conjunct = Conjunct { text: text.to_owned(), column: None, kind: ConjunctKind::Other, operator: None, constant: None };
    if let Some(rest) = text.strip_prefix("NOT ") {
        if let Some(col) = column_ref(strip_outer_parens(rest)) {
            conjunct.column = Some(col);
            conjunct.kind = ConjunctKind::Boolean { value: false };
        }
        return conjunct;
    }
    for (suffix, negated) in [(" IS NOT NULL", true), (" IS NULL", false)] {
        if let Some(lhs) = text.strip_suffix(suffix) {
            if let Some(col) = column_ref(strip_outer_parens(lhs)) {
                conjunct.column = Some(col);
                conjunct.kind = ConjunctKind::NullTest { negated };
            }
            return conjunct;
        }
    }
    if let Some(col) = column_ref(text) {
        conjunct.column = Some(col);
        conjunct.kind = ConjunctKind::Boolean { value: true };
        return conjunct;
    }
    for (op, kind) in OPERATORS {
        let parts = split_top_level(text, op);
        if parts.len() != 2 {
            continue;
        }
        let (lhs, rhs) = (parts[0].trim(), parts[1].trim());
        let (col, constant, swapped) = match (column_ref(lhs), is_constant(rhs), column_ref(rhs), is_constant(lhs)) {
            (Some(col), true, _, _) => (col, rhs, false),
            (_, _, Some(col), true) => (col, lhs, true),
            _ => return conjunct,
        };
        let op_text = op.trim();
        conjunct.kind = match kind {
            ConjunctKind::Range if op_text.starts_with("~~") && like_pattern_leads_with_wildcard(constant) => {
                ConjunctKind::LeadingWildcard
            }
            ConjunctKind::Range if op_text.starts_with("~~") && swapped => ConjunctKind::Other,
            other => other.clone(),
        };
        conjunct.column = Some(col);
        conjunct.operator = Some(op_text.to_owned());
        conjunct.constant = Some(constant.to_owned());
        return conjunct;
    }
    conjunct
}

fn like_pattern_leads_with_wildcard(constant: &str) -> bool {
    constant.trim_start_matches('(').starts_with("'%") || constant.trim_start_matches('(').starts_with("'_")
}

/// `name`, `t.name`, `"Name"`, or `(name)::text` (a cast PostgreSQL adds for
/// varchar columns, which a btree index on the column still serves).
pub fn column_ref(s: &str) -> Option<ColumnRef> {
    let s = s.trim();
    if let Some(inner) = s.strip_prefix('(') {
        let close = matching_close(s, 0)?;
        let cast = &s[close + 1..];
        if cast.starts_with("::") && is_type_name(&cast[2..]) && matches!(&cast[2..], "text" | "character varying" | "bpchar") {
            return column_ref(&inner[..close - 1]);
        }
        return None;
    }
    let parts = split_identifier_path(s)?;
    match parts.as_slice() {
        [name] => Some(ColumnRef { qualifier: None, name: name.clone() }),
        [qualifier, name] => Some(ColumnRef { qualifier: Some(qualifier.clone()), name: name.clone() }),
        _ => None,
    }
}

fn is_type_name(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || c == ' ' || c == '_' || c == '"' || c == '[' || c == ']')
}

/// Splits `a.b` into identifiers; `None` unless the whole text is an identifier path.
fn split_identifier_path(s: &str) -> Option<Vec<String>> {
    let mut parts = Vec::new();
    let mut rest = s;
    loop {
        let (ident, after) = if let Some(quoted) = rest.strip_prefix('"') {
            let end = quoted.find('"')?;
            (quoted[..end].to_owned(), &quoted[end + 1..])
        } else {
            let end = rest.find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '$')).unwrap_or(rest.len());
            let ident = &rest[..end];
            let first = ident.chars().next()?;
            if !(first.is_alphabetic() || first == '_') || is_keyword(ident) {
                return None;
            }
            (ident.to_owned(), &rest[end..])
        };
        parts.push(ident);
        if after.is_empty() {
            return Some(parts);
        }
        rest = after.strip_prefix('.')?;
    }
}

fn is_keyword(word: &str) -> bool {
    matches!(
        word.to_ascii_uppercase().as_str(),
        "TRUE" | "FALSE" | "NULL" | "AND" | "OR" | "NOT" | "CASE" | "ANY" | "ALL" | "ARRAY" | "CURRENT_DATE" | "CURRENT_TIMESTAMP" | "LOCALTIMESTAMP"
    )
}

/// A literal (with optional casts), a parameter `$1`, a number, or an ARRAY/ANY list
/// of those.
pub fn is_constant(s: &str) -> bool {
    let s = strip_outer_parens(s.trim());
    let base = strip_casts(s);
    if base.starts_with('\'') && base.ends_with('\'') && base.len() >= 2 {
        return true;
    }
    if let Some(n) = base.strip_prefix('$') {
        return !n.is_empty() && n.chars().all(|c| c.is_ascii_digit());
    }
    if base.parse::<f64>().is_ok() {
        return true;
    }
    if matches!(base.to_ascii_lowercase().as_str(), "true" | "false" | "current_date" | "current_timestamp" | "now()") {
        return true;
    }
    if let Some(inner) = base.strip_prefix("ARRAY[").and_then(|r| r.strip_suffix(']')) {
        return split_top_level(inner, ",").iter().all(|p| is_constant(p));
    }
    false
}

/// `'x'::text::varchar` → `'x'`; stops at the first `::` outside quotes.
fn strip_casts(s: &str) -> &str {
    let parts = split_top_level(s, "::");
    let base = parts[0].trim();
    strip_outer_parens(base)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_and_classifies_pg_filters() {
        let c = conjuncts("((status = 'open'::text) AND (created_at >= '2024-01-01'::date) AND (NOT o.archived) AND (deleted_at IS NULL))");
        let kinds: Vec<_> = c.iter().map(|c| (c.column.as_ref().map(|c| c.name.as_str()), c.kind.clone())).collect();
        assert_eq!(
            kinds,
            vec![
                (Some("status"), ConjunctKind::Equality),
                (Some("created_at"), ConjunctKind::Range),
                (Some("archived"), ConjunctKind::Boolean { value: false }),
                (Some("deleted_at"), ConjunctKind::NullTest { negated: false }),
            ]
        );
        assert_eq!(c[2].column.as_ref().and_then(|c| c.qualifier.as_deref()), Some("o"));
    }

    #[test]
    fn recognizes_casts_any_and_params() {
        let c = conjuncts("((name)::text = 'seattle'::text)");
        assert_eq!(c[0].column.as_ref().map(|c| c.name.as_str()), Some("name"));
        let c = conjuncts("(s.property_type_id = ANY ('{3,6}'::bigint[]))");
        assert_eq!(c[0].kind, ConjunctKind::Equality);
        let c = conjuncts("(customer_id = $1)");
        assert_eq!(c[0].kind, ConjunctKind::Equality);
    }

    #[test]
    fn functions_or_and_wildcards_are_not_sargable() {
        assert_eq!(conjuncts("(lower((email)::text) = 'a@b.c'::text)")[0].kind, ConjunctKind::Other);
        assert_eq!(conjuncts("((a = 1) OR (b = 2))")[0].kind, ConjunctKind::Other);
        assert_eq!(conjuncts("((name)::text ~~ '%son'::text)")[0].kind, ConjunctKind::LeadingWildcard);
        assert_eq!(conjuncts("((name)::text ~~ 'son%'::text)")[0].kind, ConjunctKind::Range);
        assert_eq!(conjuncts("(0 <> (s.search_status_id & 1))")[0].kind, ConjunctKind::Other);
    }
}
